import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const RENDERER = fileURLToPath(new URL('../../../src/renderer/src', import.meta.url));
/** The smallest text the screens may set in pixels (issue 13 item 7: the lead's chart axes read ~7 px). */
const MIN_TEXT_PX = 12;

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return cssFiles(path);
    return entry.name.endsWith('.css') ? [path] : [];
  });
}

describe('text size', () => {
  it(`sets no text smaller than ${MIN_TEXT_PX} px in any stylesheet (chart axis labels included)`, () => {
    const files = cssFiles(RENDERER);
    expect(files.some((f) => f.endsWith('Supervisor.css'))).toBe(true);
    for (const file of files) {
      const css = readFileSync(file, 'utf8');
      for (const match of css.matchAll(/font-size:\s*([\d.]+)(px|rem)/g)) {
        // rem against the root's 16 px (global.css).
        const px = Number(match[1]) * (match[2] === 'rem' ? 16 : 1);
        expect(px, `${file}: ${match[0]}`).toBeGreaterThanOrEqual(MIN_TEXT_PX);
      }
    }
  });
});
