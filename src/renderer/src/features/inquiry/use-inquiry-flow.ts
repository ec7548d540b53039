import { useCallback, useEffect, useState } from 'react';
import {
  describeProblems,
  skipCollected,
  startScript,
  validateScript,
  type Script,
  type ScriptSession,
} from '../../../../shared/scripts';
import { invoke } from '../../api/agent-desk';
import { useT } from '../../i18n';
import { errorText } from '../../i18n/error-text';
import { useClockStore } from '../../state/clock-store';
import { useSessionStore } from '../../state/session-store';
import { useUiStore } from '../../state/ui-store';
import { reportPresence, useCallEndsWithScreen } from '../shell/presence';
import { callerDraftSchema, checkCaller, EMPTY_CALLER, isEmptyCaller, type CallerDraft } from './caller';
import type { ScriptSummary } from './InquirySetup';
import type { ServiceRequestDraft } from './OutcomePanel';
import type { SavedInquiry } from './ReferenceConfirmation';
import { scriptedSubmission, submitInquiry, type InquirySubmission } from './submit-inquiry';
import { useChosenCaller, useScreenPop, type PoppedCall } from '../telephony/use-screen-pop';
import { useDraft } from '../shell/use-draft';
import { z } from 'zod';

/**
 * The inquiry screen's state from setup to saved: the caller and IVR capture, the
 * script session (on a call while it runs), the save of the whole inquiry in one
 * call, and the reset for the next caller (the chosen script and service request
 * type stay).
 */
export function useInquiryFlow() {
  const t = useT();
  const role = useSessionStore((s) => s.session?.user?.role);
  const announce = useUiStore((s) => s.announce);
  const [error, setError] = useState<string | null>(null);
  const choice = useScriptChoice(setError);
  const [caller, setCaller] = useState<CallerDraft>(EMPTY_CALLER);
  const [intent, setIntent] = useState('');
  const [session, setSession] = useState<ScriptSession | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<SavedInquiry | null>(null);
  /** When the call started (server time as the desktop knows it): wrap-up and handle time. */
  const [callStartedAt, setCallStartedAt] = useState(0);
  const [serviceRequest, setServiceRequest] = useState<ServiceRequestDraft>({
    category: '',
    description: '',
    routing: null,
  });
  const canStart = choice.scriptId !== '' && Object.keys(checkCaller(caller, t)).length === 0;
  // A screen pop fills the form, picks the script for the IVR's topic and starts it in the caller's language when the caller is known.
  const [popTopics, setPopTopics] = useState<readonly string[] | null>(null);
  useScreenPop(
    useCallback((popped: PoppedCall) => {
      setSession(null);
      setSaved(null);
      setCaller(popped.caller);
      setIntent(popped.intent);
      setPopTopics(popped.topics);
    }, []),
  );

  useChosenCaller(useCallback((update) => setCaller(update), []));

  // What the agent typed survives Esc, a restart and the idle lock (issue 13 item 4).
  const draft = useDraft(
    'inquiry',
    { caller, intent, scriptId: choice.scriptId, session },
    {
      isEmpty: (v) => v.session === null && v.intent === '' && isEmptyCaller(v.caller),
      restore: (stored) => {
        const parsed = inquiryDraftSchema.safeParse(stored);
        if (!parsed.success) return false;
        setCaller(parsed.data.caller);
        setIntent(parsed.data.intent);
        if (parsed.data.scriptId) choice.setScriptId(parsed.data.scriptId);
        setSession(parsed.data.session as ScriptSession | null);
        return true;
      },
      done: saved !== null,
    },
  );

  useCallEndsWithScreen();

  /** Starts the script; after a screen pop, at the step after what the IVR collected. */
  const start = async (popped = false) => {
    const script = await choice.open();
    if (!script) return;
    setError(null);
    reportPresence('on-call');
    setCallStartedAt(useClockStore.getState().now);
    const started = startScript(script, {
      language: caller.language,
      ivr: { intent: intent.trim() || null, receiptNumber: caller.receipt.trim() || null },
      customer: { name: caller.name, phone: caller.phone, email: caller.email || null },
    });
    setSession(popped ? skipCollected(started) : started);
  };

  useEffect(() => {
    if (!popTopics || choice.scripts === null) return;
    const wanted = popTopics.map((topic) => topic.toLowerCase());
    const script = choice.scripts.find((c) => c.intents.some((i) => wanted.includes(i.toLowerCase())));
    // Choose first; this effect runs again with the chosen script, and then starts it.
    if (script && script.scriptId !== choice.scriptId) return choice.setScriptId(script.scriptId);
    setPopTopics(null);
    if (canStart) void start(true);
    // start() reads the state this render has; it runs once per screen pop.
  }, [popTopics, canStart, choice.scripts, choice.scriptId]);

  const save = async (extra: InquirySubmission['extra'] = {}) => {
    const submission = session ? scriptedSubmission(session, { caller, intent, role, extra }) : undefined;
    if (!submission) return;
    setSaving(true);
    const result = await submitInquiry(submission);
    setSaving(false);
    if (!result.ok) return setError(errorText(result.error, t));
    setError(null);
    setSaved({
      customerId: result.value.customerId,
      callerLanguage: session?.language ?? caller.language,
      references: result.value.references,
      // The call ends with the save; the wrap-up panel takes presence from here.
      call: {
        about: { table: 'inquiries', id: result.value.inquiryId },
        customerId: result.value.customerId,
        channel: 'phone',
        callStartedAt,
        callEndedAt: Math.max(callStartedAt, useClockStore.getState().now),
      },
    });
    announce(t.record.saved.instruction);
  };

  const reset = () => {
    setSession(null);
    setSaved(null);
    setCaller(EMPTY_CALLER);
    setIntent('');
    setServiceRequest((draft) => ({ ...draft, description: '', routing: null }));
  };

  return {
    error,
    draft,
    choice,
    canStart,
    caller,
    setCaller,
    intent,
    setIntent,
    session,
    setSession,
    saving,
    saved,
    serviceRequest,
    setServiceRequest,
    start,
    save,
    reset,
  };
}

/**
 * The published scripts (loaded once) and the one chosen, the first by default;
 * `open` reads the chosen one from the cache and validates it (undefined, and the
 * error shown, when it cannot be used).
 */
function useScriptChoice(setError: (message: string | null) => void) {
  const t = useT();
  const [scripts, setScripts] = useState<ScriptSummary[] | null>(null);
  const [scriptId, setScriptId] = useState('');

  useEffect(() => {
    void invoke('scripts.list', {}).then((result) => {
      if (!result.ok) {
        setError(errorText(result.error, t));
        return;
      }
      setScripts(result.value);
      setScriptId((current) => current || result.value[0]?.scriptId || '');
    });
  }, []);

  const open = async (): Promise<Script | undefined> => {
    const result = await invoke('scripts.get', { scriptId });
    if (!result.ok) {
      setError(errorText(result.error, t));
      return undefined;
    }
    const script = validateScript(result.value.content);
    if (!script.ok) {
      setError(describeProblems(script.error));
      return undefined;
    }
    return script.value;
  };

  return { scripts, scriptId, setScriptId, open };
}

/** A kept inquiry draft, read back from the cache (a draft it cannot read is dropped). */
const inquiryDraftSchema = z.object({
  caller: callerDraftSchema,
  intent: z.string(),
  scriptId: z.string(),
  // The walked script as it was (its own version); the form re-validates what it submits.
  session: z
    .object({ script: z.object({ id: z.string() }).passthrough(), stepId: z.string() })
    .passthrough()
    .nullable(),
});
