import { useId, useMemo, useState } from 'react';
import type { PolicyPreview } from '../../../../shared/admin/policy-preview';
import { policyLeaves, setLeaf, type PolicyLeaf } from '../../../../shared/admin/policy-fields';
import { policySchema } from '../../../../shared/domain/policy';
import { useT } from '../../i18n';
import { formatInstant } from '../../i18n/format';
import { usePolicy } from '../../state/session-store';
import { PolicyPreviewView } from './PolicyPreviewView';
import { useReason } from './ReasonFields';
import { CallOutcome, useAdminCall } from './use-admin-call';

/** The problems of a draft by value path (`sla.urgentDueHours` → its first message). */
function problemsOf(draft: unknown): Map<string, string> {
  const parsed = policySchema.safeParse(draft);
  const problems = new Map<string, string>();
  if (parsed.success) return problems;
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.') || 'policy';
    if (!problems.has(path)) problems.set(path, issue.message);
  }
  return problems;
}

/** A datetime-local value (the desktop's zone) as epoch ms; undefined when empty ("now"). */
function effectiveTime(value: string): number | undefined {
  if (!value) return undefined;
  const at = new Date(value).getTime();
  return Number.isFinite(at) ? at : undefined;
}

/**
 * Every value of the policy as a field, checked against the policy schema as it is
 * typed; an effective time; a preview of what the draft changes; publish with a reason.
 */
export function PolicyEditor({
  current,
  onPublished,
}: {
  current: unknown;
  /** Published: what to say (the screen says it, since the editor starts over from the new version). */
  onPublished(said: string): void;
}) {
  const t = useT();
  const m = t.admin.policy;
  const zone = usePolicy().callbackHours.timeZone;
  const id = useId();
  const { run, busy, error, notice } = useAdminCall();
  const reason = useReason('policy-update');
  const [draft, setDraft] = useState<unknown>(current);
  const [effective, setEffective] = useState('');
  const [preview, setPreview] = useState<PolicyPreview | null>(null);
  // The shape's own version number is not a rule an administrator sets.
  const leaves = useMemo(() => policyLeaves(draft).filter((l) => l.path !== 'version'), [draft]);
  const before = useMemo(() => new Map(policyLeaves(current).map((l) => [l.path, l.value])), [current]);
  const problems = useMemo(() => problemsOf(draft), [draft]);
  const changed = leaves.filter((l) => before.get(l.path) !== l.value).length;
  const effectiveFrom = effectiveTime(effective);
  const draftArgs = { policy: draft, ...(effectiveFrom === undefined ? {} : { effectiveFrom }) };

  const edit = (path: string, value: PolicyLeaf['value']) => {
    setDraft(setLeaf(draft, path, value));
    setPreview(null);
  };
  const publish = async () => {
    if (!reason.reason) return;
    // The screen says it: this editor starts over from the version just published.
    const done = await run('admin.policy.publish', { ...draftArgs, reason: reason.reason });
    if (done) onPublished(m.publishedDone(formatInstant(done.effectiveFrom, zone)));
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{m.editor}</h2>
      <p className="field-hint">{m.editorIntro}</p>
      <div className="admin-policy-fields">
        {leaves.map((leaf) => (
          <PolicyField
            key={leaf.path}
            leaf={leaf}
            changed={before.get(leaf.path) !== leaf.value}
            problem={problems.get(leaf.path) ?? null}
            onChange={(v) => edit(leaf.path, v)}
          />
        ))}
      </div>
      {problems.size > 0 ? (
        <p role="alert" className="error-box">
          {m.invalid(problems.size)}{' '}
          {[...problems]
            .filter(([p]) => !before.has(p))
            .map(([p, msg]) => `${p}: ${msg}`)
            .join('; ')}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-effective`}>{m.effective}</label>
        <input
          id={`${id}-effective`}
          type="datetime-local"
          value={effective}
          aria-describedby={`${id}-effective-hint`}
          onChange={(e) => {
            setEffective(e.target.value);
            setPreview(null);
          }}
        />
        <span id={`${id}-effective-hint`} className="field-hint">
          {m.effectiveHint}
        </span>
      </div>
      <div className="actions">
        <button
          type="button"
          disabled={problems.size > 0 || busy}
          onClick={() => void run('admin.policy.preview', draftArgs).then((v) => setPreview(v ?? null))}
        >
          {m.preview}
        </button>
      </div>
      {preview ? <PolicyPreviewView preview={preview} /> : null}
      {reason.fields}
      {changed === 0 ? <p className="field-hint">{m.noChanges}</p> : null}
      <button
        type="button"
        className="primary"
        disabled={problems.size > 0 || changed === 0 || !reason.reason || busy}
        onClick={() => void publish()}
      >
        {m.publish}
      </button>
      <CallOutcome error={error} notice={notice} />
    </section>
  );
}

function PolicyField(props: {
  leaf: PolicyLeaf;
  changed: boolean;
  problem: string | null;
  onChange(value: PolicyLeaf['value']): void;
}) {
  const m = useT().admin.policy;
  const id = useId();
  const { leaf, problem } = props;
  const described = problem ? `${id}-problem` : undefined;
  const label = (
    <label htmlFor={id}>
      <code>{leaf.path}</code>
      {props.changed ? <span className="admin-changed"> ({m.changed})</span> : null}
    </label>
  );
  if (typeof leaf.value === 'boolean') {
    return (
      <div className="field admin-policy-field">
        <span className="choice">
          <input
            id={id}
            type="checkbox"
            checked={leaf.value}
            onChange={(e) => props.onChange(e.target.checked)}
          />
          {label}
        </span>
      </div>
    );
  }
  const numeric = typeof leaf.value === 'number';
  return (
    <div className="field admin-policy-field">
      {label}
      <input
        id={id}
        type={numeric ? 'number' : 'text'}
        step={numeric ? 'any' : undefined}
        value={String(leaf.value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={described}
        onChange={(e) => {
          const raw = e.target.value;
          const n = Number(raw);
          props.onChange(numeric ? (raw.trim() === '' || !Number.isFinite(n) ? raw : n) : raw);
        }}
      />
      {problem ? (
        <span id={described} className="field-error">
          {problem}
        </span>
      ) : null}
    </div>
  );
}
