import { DEFAULT_NOTICE_TEMPLATES, type NoticeTemplates } from '../../shared/domain/notices/templates';
import type { NoticeChannel } from '../../shared/sync/rows';
import type { Logger } from '../logger';
import type { PolicyAt } from '../policy/policy-book';
import type { Db } from '../storage/database';
import type { NoticeSender } from './channel';
import { noticePlanner, type PlanNotices } from './notice-planner';
import { NoticeWorker } from './notice-worker';
import { SmtpSender, type SmtpSettings } from './smtp-sender';

export interface NoticeOptions {
  smtp?: SmtpSettings;
  /** Extra senders (an SMS provider) by channel. */
  senders?: NoticeSender[];
  templates?: NoticeTemplates;
  /** How often the worker looks for due notices (default 5 s). */
  intervalMs?: number;
  /** This node's name in outbox leases. */
  owner?: string;
}

export interface NoticeService {
  /** Channels with a configured provider (the desktop says notices are unavailable otherwise). */
  channels: ReadonlySet<NoticeChannel>;
  /** Run after each push that wrote callbacks. */
  plan: PlanNotices;
  worker: NoticeWorker;
  close(): Promise<void>;
}

/** The notice outbox's parts for one server node: providers from configuration, the planner and the worker. */
export function startNotices(
  options: NoticeOptions,
  deps: {
    db: Db;
    policyAt: PolicyAt;
    clock: () => number;
    log: Logger;
    secret: string;
    poke: (teams: Iterable<string>, version: number | undefined) => void;
  },
): NoticeService {
  const senders = new Map<NoticeChannel, NoticeSender>();
  if (options.smtp) senders.set('email', new SmtpSender(options.smtp));
  for (const s of options.senders ?? []) senders.set(s.channel, s);
  const channels = new Set(senders.keys());
  const worker = new NoticeWorker({
    db: deps.db,
    policyAt: deps.policyAt,
    clock: deps.clock,
    log: deps.log.child({ part: 'notices' }),
    senders,
    templates: options.templates ?? DEFAULT_NOTICE_TEMPLATES,
    addressSecret: deps.secret,
    poke: deps.poke,
    ...(options.owner ? { owner: options.owner } : {}),
  });
  worker.start(options.intervalMs ?? 5_000);
  return {
    channels,
    plan: noticePlanner(deps.db, channels, deps.clock),
    worker,
    close: async () => {
      await worker.stop();
      for (const s of senders.values()) s.close?.();
    },
  };
}
