import { useEffect, useId, useRef } from 'react';
import { useT } from '../../i18n';

/** A one-time password, shown once: focused so the administrator finds it at once. */
export function OneTimePassword({ username, password }: { username: string; password: string }) {
  const m = useT().admin.users.oneTime;
  const id = useId();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), [password]);
  return (
    <section className="panel admin-otp" aria-labelledby={`${id}-title`} ref={ref} tabIndex={-1}>
      <h3 id={`${id}-title`}>{m.title}</h3>
      <p>{m.intro(username)}</p>
      <p className="read-back link-text" data-testid="one-time-password">
        {password}
      </p>
      <p className="field-hint">{m.copyHint}</p>
    </section>
  );
}
