import type { Db } from '../storage/database';
import { findCustomerIdForCaller, type CallerKeys } from '../storage/telephony-store';

/**
 * The customer a call is about, for the screen pop and IVR callbacks: the one place
 * that decides, so it can move to the customer search (issue 14) when that lands.
 * Today: an inquiry with the IVR's receipt number, else the A-number, else the
 * caller's number, on the customers table as it is on main.
 */
export function findCustomerForCall(
  db: Parameters<typeof findCustomerIdForCaller>[0] | Db,
  keys: CallerKeys,
): Promise<string | undefined> {
  return findCustomerIdForCaller(db, keys);
}
