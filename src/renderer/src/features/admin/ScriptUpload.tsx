import { useId, useState } from 'react';
import type { ScriptCheck } from '../../../../shared/admin/scripts';
import { diffScripts } from '../../../../shared/scripts/diff';
import { useT } from '../../i18n';
import { ScriptDiffTable } from './ScriptDiffTable';
import { useReason } from './ReasonFields';
import { CallOutcome, useAdminCall } from './use-admin-call';

/** The most text the upload reads (a script document is a few hundred kB at most). */
const MAX_CHARS = 2_000_000;

/**
 * A new script version: read from a file or pasted, checked by the server's validator
 * (findings, whether the version number is taken, the offered version for the
 * side-by-side diff), then published with a reason.
 */
export function ScriptUpload({ onPublished }: { onPublished(): void }) {
  const m = useT().admin.scripts.upload;
  const id = useId();
  const { run, busy, error, setError, notice } = useAdminCall();
  const reason = useReason('script-update');
  const [text, setText] = useState('');
  const [checked, setChecked] = useState<{ content: unknown; check: ScriptCheck } | null>(null);

  const check = async () => {
    let content: unknown;
    try {
      content = JSON.parse(text);
    } catch (e) {
      setChecked(null);
      setError(m.notJson(e instanceof Error ? e.message : String(e)));
      return;
    }
    const value = await run('admin.scripts.check', { content: content as never });
    setChecked(value ? { content, check: value } : null);
  };
  const publish = async () => {
    const c = checked?.check;
    if (!c || !reason.reason || c.scriptId === null || c.scriptVersion === null) return;
    const done = await run(
      'admin.scripts.publish',
      {
        scriptId: c.scriptId,
        scriptVersion: c.scriptVersion,
        content: checked.content as never,
        reason: reason.reason,
      },
      (v) => m.publishedDone(v.id),
    );
    if (done) {
      setChecked(null);
      onPublished();
    }
  };
  const c = checked?.check;
  const publishable = c && c.problems.length === 0 && !c.versionTaken && c.scriptId !== null;

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{m.title}</h2>
      <div className="field">
        <label htmlFor={`${id}-file`}>{m.file}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept="application/json,.json"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void file.text().then((content) => setText(content.slice(0, MAX_CHARS)));
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-text`}>{m.text}</label>
        <textarea
          id={`${id}-text`}
          className="admin-code"
          value={text}
          spellCheck={false}
          onChange={(e) => {
            setText(e.target.value.slice(0, MAX_CHARS));
            setChecked(null);
          }}
        />
      </div>
      <button type="button" disabled={!text.trim() || busy} onClick={() => void check()}>
        {m.check}
      </button>
      <CallOutcome error={error} notice={notice} />
      {c && checked ? (
        <>
          <Findings check={c} />
          <ScriptDiffTable
            offered={c.offered?.scriptVersion ?? null}
            diff={c.offered ? diffScripts(c.offered.content, checked.content) : null}
          />
          {reason.fields}
          {publishable ? null : <p className="field-hint">{m.publishBlocked}</p>}
          <button
            type="button"
            className="primary"
            disabled={!publishable || !reason.reason || busy}
            onClick={() => void publish()}
          >
            {m.publish}
          </button>
        </>
      ) : null}
    </section>
  );
}

function Findings({ check }: { check: ScriptCheck }) {
  const m = useT().admin.scripts.upload;
  return (
    <section aria-labelledby="admin-script-findings">
      <h3 id="admin-script-findings">{m.findings}</h3>
      <p>
        {check.scriptId !== null && check.scriptVersion !== null
          ? m.names(check.scriptId, check.scriptVersion)
          : m.unnamed}
      </p>
      {check.versionTaken && check.scriptId !== null && check.scriptVersion !== null ? (
        <p className="error-box">{m.versionTaken(check.scriptId, check.scriptVersion)}</p>
      ) : null}
      {check.problems.length === 0 ? (
        <p className="field-ok">{m.noFindings}</p>
      ) : (
        <ul className="admin-findings" data-testid="script-findings">
          {check.problems.map((p, i) => (
            <li key={`${p.path}-${i}`}>
              <code>{p.code}</code> {p.stepId ? <code>{p.stepId}</code> : null} {p.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
