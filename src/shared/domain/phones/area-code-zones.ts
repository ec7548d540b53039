/**
 * U.S. area codes (the fifty states, D.C. and the territories on the North American
 * Numbering Plan) → the IANA time zone where the customer most likely is.
 *
 * Area codes do not follow time-zone lines. Where one spans zones we pick the zone
 * where most of its subscribers live and say why in `approximate`, so the UI can
 * write "likely 7:15" instead of pretending. A customer's stated zone always wins
 * (see customer-time.ts). Non-geographic codes (toll-free, 5XX personal numbers,
 * 900) have no zone on purpose.
 *
 * Completeness is checked in tests against libphonenumber-js: every area code it
 * accepts as a U.S./territory number is either here or in NON_GEOGRAPHIC_AREA_CODES.
 */

export interface AreaCodeZone {
  timeZone: string;
  /** True when the area code spans zones and `timeZone` is the majority one. */
  approximate: boolean;
  /** USPS state / territory code, e.g. "AZ", "PR". */
  region: string;
  /** Why the zone is only likely; present exactly when approximate. */
  note?: string;
}

const EASTERN = 'America/New_York';
const CENTRAL = 'America/Chicago';
const MOUNTAIN = 'America/Denver';
const PACIFIC = 'America/Los_Angeles';
const MICHIGAN = 'America/Detroit';
const INDIANA = 'America/Indiana/Indianapolis';
const KENTUCKY_EAST = 'America/Kentucky/Louisville';
const IDAHO = 'America/Boise';
/** Arizona keeps standard time all year (the Navajo Nation is the exception, see 928). */
const ARIZONA = 'America/Phoenix';

interface Row {
  region: string;
  timeZone: string;
  /** Space-separated area codes. */
  codes: string;
  /** Set when these codes span zones: why the zone is only the majority one. */
  approximate?: string;
}

