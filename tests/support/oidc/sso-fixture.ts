import { ssoConfigSchema, type SsoConfig } from '../../../src/server/auth/sso/sso-config';
import {
  TEST_CLIENT_ID,
  TEST_CLIENT_SECRET,
  type TestIdentityProvider,
  type TestIdpUser,
} from './test-identity-provider';

/** The test provider's people: mapped to Agent Desk roles by group, and one whose group is not mapped. */
export const SSO_USERS: Record<string, TestIdpUser> = {
  'sub-alice': {
    name: 'Alice Tier1',
    username: 'alice.tier1@agency.example',
    groups: ['AD-Desk-Tier1-Alpha'],
  },
  'sub-bruno': { name: 'Bruno Unmapped', username: 'bruno@agency.example', groups: ['Marketing'] },
  'sub-carla': { name: 'Carla Lead', username: 'carla.lead@agency.example', groups: ['AD-Desk-Leads-Alpha'] },
  'sub-dina': { name: 'Dina Admin', username: 'dina.admin@agency.example', groups: ['AD-Desk-Admins'] },
};

/** The sync server's SSO configuration for the test provider ("Agency ID"). */
export function ssoConfig(idp: TestIdentityProvider, extra: Partial<SsoConfig> = {}): SsoConfig {
  return ssoConfigSchema.parse({
    displayName: 'Agency ID',
    issuer: idp.issuer,
    clientId: TEST_CLIENT_ID,
    clientSecret: TEST_CLIENT_SECRET,
    scopes: ['openid', 'profile', 'groups'],
    mapping: [
      { group: 'AD-Desk-Tier1-Alpha', role: 'tier1', team: 'alpha' },
      { group: 'AD-Desk-Leads-Alpha', role: 'lead', team: 'alpha' },
      { group: 'AD-Desk-Admins', role: 'admin', team: 'it' },
    ],
    ...extra,
  });
}
