import {
  DEFAULT_NOTICE_TEMPLATES,
  templateProblems,
  type NoticeTemplates,
} from '../../shared/domain/notices/templates';
import type { NoticeChannel } from '../../shared/sync/rows';
import type { Logger } from '../logger';
import type { PolicyAt } from '../policy/policy-book';
import type { Db } from '../storage/database';
import type { SupervisedCallback } from '../../shared/supervisor/supervised-callback';
import type { NoticeSender } from './channel';
import { ClosingWindowAsker } from './closing-window-asker';
import { noticePlanner, type PlanNotices } from './notice-planner';
import { NoticeWorker } from './notice-worker';
import { repeat } from './repeat';
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
  /** How often the server looks for closing windows to ask "available now?" about (default 60 s). */
  autoAskIntervalMs?: number;
}

export interface NoticeService {
  /** Channels with a configured provider (the desktop says notices are unavailable otherwise). */
  channels: ReadonlySet<NoticeChannel>;
  /** Run after each push that wrote callbacks. */
  plan: PlanNotices;
  worker: NoticeWorker;
  /** Asks "available now?" by itself for closing last windows (policy notices.autoAvailability). */
  asker: ClosingWindowAsker;
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
    /** Every open callback with its SLA transitions (the supervisor index; empty until it is built). */
    openCallbacks: () => Iterable<SupervisedCallback>;
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
  const plan = noticePlanner(deps.db, channels, deps.clock);
  const asker = new ClosingWindowAsker({
    db: deps.db,
    policyAt: deps.policyAt,
    clock: deps.clock,
    log: deps.log.child({ part: 'notices' }),
    openCallbacks: deps.openCallbacks,
    canText: channels.has('sms'),
    plan,
    poke: deps.poke,
  });
  const stopAsking = repeat(() => asker.pass(), options.autoAskIntervalMs ?? 60_000);
  return {
    channels,
    plan,
    worker,
    asker,
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
      await stopAsking();
      await worker.stop();
      for (const s of senders.values()) s.close?.();
    },
  };
}