const ROWS: readonly Row[] = [
  { region: 'AL', timeZone: CENTRAL, codes: '205 251 256 334 659 938' },
  {
    region: 'AK',
    timeZone: 'America/Anchorage',
    codes: '907',
    approximate: 'the western Aleutians (Adak) keep Hawaii–Aleutian time',
  },
  { region: 'AZ', timeZone: ARIZONA, codes: '480 520 602 623' },
  {
    region: 'AZ',
    timeZone: ARIZONA,
    codes: '928',
    approximate: 'the Navajo Nation in northeastern Arizona observes daylight saving time',
  },
  { region: 'AR', timeZone: CENTRAL, codes: '327 479 501 870' },
  {
    region: 'CA',
    timeZone: PACIFIC,
    codes:
      '209 213 279 310 323 341 350 369 408 415 424 442 510 530 559 562 619 626 628 650 657 661 669 707 714 ' +
      '738 747 760 805 818 820 831 840 858 909 916 925 949 951',
  },
  { region: 'CO', timeZone: MOUNTAIN, codes: '303 719 720 748 970 983' },
  { region: 'CT', timeZone: EASTERN, codes: '203 475 860 959' },
  { region: 'DE', timeZone: EASTERN, codes: '302' },
  { region: 'DC', timeZone: EASTERN, codes: '202 771' },
  {
    region: 'FL',
    timeZone: EASTERN,
    codes: '239 305 321 324 352 386 407 561 645 656 689 727 728 754 772 786 813 863 904 941 954',
  },
  {
    region: 'FL',
    timeZone: CENTRAL,
    codes: '448 850',
    approximate:
      'the Panhandle west of the Apalachicola River (Pensacola, Panama City) is Central; Tallahassee is Eastern',
  },
  { region: 'GA', timeZone: EASTERN, codes: '229 404 470 478 678 706 762 770 912 943' },
  { region: 'HI', timeZone: 'Pacific/Honolulu', codes: '808' },
  {
    region: 'ID',
    timeZone: IDAHO,
    codes: '208 986',
    approximate: 'the Idaho Panhandle north of the Salmon River is Pacific',
  },
  {
    region: 'IL',
    timeZone: CENTRAL,
    codes: '217 224 309 312 331 447 464 618 630 708 730 773 779 815 847 872',
  },
  { region: 'IN', timeZone: INDIANA, codes: '260 317 463 765' },
  {
    region: 'IN',
    timeZone: INDIANA,
    codes: '574',
    approximate: 'Starke County (Knox) is Central',
  },
  {
    region: 'IN',
    timeZone: INDIANA,
    codes: '812 930',
    approximate: 'the southwestern counties around Evansville are Central',
  },
  { region: 'IN', timeZone: CENTRAL, codes: '219' },
  { region: 'IA', timeZone: CENTRAL, codes: '319 515 563 641 712' },
  { region: 'KS', timeZone: CENTRAL, codes: '316 913' },
  {
    region: 'KS',
    timeZone: CENTRAL,
    codes: '620 785',
    approximate: 'four counties on the Colorado border are Mountain',
  },
  { region: 'KY', timeZone: KENTUCKY_EAST, codes: '502 859' },
  {
    region: 'KY',
    timeZone: KENTUCKY_EAST,
    codes: '606',
    approximate: 'Clinton, Cumberland and Russell counties are Central',
  },
  {
    region: 'KY',
    timeZone: CENTRAL,
    codes: '270 364',
    approximate: 'western Kentucky is Central; the Elizabethtown area is Eastern',
  },
  { region: 'LA', timeZone: CENTRAL, codes: '225 318 337 504 985' },
  { region: 'ME', timeZone: EASTERN, codes: '207' },
  { region: 'MD', timeZone: EASTERN, codes: '227 240 301 410 443 667' },
  { region: 'MA', timeZone: EASTERN, codes: '339 351 413 508 617 774 781 857 978' },
  { region: 'MI', timeZone: MICHIGAN, codes: '231 248 269 313 517 586 616 734 810 947 989' },
  {
    region: 'MI',
    timeZone: MICHIGAN,
    codes: '906',
    approximate: 'the four Upper Peninsula counties bordering Wisconsin are Central',
  },
  { region: 'MN', timeZone: CENTRAL, codes: '218 320 507 612 651 763 952' },
  { region: 'MS', timeZone: CENTRAL, codes: '228 601 662 769' },
  { region: 'MO', timeZone: CENTRAL, codes: '235 314 417 557 573 636 660 816 975' },
  { region: 'MT', timeZone: MOUNTAIN, codes: '406' },
  { region: 'NE', timeZone: CENTRAL, codes: '402 531' },
  {
    region: 'NE',
    timeZone: CENTRAL,
    codes: '308',
    approximate: 'the Nebraska Panhandle (Scottsbluff) is Mountain',
  },
  { region: 'NV', timeZone: PACIFIC, codes: '702 725' },
  {
    region: 'NV',
    timeZone: PACIFIC,
    codes: '775',
    approximate: 'West Wendover keeps Mountain time',
  },
  { region: 'NH', timeZone: EASTERN, codes: '603' },
  { region: 'NJ', timeZone: EASTERN, codes: '201 551 609 640 732 848 856 862 908 973' },
  { region: 'NM', timeZone: MOUNTAIN, codes: '505 575' },
  {
    region: 'NY',
    timeZone: EASTERN,
    codes: '212 315 329 332 347 363 516 518 585 607 631 646 680 716 718 838 845 914 917 929 934',
  },
  { region: 'NC', timeZone: EASTERN, codes: '252 336 472 704 743 828 910 919 980 984' },
  {
    region: 'ND',
    timeZone: CENTRAL,
    codes: '701',
    approximate: 'southwestern North Dakota (Dickinson) is Mountain',
  },
  { region: 'OH', timeZone: EASTERN, codes: '216 220 234 283 326 330 380 419 440 513 567 614 740 937' },
  { region: 'OK', timeZone: CENTRAL, codes: '405 539 572 580 918' },
  { region: 'OR', timeZone: PACIFIC, codes: '503 971' },
  {
    region: 'OR',
    timeZone: PACIFIC,
    codes: '458 541',
    approximate: 'most of Malheur County (Ontario) is Mountain',
  },
  {
    region: 'PA',
    timeZone: EASTERN,
    codes: '215 223 267 272 412 445 484 570 582 610 717 724 814 835 878',
  },
  { region: 'RI', timeZone: EASTERN, codes: '401' },
  { region: 'SC', timeZone: EASTERN, codes: '803 821 839 843 854 864' },
  {
    region: 'SD',
    timeZone: CENTRAL,
    codes: '605',
    approximate: 'western South Dakota (Rapid City) is Mountain',
  },
  { region: 'TN', timeZone: EASTERN, codes: '865' },
  {
    region: 'TN',
    timeZone: EASTERN,
    codes: '423',
    approximate: 'Marion, Sequatchie and Bledsoe counties are Central',
  },
  { region: 'TN', timeZone: CENTRAL, codes: '615 629 731 901 931' },
  {
    region: 'TX',
    timeZone: CENTRAL,
    codes:
      '210 214 254 281 325 346 361 409 430 469 512 682 713 726 737 806 817 830 832 903 936 940 945 956 972 979',
  },
  {
    region: 'TX',
    timeZone: CENTRAL,
    codes: '432',
    approximate: 'Hudspeth and Culberson counties are Mountain',
  },
  { region: 'TX', timeZone: MOUNTAIN, codes: '915' },
  { region: 'UT', timeZone: MOUNTAIN, codes: '385 435 801' },
  { region: 'VT', timeZone: EASTERN, codes: '802' },
  { region: 'VA', timeZone: EASTERN, codes: '276 434 540 571 686 703 757 804 826 948' },
  { region: 'WA', timeZone: PACIFIC, codes: '206 253 360 425 509 564' },
  { region: 'WV', timeZone: EASTERN, codes: '304 681' },
  { region: 'WI', timeZone: CENTRAL, codes: '262 274 353 414 534 608 715 920' },
  { region: 'WY', timeZone: MOUNTAIN, codes: '307' },
  // Territories. None of them observes daylight saving time.
  { region: 'PR', timeZone: 'America/Puerto_Rico', codes: '787 939' },
  { region: 'VI', timeZone: 'America/St_Thomas', codes: '340' },
  { region: 'GU', timeZone: 'Pacific/Guam', codes: '671' },
  { region: 'MP', timeZone: 'Pacific/Saipan', codes: '670' },
  { region: 'AS', timeZone: 'Pacific/Pago_Pago', codes: '684' },
];

