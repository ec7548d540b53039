import { useT } from '../../i18n';
import { PasswordField } from './gate-parts';

export interface ProxyCredentialsDraft {
  username: string;
  password: string;
}

/**
 * The proxy's user name and password, asked for only after the proxy said it wants
 * them (a `network.proxy_auth_*` error): on the sign-in form and in the status bar.
 */
export function ProxyFields({
  idPrefix,
  value,
  onChange,
}: {
  idPrefix: string;
  value: ProxyCredentialsDraft;
  onChange(value: ProxyCredentialsDraft): void;
}) {
  const t = useT();
  return (
    <fieldset className="proxy-fields">
      <legend>{t.proxy.explain}</legend>
      <div className="field">
        <label htmlFor={`${idPrefix}-user`}>{t.proxy.username}</label>
        <input
          id={`${idPrefix}-user`}
          autoComplete="off"
          value={value.username}
          onChange={(e) => onChange({ ...value, username: e.target.value })}
          required
        />
      </div>
      <PasswordField
        id={`${idPrefix}-password`}
        label={t.proxy.password}
        value={value.password}
        onChange={(password) => onChange({ ...value, password })}
      />
    </fieldset>
  );
}
