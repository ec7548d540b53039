import type { ReactNode } from 'react';
import './SignIn.css';

/** The full-window card of the screens before the desk: sign-in and the idle lock. */
export function GatePage({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="gate">
      <div className="gate-card panel">{children}</div>
    </main>
  );
}

/** The current password, never offered for saving anywhere but as the current one. */
export function PasswordField({
  id,
  label,
  value,
  onChange,
  autoFocus = false,
  autoComplete = 'current-password',
}: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  autoFocus?: boolean;
  autoComplete?: 'current-password' | 'new-password';
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="password"
        autoComplete={autoComplete}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required
        autoFocus={autoFocus}
      />
    </div>
  );
}

/** Always in the DOM (an empty live region), so a screen reader hears the error when it appears. */
export function FormAlert({ error }: { error: string | null }) {
  return (
    <div role="alert" className={error ? 'error-box' : undefined}>
      {error}
    </div>
  );
}
