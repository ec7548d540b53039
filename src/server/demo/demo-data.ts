import { nextOpening } from '../../shared/domain/calendar/business-calendar';
import { DAY_MS, HOUR_MS, MINUTE_MS, type Policy } from '../../shared/domain/policy';
import { dueAt } from '../../shared/domain/sla';
import type { RowWrite } from '../../shared/sync/mutator';
import { put } from '../../shared/sync/mutator';
import { appointmentPriority, URGENT_APPOINTMENT_REASONS } from '../../shared/domain/appointments';
import { DOCUMENTATION_STATUSES, EXPEDITE_CRITERIA, routeExpedite } from '../../shared/domain/expedite';
import { parseReceiptNumber } from '../../shared/domain/identifiers/receipt-number';
import {
  routeServiceRequest,
  serviceRequestTargetDate,
} from '../../shared/domain/service-requests/service-request';
import type { CallbackRow, CustomerRow, InquiryRow, RowData } from '../../shared/sync/rows';
import { dayKeyOf } from '../../shared/supervisor/days';
import { DEMO_TEAMS, DEMO_USERS } from './demo-users';
import { createPicker } from './prng';

const FIRST_EN = [
  'James',
  'Mary',
  'Robert',
  'Linda',
  'Michael',
  'Susan',
  'David',
  'Karen',
  'Daniel',
  'Nancy',
];
const FIRST_ES = ['José', 'María', 'Luis', 'Guadalupe', 'Carlos', 'Rosa', 'Juan', 'Ana', 'Miguel', 'Lucía'];
const LAST = [
  'Smith',
  'García',
  'Johnson',
  'Martínez',
  'Nguyen',
  'Hernández',
  'Brown',
  'López',
  'Kim',
  'Rodríguez',
  'Patel',
  'Okafor',
];

/** Area codes across U.S. zones; every number is a fictional 555-01XX line. */
const AREAS = [
  { area: '212', zone: 'America/New_York' },
  { area: '305', zone: 'America/New_York' },
  { area: '312', zone: 'America/Chicago' },
  { area: '713', zone: 'America/Chicago' },
  { area: '303', zone: 'America/Denver' },
  { area: '602', zone: 'America/Phoenix' },
  { area: '213', zone: 'America/Los_Angeles' },
  { area: '206', zone: 'America/Los_Angeles' },
  { area: '907', zone: 'America/Anchorage' },
  { area: '808', zone: 'Pacific/Honolulu' },
  { area: '787', zone: 'America/Puerto_Rico' },
] as const;

const RECEIPT_PREFIXES = ['EAC', 'VSC', 'WAC', 'CSC', 'LIN', 'NSC', 'SRC', 'TSC', 'YSC', 'MSC', 'NBC', 'IOE'];
/** Inquiry topics in both languages (a Spanish screen shows the Spanish side). */
const TOPICS: ReadonlyArray<{ en: string; es: string }> = [
  {
    en: 'Case status outside normal processing time',
    es: 'Estado del caso fuera del tiempo normal de procesamiento',
  },
  { en: 'Change of address', es: 'Cambio de dirección' },
  { en: 'Did not receive notice', es: 'No recibió el aviso' },
  { en: 'Biometrics appointment question', es: 'Pregunta sobre la cita de datos biométricos' },
  { en: 'Employment authorization card not received', es: 'Tarjeta de autorización de empleo no recibida' },
  { en: 'Typographical error on card', es: 'Error tipográfico en la tarjeta' },
  { en: 'Request for evidence question', es: 'Pregunta sobre una solicitud de evidencia' },
];

function topicFields(topic: { en: string; es: string }): { topic: string; topicEs: string } {
  return { topic: topic.en, topicEs: topic.es };
}

export interface DemoDataOptions {
  /** Roughly how many synced rows to make (customers + inquiries + callbacks + requests). */
  rows: number;
  seed: number;
  now: number;
  policy: Policy;
  /**
   * Share of inquiries that end with a callback (default 0.75, a realistic mix).
   * The benchmarks use 1 so a 50,000-inquiry team also has 50,000 callbacks.
   */
  callbackShare?: number;
}

type Picker = ReturnType<typeof createPicker>;
type Inquiry = Omit<InquiryRow, 'version'>;

/**
 * Deterministic demo data: the same seed and `now` give the same rows. Mixes
 * English and Spanish speakers, phones across zones, urgent and non-urgent,
 * some overdue, some waiting for a second attempt, some closed, two teams.
 * (The parts below draw from `rnd` in a fixed order: reordering them changes the data.)
 */
