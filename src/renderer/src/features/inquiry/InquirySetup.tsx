import type { z } from 'zod';
import type { scriptSummarySchema } from '../../../../shared/ipc';
import { useT } from '../../i18n';
import { useUiStore } from '../../state/ui-store';
import type { CallerDraft } from './caller';
import { CallerFields } from './CallerFields';

export type ScriptSummary = z.infer<typeof scriptSummarySchema>;

/** Before the script: which script, what the IVR captured, and who is calling. */
export function InquirySetup(props: {
  scripts: readonly ScriptSummary[] | null;
  scriptId: string;
  intent: string;
  caller: CallerDraft;
  canStart: boolean;
  onScriptId(id: string): void;
  onIntent(intent: string): void;
  onCaller(caller: CallerDraft): void;
  onStart(): void;
}) {
  const t = useT();
  const language = useUiStore((s) => s.language);
  // In the order of their titles as the agent reads them (Spanish titles sort as Spanish).
  const collator = new Intl.Collator(language);
  const scripts = props.scripts
    ? [...props.scripts].sort((a, b) => collator.compare(a.title[language], b.title[language]))
    : null;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (props.canStart) props.onStart();
      }}
    >
      <div className="field">
        <label htmlFor="inquiry-script">{t.inquiry.chooseScript}</label>
        {scripts && scripts.length === 0 ? <p>{t.inquiry.noScripts}</p> : null}
        <select id="inquiry-script" value={props.scriptId} onChange={(e) => props.onScriptId(e.target.value)}>
          {(scripts ?? []).map((s) => (
            <option key={s.scriptId} value={s.scriptId}>
              {t.inquiry.scriptOption(s.title[language], s.latestVersion)}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>{t.inquiry.ivr}</legend>
        <div className="field">
          <label htmlFor="inquiry-intent">{t.inquiry.ivrIntent}</label>
          <input id="inquiry-intent" value={props.intent} onChange={(e) => props.onIntent(e.target.value)} />
        </div>
      </fieldset>
      <CallerFields
        idPrefix="inquiry-caller"
        caller={props.caller}
        onChange={props.onCaller}
        receiptLabel={t.inquiry.ivrReceipt}
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={!props.canStart}>
          {t.inquiry.start}
        </button>
      </div>
    </form>
  );
}
