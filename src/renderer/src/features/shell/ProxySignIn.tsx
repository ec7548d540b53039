import { useState, type FormEvent } from 'react';
import { invoke } from '../../api/agent-desk';
import { useT } from '../../i18n';
import { errorText } from '../../i18n/error-text';
import { FormAlert } from '../sign-in/gate-parts';
import { ProxyFields, type ProxyCredentialsDraft } from '../sign-in/ProxyFields';

/**
 * In the status bar while the proxy refuses the sync connection for want of
 * credentials: the agent enters them and the desktop reconnects at once (they are
 * kept with the session, so this is asked again only when they change).
 */
export function ProxySignIn() {
  const t = useT();
  const [draft, setDraft] = useState<ProxyCredentialsDraft>({ username: '', password: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await invoke('network.proxyCredentials', draft);
    setBusy(false);
    if (!result.ok) {
      setError(errorText(result.error, t));
      return;
    }
    setError(null);
    setDraft({ username: '', password: '' });
  };

  return (
    <form className="proxy-sign-in" onSubmit={(e) => void submit(e)}>
      <ProxyFields idPrefix="status-proxy" value={draft} onChange={setDraft} />
      <FormAlert error={error} />
      <button type="submit" disabled={busy}>
        {t.proxy.submit}
      </button>
    </form>
  );
}