export function generateDemoData(options: DemoDataOptions): RowWrite[] {
  const rnd = createPicker(options.seed);
  const writes: RowWrite[] = [];
  let n = 0;
  for (; writes.length < options.rows; n++) writes.push(...demoCase(n, rnd, options));
  // Drawn after the rest, so the cases above stay what they were for a seed; not in the
  // benchmarks' every-inquiry-has-a-callback set.
  const everyInquiryCalledBack = options.callbackShare !== undefined && options.callbackShare >= 1;
  if (!everyInquiryCalledBack)
    for (const team of DEMO_TEAMS) writes.push(...agedServiceRequestCase(n++, team, rnd, options));
  return writes;
}

/**
 * One case per team whose service request is past its target date, so a lead always
 * has one to follow (and the e2e one to move along): an inquiry made far enough back,
 * a day at a time, that its request's target date is before today.
 */
function agedServiceRequestCase(n: number, team: string, rnd: Picker, options: DemoDataOptions): RowWrite[] {
  const customer = demoCustomer(n, team, rnd);
  const { inquiry } = demoInquiry(n, customer, rnd, options);
  const category = options.policy.serviceRequests.categories.find((c) => !c.retired);
  if (!category) return [];
  const today = dayKeyOf(options.now, options.policy);
  // The request is made when the inquiry is completed (demoServiceRequest): its target
  // date counts from then, which may be the next day when the inquiry ran past midnight
  // or past closing — so step back until the request itself is past its target.
  const handled = (inquiry.completedAt ?? inquiry.createdAt) - inquiry.createdAt;
  const agedBy = (days: number): Inquiry => {
    const createdAt = inquiry.createdAt - days * DAY_MS;
    return { ...inquiry, outcome: 'service-request', createdAt, completedAt: createdAt + handled };
  };
  let days = 0;
  while (demoServiceRequest(n, agedBy(days), options.policy).targetDate >= today) days++;
  const aged = agedBy(days);
  return [
    put('customers', customer),
    put('inquiries', aged),
    put('service_requests', demoServiceRequest(n, aged, options.policy)),
  ];
}

/** One caller's case: the customer, the inquiry, and what the inquiry led to. */
function demoCase(n: number, rnd: Picker, options: DemoDataOptions): RowWrite[] {
  const team = DEMO_TEAMS[n % DEMO_TEAMS.length] as string;
  const customer = demoCustomer(n, team, rnd);
  const { inquiry, withCallback } = demoInquiry(n, customer, rnd, options);
  const writes: RowWrite[] = [put('customers', customer), put('inquiries', inquiry)];
  if (withCallback) {
    const dialed = customer.phones[0] as CustomerRow['phones'][number];
    const numberDialed = dialed.ext ? `${dialed.e164};ext=${dialed.ext}` : dialed.e164;
    writes.push(put('callbacks', demoCallback(n, inquiry, numberDialed, rnd, options.now, options.policy)));
  }
  if (inquiry.outcome === 'expedite-intake')
    writes.push(put('expedite_requests', demoExpedite(n, inquiry, rnd)));
  if (inquiry.outcome === 'appointment-request')
    writes.push(put('appointment_requests', demoAppointment(n, inquiry, rnd)));
  if (inquiry.outcome === 'service-request')
    writes.push(put('service_requests', demoServiceRequest(n, inquiry, options.policy)));
  return writes;
}

function demoCustomer(n: number, team: string, rnd: Picker): RowData<'customers'> {
  const spanish = rnd.chance(0.35);
  const home = rnd.pick(AREAS);
  const phoneCount = rnd.int(1, 3);
  const labels = ['mobile', 'home', 'work', 'attorney', 'other'] as const;
  const phones: CustomerRow['phones'] = [];
  for (let p = 0; p < phoneCount; p++) {
    const area = p === 0 ? home : rnd.pick(AREAS);
    phones.push({
      label: labels[p] ?? 'other',
      e164: `+1${area.area}55501${String(rnd.int(0, 99)).padStart(2, '0')}`,
      ext: p === 2 && rnd.chance(0.5) ? String(rnd.int(100, 999)) : null,
      bestTime: rnd.chance(0.4)
        ? { start: rnd.pick(['09:00', '12:00', '17:00']), end: rnd.pick(['11:00', '14:00', '20:00']) }
        : null,
    });
  }
  for (const phone of phones) {
    if (phone.bestTime && phone.bestTime.start >= phone.bestTime.end) phone.bestTime = null;
  }
  const first = rnd.pick(spanish ? FIRST_ES : FIRST_EN);
  return {
    id: `demo-cu-${n}`,
    team,
    name: `${first} ${rnd.pick(LAST)}`,
    preferredLanguage: spanish ? 'es' : 'en',
    phones,
    email: rnd.chance(0.6) ? `demo.customer${n}@example.com` : null,
    aNumber: rnd.chance(0.5) ? `A${String(rnd.int(10_000_000, 999_999_999)).padStart(9, '0')}` : null,
    timeZone: home.zone,
    noticeConsent: { sms: null, email: null },
  };
}

