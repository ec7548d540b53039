import type { Migration, MigrationProvider } from 'kysely';
import * as m001 from './001_accounts';
import * as m002 from './002_sync';
import * as m003 from './003_audit';
import * as m004 from './004_scope_exits';
import * as m005 from './005_customer_record';
import * as m010 from './010_socket_adapter';
import * as m020 from './020_account_security';
import * as m021 from './021_policies';
import * as m022 from './022_audit_search';
import * as m035 from './035_telephony';
import * as m037 from './037_notices';
import * as m038 from './038_sso';

/**
 * Static list (not a folder scan) so the bundled server carries its migrations.
 * Add a new file as NNN_name.ts and list it here; never edit a shipped one.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '001_accounts': m001,
  '002_sync': m002,
  '003_audit': m003,
  '004_scope_exits': m004,
  '005_customer_record': m005,
  '010_socket_adapter': m010,
  '020_account_security': m020,
  '021_policies': m021,
  '022_audit_search': m022,
  '035_telephony': m035,
  '037_notices': m037,
  '038_sso': m038,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
