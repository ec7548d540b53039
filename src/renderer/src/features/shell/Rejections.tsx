import { invoke } from '../../api/agent-desk';
import { useT } from '../../i18n';
import { useSessionStore } from '../../state/session-store';
import { errorText } from '../../i18n/error-text';

/** Changes the server refused (e.g. a callback someone else claimed first), each with its reason. */
export function Rejections() {
  const t = useT();
  const rejections = useSessionStore((s) => s.rejections);
  if (rejections.length === 0) return null;
  const dismiss = async (mutationId: string) => {
    const result = await invoke('sync.dismissRejection', { mutationId });
    if (result.ok) useSessionStore.getState().removeRejection(mutationId);
  };
  return (
    <section className="error-box rejections" aria-labelledby="rejections-title">
      <h2 id="rejections-title">{t.rejections.title}</h2>
      <ul>
        {rejections.map((r) => (
          <li key={r.mutationId}>
            {t.rejections.item(t.rejections.kinds[r.name.replace(/@\d+$/, '')] ?? r.name, errorText(r, t))}{' '}
            <button type="button" onClick={() => void dismiss(r.mutationId)}>
              {t.app.dismiss}
              <span className="visually-hidden">: {errorText(r, t)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