/** The completed inquiry, and whether it ends in a callback. */
function demoInquiry(
  n: number,
  customer: RowData<'customers'>,
  rnd: Picker,
  options: DemoDataOptions,
): { inquiry: Inquiry; withCallback: boolean } {
  const { policy, now } = options;
  const { team } = customer;
  const spanish = customer.preferredLanguage === 'es';
  const urgency = rnd.chance(0.25) ? 'urgent' : 'non-urgent';
  // Spread creation over the last SLA period (and a bit more) so some are overdue.
  const span =
    (urgency === 'urgent' ? policy.sla.urgentDueHours * HOUR_MS : policy.sla.nonUrgentDueDays * DAY_MS) * 1.2;
  const createdAt = Math.round(now - rnd.next() * span);
  const receipt = `${rnd.pick(RECEIPT_PREFIXES)}${String(rnd.int(19, 25))}${String(rnd.int(1, 260)).padStart(3, '0')}${String(rnd.int(0, 99_999)).padStart(5, '0')}`;
  const tier = rnd.chance(0.3) ? 2 : 1;
  const withCallback = rnd.chance(options.callbackShare ?? 0.75);
  const otherOutcomes = [
    'resolved',
    'link-sent',
    'service-request',
    'expedite-intake',
    'appointment-request',
  ] as const;
  const inquiry: Inquiry = {
    id: `demo-in-${n}`,
    team,
    customerId: customer.id,
    receiptNumber: receipt,
    ...topicFields(rnd.pick(TOPICS)),
    channel: 'phone',
    ivr: rnd.chance(0.7)
      ? { language: spanish ? 'es' : 'en', intent: 'case-status', receiptNumber: receipt }
      : null,
    urgency,
    tier,
    status: 'completed',
    script: null,
    outcome: withCallback ? (tier === 2 ? 'tier2-escalation' : 'callback') : rnd.pick(otherOutcomes),
    createdAt,
    createdBy: rnd.pick(DEMO_USERS.filter((a) => a.role !== 'admin' && a.team === team)).id,
    completedAt: createdAt + 10 * MINUTE_MS,
  };
  return { inquiry, withCallback };
}

function demoAppointment(n: number, inquiry: Inquiry, rnd: Picker): RowData<'appointment_requests'> {
  const urgent = rnd.chance(0.3);
  const createdAt = inquiry.completedAt ?? inquiry.createdAt;
  return {
    id: `demo-ap-${n}`,
    team: inquiry.team,
    inquiryId: inquiry.id,
    customerId: inquiry.customerId,
    urgent,
    urgentReason: urgent ? rnd.pick(URGENT_APPOINTMENT_REASONS) : null,
    explanation: urgent
      ? 'Needs biometrics before travel for a family emergency.'
      : 'Needs an appointment to have a document reviewed.',
    preferredOffice: null,
    receiptNumber: inquiry.receiptNumber,
    status: urgent ? 'under-review' : 'queued',
    priority: appointmentPriority({ urgent }, createdAt),
    createdAt,
    createdBy: inquiry.createdBy,
  };
}

/** A request in the policy's first category, routed and dated by the domain like one an agent makes. */
function demoServiceRequest(n: number, inquiry: Inquiry, policy: Policy): RowData<'service_requests'> {
  const category = policy.serviceRequests.categories.find((c) => !c.retired);
  if (!category) throw new Error('the policy has no service-request category');
  const createdAt = inquiry.completedAt ?? inquiry.createdAt;
  const receipt = inquiry.receiptNumber ? parseReceiptNumber(inquiry.receiptNumber) : undefined;
  const route = routeServiceRequest(
    category,
    receipt?.ok ? receipt.value : undefined,
    'service-center-operations',
  );
  const routing = route.ok
    ? route.value
    : { routing: 'service-center-operations' as const, office: null, source: 'agent' as const };
  return {
    id: `demo-sr-${n}`,
    team: inquiry.team,
    inquiryId: inquiry.id,
    customerId: inquiry.customerId,
    receiptNumber: inquiry.receiptNumber,
    category: category.id,
    description: 'Case is outside normal processing time.',
    routing: routing.routing,
    office: routing.office,
    routingSource: routing.source,
    targetDate: serviceRequestTargetDate(createdAt, category, policy),
    status: 'open',
    statusChanges: [],
    createdAt,
    createdBy: inquiry.createdBy,
  };
}

