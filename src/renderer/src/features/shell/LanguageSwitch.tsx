import { useT } from '../../i18n';
import { useUiStore } from '../../state/ui-store';

/** The agent's screen language (scripts follow the caller's language on their own). */
export function LanguageSwitch() {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const setLanguage = useUiStore((s) => s.setLanguage);
  return (
    <label className="language-switch">
      {t.app.language}{' '}
      <select value={language} onChange={(e) => setLanguage(e.target.value === 'es' ? 'es' : 'en')}>
        <option value="en" lang="en">
          English
        </option>
        <option value="es" lang="es">
          Español
        </option>
      </select>
    </label>
  );
}
