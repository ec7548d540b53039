import { useEffect, useState } from 'react';
import {
  describeProblems,
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
import { reportPresence } from '../shell/presence';
import { checkCaller, EMPTY_CALLER, type CallerDraft } from './caller';
import type { ScriptSummary } from './InquirySetup';
import type { ServiceRequestDraft } from './OutcomePanel';
import type { SavedInquiry } from './ReferenceConfirmation';
import { scriptedSubmission, submitInquiry, type InquirySubmission } from './submit-inquiry';

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

  const start = async () => {
    const script = await choice.open();
    if (!script) return;
    setError(null);
    reportPresence('on-call');
    setCallStartedAt(useClockStore.getState().now);
    setSession(
      startScript(script, {
        language: caller.language,
        ivr: { intent: intent.trim() || null, receiptNumber: caller.receipt.trim() || null },
        customer: { name: caller.name, phone: caller.phone, email: caller.email || null },
      }),
    );
  };

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