/**
 * U.S. numbers that reach no particular place: toll-free, 5XX personal
 * communication services and 900 premium rate. A customer on one of these has an
 * unknown local time unless they state it.
 */
export const NON_GEOGRAPHIC_AREA_CODES: ReadonlySet<string> = new Set(
  '500 521 522 525 526 527 528 529 532 533 544 566 577 588 800 833 844 855 866 877 888 900'.split(' '),
);

function buildTable(): ReadonlyMap<string, AreaCodeZone> {
  const table = new Map<string, AreaCodeZone>();
  for (const row of ROWS) {
    for (const code of row.codes.split(' ')) {
      const zone: AreaCodeZone = {
        timeZone: row.timeZone,
        approximate: row.approximate !== undefined,
        region: row.region,
      };
      if (row.approximate !== undefined) zone.note = row.approximate;
      table.set(code, Object.freeze(zone));
    }
  }
  return table;
}

/** Every geographic U.S. area code we know, keyed by its three digits. */
export const AREA_CODE_ZONES: ReadonlyMap<string, AreaCodeZone> = buildTable();

/** The likely time zone for a three-digit area code; undefined when it has none or is unknown. */
export function zoneForAreaCode(code: string): AreaCodeZone | undefined {
  return AREA_CODE_ZONES.get(code);
}
