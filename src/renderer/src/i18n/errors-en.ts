import {
  URGENT_APPOINTMENT_REASONS,
  URGENT_APPOINTMENT_REASON_LABELS,
} from '../../../shared/domain/appointments/urgent-reasons';
import { EXPEDITE_CRITERIA } from '../../../shared/domain/expedite/criteria';
import { OPERATIONAL_COMPONENT_LABELS } from '../../../shared/domain/identifiers/operational-components';
import { CRITERIA_BY_ID, documentationLabels, regionName } from './error-labels';
import type { ErrorEntry, ErrorParamReader } from './error-text';
import { countNoun, plural } from '../../../shared/domain/language/plural';
import {
  CERTIFICATE_PROBLEMS_EN,
  UNKNOWN_CERTIFICATE_PROBLEM_EN,
} from '../../../shared/network/certificate-problems';

/**
 * Error sentences by code, English. They say what the domain's English message
 * says (times through the screen formatters); the Spanish table has exactly these
 * codes (ErrorCatalog is derived from this object, so a missing one fails the type
 * check). A code that is not here shows the error's own English message.
 */
const count = (n: number, one: string, other: string) => countNoun('en', n, one, other);
const changesHave = (n: number) => plural('en', n, { one: '# change has', other: '# changes have' });

const closedReason = (p: ErrorParamReader): string => {
  const span = `${p.str('hoursStart')}–${p.str('hoursEnd')} ${p.zone('at')}`;
  switch (p.str('closedReason')) {
    case 'weekend':
      return `${p.when('at')} is outside the callback days`;
    case 'holiday':
      return `${p.when('at')} is a federal holiday (${p.str('holiday')})`;
    case 'before-hours':
      return `${p.clock('at')} ${p.zone('at')} is before callback hours (${span})`;
    default:
      return `${p.clock('at')} ${p.zone('at')} is after callback hours (${span})`;
  }
};

/** The certificate sentence's reason: the table's words for the code, else `fallback`. */
export function certificateWhy(
  p: ErrorParamReader,
  table: Readonly<Record<string, string>>,
  fallback: string,
) {
  const code = p.str('problem');
  return Object.hasOwn(table, code) ? (table[code] as string) : fallback;
}

