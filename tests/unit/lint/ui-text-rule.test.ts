import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// Proves the "UI text comes from the catalogs" rule (scripts/eslint/no-literal-ui-text.js)
// bites in the renderer, through the project's own eslint.config.js.
const eslint = new ESLint({ cwd: process.cwd() });

async function uiTextErrors(code: string, file = 'src/renderer/src/features/x/X.tsx'): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: file });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'agent-desk/no-literal-ui-text')
    .map((m) => m.message);
}

const refused = [
  'const a = <p>Save changes</p>;',
  'const a = <p>{"Guardar"}</p>;',
  'const a = <button aria-label="Close">×</button>;',
  'const a = <input placeholder="YYYY-MM-DD" />;',
  'const a = <span title={open ? "Open" : t.closed} />;',
  'const a = <img alt={`Chart of ${n}`} />;',
];
const allowed = [
  'const a = <p>{t.app.save}</p>;',
  'const a = <p>{t.a} · {t.b} — ←</p>;',
  'const a = <button>{t.back} <kbd aria-hidden="true">Esc</kbd></button>;',
  'const a = <span aria-label={t.region} aria-hidden="true" />;',
  'const a = <p>{`${n} · ${m}`}</p>;',
  'const a = <option value="es" lang="es">Español</option>;',
];

describe('UI text rule (lint)', () => {
  beforeAll(async () => {
    await uiTextErrors('');
  }, 60_000);

  it.each(refused)('refuses %s', async (code) => {
    expect(await uiTextErrors(code)).toHaveLength(1);
  });

  it.each(allowed)('allows %s', async (code) => {
    expect(await uiTextErrors(code)).toEqual([]);
  });

  it('applies to the renderer only', async () => {
    expect(await uiTextErrors('const a = <p>Save</p>;', 'tests/unit/renderer/x.test.tsx')).toEqual([]);
  });
});
