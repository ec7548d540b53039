import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { messages } from '../../../src/renderer/src/i18n';
import { personName } from '../../../src/renderer/src/i18n/person-name';

const RENDERER = fileURLToPath(new URL('../../../src/renderer/src', import.meta.url));
/** The administrator's audit screen shows actor ids on purpose (an audit names accounts exactly). */
const IDS_ON_PURPOSE = new Set(['features/admin/AuditScreen.tsx']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

// Issue 13 item 7: "Assigned to: u-tier2-carmen". A person shown by name, or "another agent".
describe('people by name, never by user id', () => {
  it('no screen falls back from a name to an id (`?? x.assigneeId`, `?? h.by`, …)', () => {
    const fallbacks = /\?\?\s*[A-Za-z_.]*(Id|\.by|createdBy|recordedBy)\b/g;
    const found = sources(RENDERER)
      .filter((file) => !IDS_ON_PURPOSE.has(relative(RENDERER, file)))
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(fallbacks)].map(
          (m) => `${relative(RENDERER, file)}: ${m[0]}`,
        ),
      );
    expect(found).toEqual([]);
  });

  it('says "another agent" in the screen language when the desktop has no name', () => {
    const names = { 'u-tier2-carmen': 'Carmen Ruiz' };
    expect(personName(names, 'u-tier2-carmen', messages('en'))).toBe('Carmen Ruiz');
    expect(personName(names, 'u-gone', messages('en'))).toBe('another agent');
    expect(personName(new Map([['u-a', 'Ana']]), 'u-gone', messages('es'))).toBe('otro agente');
  });
});