export const errorsEn = {
  // Callback rules
  'attempt.outside_customer_hours': (p) =>
    `It is outside the customer's calling hours (${p.str('start')}–${p.str('end')} their time). Call inside those hours, or record that the customer asked to be called now.`,
  'attempt.exception_no_slot':
    'This call is not inside a slot the customer chose; record what the customer asked for instead, or call inside their calling hours.',
  'attempt.completed': 'The customer was already reached on this callback.',
  'attempt.none_left': (p) =>
    `All ${p.num('attemptsMade')} attempts were made; the callback is closed as unable to reach${p.str('canGrantExtra') === 'yes' ? ' (a lead may grant one more)' : ''}.`,
  'attempt.outside_hours': (p) =>
    `Callbacks can't be made now: ${closedReason(p)}. Callback hours open again ${p.when('opensAt')}.`,
  'attempt.too_early': (p) =>
    p.str('basis') === 'retry'
      ? `Attempt ${p.num('attemptNumber')} is not due before ${p.when('earliest')} (${p.num('minutes')} minutes after the last attempt).`
      : `The customer asked to be called from ${p.when('earliest')}.`,
  'attempt.grant_not_needed': 'Extra attempts can only be granted once every allowed attempt failed.',
  'attempt.grant_limit': (p) =>
    `This callback already had ${count(p.num('granted'), 'extra attempt', 'extra attempts')} granted; the limit is ${p.num('limit')}.`,
  'attempt.duplicate_id': 'An attempt with this id is already recorded.',
  'callback.not_found': 'This callback does not exist or is not on your team.',
  'callback.closed': 'This callback is already closed.',
  'callback.already_claimed': 'This callback is already claimed by another agent.',
  'callback.not_claimed_by_you': 'Claim this callback before recording an attempt.',
  'callback.not_claimed': 'This callback is not claimed by anyone.',
  'callback.already_attempted': 'A callback can be scheduled only before its first attempt.',
  'auth.sso_required': (p) =>
    `Sign in with ${p.str('provider')}: this server does not take passwords (except for IT's break-glass administrators).`,
  'session.sso_unlock': (p) =>
    `You signed in with ${p.str('provider')}: unlock with it too (this desktop keeps no password for you).`,
  'sso.not_configured': 'Single sign-on is not configured on this server.',
  'sso.provider_unavailable':
    'The identity provider cannot be reached; try again later. Work already on this computer stays available.',
  'sso.unmapped': (p) =>
    `Your account at the identity provider is not given an Agent Desk role: IT must map one of your groups (claim "${p.str('claim')}") to a role and team.`,
  'sso.no_username': (p) =>
    `The identity provider sent no usable user name (claim "${p.str('claim')}"); IT must set the SSO usernameClaim.`,
  'sso.username_taken':
    'Your user name belongs to another identity at the provider; IT must resolve the duplicate.',
  'sso.misconfigured': "The identity provider's settings do not match this server's; tell IT.",
  'sso.redirect_refused': "This desktop's sign-in return address is not allowed by the server; tell IT.",
  'sso.code_refused': 'The identity provider refused the sign-in; sign in again.',
  'sso.token_expired': "The identity provider's answer has expired; sign in again.",
  'sso.wrong_audience': 'The identity provider answered for another application; tell IT (client id).',
  'sso.wrong_issuer': 'The answer came from another identity provider; tell IT (issuer).',
  'sso.bad_signature':
    "The identity provider's answer is not signed with its keys; sign in again, and tell IT if it repeats.",
  'sso.token_invalid': "The identity provider's answer is not valid; sign in again.",
  'sso.nonce_mismatch': 'The answer does not belong to this sign-in; sign in again.',
  'sso.nonce_replayed': 'This sign-in answer was used before; sign in again.',
  'sso.acr_refused':
    'The identity provider did not confirm the sign-in method this deployment requires (e.g. PIV/CAC); sign in with it.',
  'sso.denied': 'The sign-in was cancelled or refused at the identity provider.',
  'sso.provider_refused': 'The identity provider did not sign you in; sign in again.',
  'sso.timed_out': 'The sign-in in the browser was not finished in time. Start it again.',
  'sso.cancelled': 'The sign-in was cancelled.',
  'sso.not_started': 'Start the sign-in with the identity provider first.',
  'sso.issuer_not_trusted':
    'The server names an identity provider this desktop is not set up to trust; tell IT (managed setting ssoIssuer).',
  'notice.no_consent':
    'The customer has not agreed to receive texts (or opted out); record their consent first.',
  'notice.too_many_checks': (p) => `The customer can be asked at most ${p.num('max')} times per callback.`,
  'notice.check_pending': 'The customer has not answered the last check yet.',
  'notice.outside_callback_hours':
    'Callback hours are closed, so a customer who says yes could not be called; ask when they open.',
  'notice.customer_daytime': (p) =>
    `It is outside the customer's daytime (${p.str('start')}–${p.str('end')} their time); ask again from ${p.when('opensAt')}.`,
  'callback.slot_in_past': 'The slot must be in the future.',
  'callback.assignee_role': 'Callbacks can be assigned only to agents and leads.',
  'user.not_found': 'That agent is not on this team.',
  'user.inactive': 'That agent account is disabled.',
  'auth.forbidden': (p) => {
    switch (p.str('rule')) {
      case 'tier2-claim':
        return 'Tier 2 callbacks can be claimed only by Tier 2 agents and team leads.';
      case 'tier2-work':
        return 'Only Tier 2 agents and team leads can work Tier 2 callbacks.';
      case 'assignee-release':
        return 'Only the agent who claimed this callback or a team lead can release it.';
      case 'assignee-schedule':
        return 'Only the agent who claimed this callback or a team lead can schedule it.';
      default:
        return p.none();
    }
  },
  'inquiry.not_found': 'This inquiry does not exist or is not on your team.',
  'inquiry.already_completed': 'This inquiry is already completed.',
  'customer.not_found': 'The customer does not exist or is not on your team.',
  'expedite.not_found': 'This expedite request does not exist or is not on your team.',
  'expedite.already_referred': 'This expedite request was already referred.',

  // Receipt number, A-number, phone
  'receipt.not_text': 'receipt number must be text, e.g. EAC2212345678',
  'receipt.empty': 'enter a receipt number: 3 letters and 10 digits, e.g. EAC2212345678',
  'receipt.invalid_character': (p) =>
    `receipt number contains "${p.str('char')}"; use only letters, digits, hyphens and spaces, e.g. EAC-22-123-45678`,
  'receipt.prefix_not_letters': (p) =>
    `receipt number must start with 3 letters (the office prefix, e.g. EAC); "${p.str('prefix')}" is not 3 letters`,
  'receipt.prefix_too_long': (p) =>
    `receipt number must start with exactly 3 letters, but "${p.str('prefix')}" has ${p.num('letters')}`,
  'receipt.letter_in_digits': (p) =>
    `after the 3-letter prefix a receipt number has only digits, but character ${p.num('position')} is "${p.str('char')}"`,
  'receipt.wrong_length': (p) =>
    `receipt number has ${p.num('length')} characters, expected ${p.num('expected')} (3 letters + 10 digits)`,
  'receipt.unknown_prefix': (p) =>
    `unknown receipt prefix ${p.str('prefix')}; known prefixes are ${p.str('known')}`,
  'receipt.invalid_workday': (p) =>
    `workday ${p.str('workday')} is not a valid workday (digits 6–8 of a receipt number start at 001)`,
  'a_number.not_text': 'A-number must be text, e.g. A012345678',
  'a_number.empty': 'enter an A-number: the letter A and 7 to 9 digits, e.g. A012345678',
  'a_number.invalid_character': (p) =>
    `A-number contains "${p.str('char')}"; use only the letter A, digits, hyphens and spaces, e.g. A-012-345-678`,
  'a_number.missing_prefix': (p) =>
    `A-number must start with the letter A, e.g. A012345678${p.has('suggestion') ? `; if it is an A-number, add the A: ${p.str('suggestion')}` : ''}`,
  'a_number.not_digits': (p) =>
    `after the A, an A-number has only digits, but character ${p.num('position')} is "${p.str('char')}"`,
  'a_number.too_few_digits': (p) =>
    `A-number has ${p.num('digits')} digits, expected ${p.num('min')} to ${p.num('max')}`,
  'a_number.too_many_digits': (p) =>
    `A-number has ${p.num('digits')} digits, expected ${p.num('min')} to ${p.num('max')}`,
  'a_number.all_zeros': 'A-number cannot be all zeros; check the number on the notice or card',
  'phone.empty': 'enter a phone number',
  'phone.not_a_number': (p) => `“${p.str('text')}” is not a phone number: it has no digits`,
  'phone.letters': (p) =>
    `“${p.str('text')}” contains letters; enter the number as digits (spell out words like 1-800-FLOWERS)`,
  'phone.invalid_area_code': (p) => `area code ${p.str('areaCode')} is not an assigned U.S. area code`,
  'phone.invalid_exchange': (p) =>
    `${p.str('areaCode')}-${p.str('exchange')}-… is not a valid number: the three digits after the area code cannot start with 0 or 1`,
  'phone.invalid': (p) => `“${p.str('text')}” is not a valid U.S. phone number`,
  'phone.premium_rate': 'a 900 number is premium-rate; the contact center does not call them',
  'phone.not_us': (p) =>
    p.has('text')
      ? `only U.S. numbers can be dialed: “${p.str('text')}” is not a U.S. number`
      : `only U.S. numbers can be dialed: ${p.str('prefix')}… ${p.has('country') ? `is ${regionName(p.str('country'), 'en')}` : 'is not a U.S. number'}`,
  'phone.too_short': (p) =>
    `phone number has ${p.num('digits')} ${p.num('digits') === 1 ? 'digit' : 'digits'}, expected ${p.num('expected')}`,
  'phone.too_long': (p) => `phone number has ${p.num('digits')} digits, expected ${p.num('expected')}`,
  'phone.unreadable': (p) => `could not read “${p.str('text')}” as a phone number`,

  // Expedite and appointment requests
  'expedite.receipt_invalid': (p) => `receipt number: ${p.nested('receiptError')}`,
  'expedite.criteria_required': `choose at least one criterion: ${EXPEDITE_CRITERIA.map((c) => c.label.en).join(', ')}`,
  'expedite.explanation_required':
    "explanation is required: record in the caller's words why the case needs to be expedited",
  'expedite.explanation_too_long': (p) =>
    `explanation has ${p.num('length')} characters; shorten it to ${p.num('max')} or fewer`,
  'expedite.documentation_not_recorded': (p) => {
    const criterion = p.pick('criterion', CRITERIA_BY_ID);
    return `documentation for '${criterion.label.en}' is not recorded: ${documentationLabels(criterion, p.str('items'), 'en').join('; ')}`;
  },
  'expedite.documentation_required': (p) => {
    const criterion = p.pick('criterion', CRITERIA_BY_ID);
    return `documentation is required for '${criterion.label.en}', but none is provided or will be sent: ask whether the caller can send ${criterion.documentation.map((i) => i.label.en).join(' or ')}`;
  },
  'expedite.routing_required': (p) => {
    switch (p.str('situation')) {
      case 'receipt-invalid':
        return 'choose a routing: the receipt number is not valid, so it cannot suggest a component';
      case 'no-receipt':
        return 'choose a routing: no receipt number was recorded, so nothing suggests a component; choose one from the case data';
      case 'agent-must-choose':
        return `choose a routing: the receipt number ${p.str('receipt')} (${p.str('office')}) does not tell which component handles the case; choose one from the case data`;
      default: {
        const component = p.pick('routing', OPERATIONAL_COMPONENT_LABELS).en;
        return `choose a routing: the receipt number suggests ${component} (receipt prefix ${p.str('prefix')} is the ${p.str('office')}, reviewed by ${component})`;
      }
    }
  },
  'appointment.urgent_reason_required': `an urgent appointment request needs a reason: ${URGENT_APPOINTMENT_REASONS.map((r) => URGENT_APPOINTMENT_REASON_LABELS[r].en.toLowerCase()).join('; ')}`,
  'appointment.reason_without_urgency': (p) =>
    `a non-urgent request must not carry an urgent reason ('${p.pick('reason', URGENT_APPOINTMENT_REASON_LABELS).en}'): mark it urgent or remove the reason`,
  'appointment.explanation_required': (p) =>
    p.str('urgent') === 'yes'
      ? 'explanation is required: record what the caller needs the appointment for and why it cannot wait'
      : 'explanation is required: record what the caller needs the appointment for',
  'appointment.explanation_too_long': (p) =>
    `explanation has ${p.num('length')} characters; shorten it to ${p.num('max')} or fewer`,

  // Sign-in, session and lock (server and desktop core; params where the sender adds them)
  'auth.invalid_credentials': 'The user name or password is not correct.',
  'auth.account_disabled': 'This account is disabled; ask an administrator.',
  'auth.rate_limited': (p) =>
    `Too many failed sign-ins from this network; try again in ${count(p.num('seconds'), 'second', 'seconds')}.`,
  'auth.password_change_required': 'Choose a new password: the one you were given works only once.',
  'auth.password_reused': 'Choose a new password that differs from the current one.',
  'user.username_taken': 'That user name is already taken; choose another.',
  'admin.last_admin': 'This would leave no active administrator; make another administrator first.',
  'script.version_exists':
    'That script version is already published; give the document a higher version number.',
  'auth.locked': (p) =>
    `Too many failed sign-ins; this account is locked for ${count(p.num('minutes'), 'more minute', 'more minutes')}.`,
  'auth.session_expired': 'Your session has expired; sign in again.',
  'auth.signed_out': 'This session was signed out; sign in again.',
  'auth.invalid_token': 'The session token is not valid; sign in again.',
  'auth.session_idle': (p) =>
    `Your session ended after ${p.num('minutes')} minutes without activity; sign in again.`,
  'session.not_signed_in': 'Sign in first.',
  'session.locked': 'Agent Desk is locked; unlock it with your password.',
  'session.wrong_password': (p) =>
    `That password is not right; try again (${count(p.num('attemptsLeft'), 'attempt', 'attempts')} left before you are signed out).`,
  'session.locked_discard':
    'Unsynced changes cannot be discarded while Agent Desk is locked. Unlock it first.',
  'session.pending_changes': (p) =>
    `${changesHave(p.num('count'))} not reached the server yet. Connect to sync them first, or sign out anyway and discard them.`,
  'session.locked_pending': (p) =>
    `${changesHave(p.num('count'))} not reached the server yet, so Agent Desk cannot sign out while locked. Unlock it and sync first.`,
  'session.other_user_pending': (p) =>
    `${plural('en', p.num('count'), { one: '# change made by another user on this desktop has', other: '# changes made by another user on this desktop have' })} not reached the server yet; that user must sign in and sync them first.`,
  'session.username_needed':
    'Enter your user name as well as your password: this desktop needs it once to sign you in again.',
  'session.password_changed':
    'The server no longer accepts this password (it was changed). Enter your current password; the changes waiting on this computer are kept.',
  'session.not_this_user':
    'That user name is not the one signed in at this desktop; enter your own user name.',
  'session.unlock_attempts_exceeded': (p) =>
    `${p.num('count')} wrong passwords in a row: you have been signed out. Sign in again; changes not yet synced were kept and will be sent after you sign in.`,

  // Connection and sync
  'sync.disconnected': 'The connection to the sync server was lost; working offline.',
  'sync.server_unreachable': (p) =>
    `The sync server at ${p.str('serverUrl')} cannot be reached (${p.str('reason')}). Check the network connection and try again.`,
  'supervisor.disconnected': 'The supervisor board lost its connection; it reconnects on its own.',

  // The agency's network: proxy and certificates (sign-in screen, status bar, supervisor board)
  'network.proxy_unreachable': (p) =>
    `The proxy at ${p.str('proxy')} cannot be reached (${p.str('reason')}). Check the network connection; if it persists, IT should check the proxy settings.`,
  'network.proxy_refused': (p) =>
    `The proxy at ${p.str('proxy')} refused the connection to ${p.str('target')} (HTTP ${p.num('status')}). IT must allow Agent Desk to reach its sync server through the proxy.`,
  'network.proxy_auth_rejected': (p) =>
    `The proxy at ${p.str('proxy')} refused the user name and password Agent Desk sent (HTTP 407). Enter your proxy user name and password again.`,
  'network.proxy_auth_required': (p) =>
    `The proxy at ${p.str('proxy')} asks for a user name and password (HTTP 407). Enter your proxy user name and password, or ask IT to let Agent Desk reach ${p.str('target')} without proxy sign-in.`,
  'network.proxy_auth_unsupported': (p) =>
    `The proxy at ${p.str('proxy')} asks for Windows sign-in (${p.str('schemes')}), which Agent Desk's connection to its sync server cannot answer. Ask IT to let Agent Desk reach ${p.str('target')} without proxy sign-in.`,
  'network.proxy_unsupported': (p) =>
    `The proxy settings send Agent Desk through "${p.str('rule')}", a kind of proxy it cannot use (only HTTP proxies with CONNECT). Ask IT to give Agent Desk an HTTP proxy or a direct route to its sync server.`,
  'network.certificate_untrusted': (p) =>
    `The certificate of ${p.str('host')} is not trusted: ${certificateWhy(p, CERTIFICATE_PROBLEMS_EN, UNKNOWN_CERTIFICATE_PROBLEM_EN)} (${p.str('problem')}; issued to "${p.str('subject')}" by "${p.str('issuer')}"). If your organization inspects TLS traffic, IT must install its root certificate on this computer or set the extraCaBundle setting.`,
  'supervisor.role_changed':
    'An administrator changed your role; the supervisor view is for team leads, so it has closed.',
  'supervisor.team_changed': (p) =>
    `An administrator moved you from team ${p.str('from')} to team ${p.str('to')}; that board has closed. Reopen the supervisor view to see team ${p.str('to')}.`,
  'supervisor.access_ended': 'This supervisor view is no longer available to you.',
  'telephony.platform_timeout': (p) =>
    `The phone system did not answer within ${p.num('seconds')} s, so the call was not placed. Try again, or dial by hand.`,
  'telephony.platform_unreachable':
    'The phone system cannot be reached, so the call was not placed. Try again, or dial by hand.',
  'telephony.platform_refused': (p) =>
    `The phone system refused to place the call (HTTP ${p.num('status')}). Try again, or dial by hand.`,
  'telephony.platform_bad_answer':
    'The phone system answered without a call id; the call may not have been placed. Check the phone before dialing again.',
  'telephony.not_configured': 'This server places no calls; dial by hand or through your softphone.',
  'telephony.uri_not_allowed': 'Agent Desk may not open this dial link; dial by hand.',
  'ipc.disconnected': 'Agent Desk is not connected to its desktop core. Restart the app.',
} satisfies Record<string, ErrorEntry>;

/** Every error code the screens translate, each with a sentence in every language. */
export type ErrorCatalog = Readonly<Record<keyof typeof errorsEn, ErrorEntry>>;
export type TranslatedErrorCode = keyof typeof errorsEn;
