import { DEFAULT_POLICY, type Policy } from '../../src/shared/domain/policy';

/**
 * The policy load, fault and bench runs start their servers with: the default policy
 * with the per-user limits raised past what a test rig does on purpose (a few demo
 * users stand in for hundreds of desktops, each a new client id, reconnecting after
 * every node kill). The defaults stay as they are for everything else; the limits
 * themselves are tested in tests/integration/server/account-security.test.ts.
 */
export const LOAD_TEST_POLICY: Policy = {
  ...DEFAULT_POLICY,
  security: {
    ...DEFAULT_POLICY.security,
    newDesktopsPerUserPerDay: 1_000_000,
    connectionsPerUserPerMinute: 1_000_000,
    // Every simulated desktop signs in from 127.0.0.1 at once.
    signInsInFlightPerAddress: 1_000_000,
    // and at one node: the rig's desktops do not retry after Retry-After as real ones do.
    signInsInFlightPerNode: 1_000_000,
  },
};
