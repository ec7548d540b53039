import type { Role } from '../../shared/sync/rows/user';

export const DEMO_TEAMS = ['alpha', 'bravo'] as const;

export interface DemoUser {
  id: string;
  username: string;
  password: string;
  name: string;
  role: Role;
  team: string;
}

/** LOCAL DEMO ONLY: fixed, published passwords (docs/protocol.md). Never seed these on a real server. */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    id: 'u-tier1-alice',
    username: 'tier1.alice',
    password: 'demo-password-1',
    name: 'Alice Tier1',
    role: 'tier1',
    team: 'alpha',
  },
  {
    id: 'u-tier1-bruno',
    username: 'tier1.bruno',
    password: 'demo-password-2',
    name: 'Bruno Tier1',
    role: 'tier1',
    team: 'bravo',
  },
  {
    id: 'u-tier2-carmen',
    username: 'tier2.carmen',
    password: 'demo-password-3',
    name: 'Carmen Tier2',
    role: 'tier2',
    team: 'alpha',
  },
  {
    id: 'u-tier2-dev',
    username: 'tier2.dev',
    password: 'demo-password-4',
    name: 'Dev Tier2',
    role: 'tier2',
    team: 'bravo',
  },
  {
    id: 'u-lead-erin',
    username: 'lead.erin',
    password: 'demo-password-5',
    name: 'Erin Lead',
    role: 'lead',
    team: 'alpha',
  },
  {
    id: 'u-lead-farid',
    username: 'lead.farid',
    password: 'demo-password-6',
    name: 'Farid Lead',
    role: 'lead',
    team: 'bravo',
  },
  {
    id: 'u-admin-grace',
    username: 'admin.grace',
    password: 'demo-password-7',
    name: 'Grace Admin',
    role: 'admin',
    team: 'it',
  },
];
