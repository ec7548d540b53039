export type { UsPhone } from './phone-number';
export { US_PHONE_REGIONS, areaCodeOf, formatUsPhone, parseUsPhone } from './phone-number';
export type { AreaCodeZone } from './area-code-zones';
export { AREA_CODE_ZONES, NON_GEOGRAPHIC_AREA_CODES, zoneForAreaCode } from './area-code-zones';
export type { CallingHoursCheck, CustomerLocalTime, CustomerZone, PhoneWithZone } from './customer-time';
export {
  callingHoursCheck,
  customerLocalTime,
  customerZone,
  isKnownTimeZone,
  nextLocalOpening,
} from './customer-time';
export type {
  BestTimeWindow,
  CustomerPhone,
  NumberSuggestion,
  PhoneLabel,
  RankedPhone,
  SuggestionStatus,
} from './suggest-number';
export { LABEL_PREFERENCE, PHONE_LABELS, SUGGESTION_STATUSES, suggestNumber } from './suggest-number';
export type { StoredCustomerPhone } from './customer-phone-schema';
export { bestTimeWindowSchema, customerPhoneSchema } from './customer-phone-schema';
export type {
  CustomerHoursCallInput,
  CustomerHoursException,
  CustomerHoursExceptionKind,
  CustomerHoursVerdict,
} from './customer-hours-exception';
export {
  CUSTOMER_HOURS_EXCEPTION_KINDS,
  EXCEPTION_NOTE_MAX,
  EXCEPTION_NOTE_MIN,
  checkCustomerHours,
  customerHoursExceptionSchema,
} from './customer-hours-exception';