/** A complete expedite request (the domain's checklist), routed by its receipt (IOE: the agent chose). */
function demoExpedite(n: number, inquiry: Inquiry, rnd: Picker): RowData<'expedite_requests'> {
  const receipt = inquiry.receiptNumber as string;
  const criterion = rnd.pick(EXPEDITE_CRITERIA);
  const documentation = Object.fromEntries(
    criterion.documentation.map((item, i) => [
      item.id,
      i === 0 ? 'will-send' : rnd.pick(DOCUMENTATION_STATUSES),
    ]),
  );
  const parsed = parseReceiptNumber(receipt);
  const suggestion = routeExpedite(parsed.ok ? parsed.value : undefined);
  const recordedAt = inquiry.completedAt ?? inquiry.createdAt;
  const referred = rnd.chance(0.3);
  return {
    id: `demo-ex-${n}`,
    team: inquiry.team,
    inquiryId: inquiry.id,
    customerId: inquiry.customerId,
    receiptNumber: receipt,
    criteria: [criterion.id],
    explanation: 'The caller explained why the case cannot wait.',
    documentation: { [criterion.id]: documentation },
    routing: suggestion.kind === 'default' ? suggestion.routing : 'service-center-operations',
    routingSource: suggestion.kind === 'default' ? 'receipt-default' : 'agent',
    status: referred ? 'referred' : 'recorded',
    recordedAt,
    recordedBy: inquiry.createdBy,
    referredAt: referred ? recordedAt + HOUR_MS : null,
  };
}

function demoCallback(
  n: number,
  inquiry: Omit<InquiryRow, 'version'>,
  numberDialed: string,
  rnd: ReturnType<typeof createPicker>,
  now: number,
  policy: Policy,
): Omit<CallbackRow, 'version'> {
  const teamAgents = DEMO_USERS.filter(
    (u) => u.team === inquiry.team && u.role !== 'admin' && (inquiry.tier === 1 || u.role !== 'tier1'),
  );
  const createdAt = inquiry.completedAt ?? inquiry.createdAt;
  const callback: Omit<CallbackRow, 'version'> = {
    id: `demo-cb-${n}`,
    team: inquiry.team,
    inquiryId: inquiry.id,
    customerId: inquiry.customerId,
    tier: inquiry.tier,
    urgency: inquiry.urgency,
    assigneeId: null,
    claimedAt: null,
    createdAt,
    dueAt: dueAt(inquiry.createdAt, inquiry.urgency, policy),
    attempts: [],
    extraAttemptsGranted: 0,
    status: 'open',
    scheduledSlot: null,
    textAhead: { enabled: false, sendAt: null },
    closedAt: null,
    notices: [],
    customerWaitingUntil: null,
  };
  const roll = rnd.next();
  const agent = rnd.pick(teamAgents);
  const firstAt = nextOpening(createdAt + HOUR_MS, policy);
  if (roll < 0.2 && firstAt < now) {
    // Awaiting a second attempt: one failed attempt with a message left.
    callback.assigneeId = agent.id;
    callback.claimedAt = firstAt - 5 * MINUTE_MS;
    callback.attempts = [
      {
        id: `demo-at-${n}-1`,
        at: firstAt,
        agentId: agent.id,
        numberDialed,
        outcome: 'no-answer-message-left',
        messageLeft: true,
      },
    ];
  } else if (roll < 0.35 && firstAt < now) {
    callback.assigneeId = agent.id;
    callback.claimedAt = firstAt - 5 * MINUTE_MS;
    callback.attempts = [
      {
        id: `demo-at-${n}-1`,
        at: firstAt,
        agentId: agent.id,
        numberDialed,
        outcome: 'reached-resolved',
        messageLeft: false,
      },
    ];
    callback.status = 'closed-resolved';
    callback.closedAt = firstAt;
  } else if (roll < 0.5) {
    callback.assigneeId = agent.id;
    callback.claimedAt = createdAt + 30 * MINUTE_MS;
  }
  return callback;
}
