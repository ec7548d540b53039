import {
  DEFAULT_NOTICE_TEMPLATES,
  templateProblems,
  type NoticeTemplates,
} from '../../shared/domain/notices/templates';
import type { NoticeChannel } from '../../shared/sync/rows';
import type { Logger } from '../logger';
import type { PolicyAt } from '../policy/policy-book';
import type { Db } from '../storage/database';
import type { NoticeSender } from './channel';
import { noticePlanner, type PlanNotices } from './notice-planner';
import { NoticeWorker } from './notice-worker';
import { SmsReplies } from './sms-replies';
import { SmtpSender, type SmtpSettings } from './smtp-sender';
import { TwilioSmsSender, type TwilioSettings } from './twilio-sms';

export interface NoticeOptions {
  smtp?: SmtpSettings;
  /** The SMS provider (a Twilio Messages API or a compatible one). */
  sms?: TwilioSettings;
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
  /** The SMS provider, when configured (its callbacks are checked against its settings). */
  sms: TwilioSmsSender | undefined;
  /** Customers' texts and the provider's delivery reports. */
  replies: SmsReplies;
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
  const templates = options.templates ?? DEFAULT_NOTICE_TEMPLATES;
  const problems = templateProblems(templates, deps.policyAt(deps.clock()));
  if (problems.length > 0) throw new Error(`The notice templates are not valid:\n${problems.join('\n')}`);
  const senders = new Map<NoticeChannel, NoticeSender>();
  if (options.smtp) senders.set('email', new SmtpSender(options.smtp));
  const sms = options.sms ? new TwilioSmsSender(options.sms) : undefined;
  if (sms) senders.set('sms', sms);
  const channels = new Set(senders.keys());
  const worker = new NoticeWorker({
    db: deps.db,
    policyAt: deps.policyAt,
    clock: deps.clock,
    log: deps.log.child({ part: 'notices' }),
    senders,
    templates,
    addressSecret: deps.secret,
    poke: deps.poke,
    ...(options.owner ? { owner: options.owner } : {}),
  });
  worker.start(options.intervalMs ?? 5_000);
  return {
    channels,
    plan: noticePlanner(deps.db, channels, deps.clock),
    worker,
    sms,
    replies: new SmsReplies({
      db: deps.db,
      policyAt: deps.policyAt,
      clock: deps.clock,
      templates,
      addressSecret: deps.secret,
      poke: deps.poke,
    }),
    close: async () => {
      await worker.stop();
      for (const s of senders.values()) s.close?.();
    },
  };
}
