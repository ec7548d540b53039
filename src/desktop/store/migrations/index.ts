import { migration001 } from './001_initial';
import { migration002 } from './002_worklist_index';
import { migration003 } from './003_encrypted_rejection_messages';
import { migration004 } from './004_callback_index_version';
import { migration005 } from './005_slim_callback_index';
import { migration006 } from './006_rejection_params';
import { migration007 } from './007_installation';
import { migration008 } from './008_callback_index_sla';
import { migration009 } from './009_drafts';
import { migration010 } from './010_callback_index_waiting';
import { migration011 } from './011_callback_index_transitions';
import { migration012 } from './012_worklist_snapshot';
import type { Migration } from './migration';

export type { Migration } from './migration';

/** Every migration, in order. Append only: a released migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
