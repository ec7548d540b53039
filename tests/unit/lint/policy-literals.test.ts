import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// "Policy is data": the contact center's numbers live in src/shared/domain/policy.ts
// only. This scan fails when one of them is written into code elsewhere.
const ROOT = join(import.meta.dirname, '../../..');
const ALLOWED = new Set([
  'src/shared/domain/policy.ts',
  // Area code → zone table: New York is data about telephone geography there.
  'src/shared/domain/phones/area-code-zones.ts',
  // Demo customers live in New York too: their zone, not the center's hours.
  'src/server/demo/demo-data.ts',
]);
const FORBIDDEN: Array<[RegExp, string]> = [
  [/['"`]07:00['"`]/, 'callback hours open (07:00)'],
  [/['"`]18:30['"`]/, 'callback hours close (18:30)'],
  [/['"`]08:00['"`]/, 'customer-local earliest (08:00)'],
  [/['"`]21:00['"`]/, 'customer-local latest (21:00)'],
  [/['"`]America\/New_York['"`]/, 'callback-hours time zone'],
  [/\b72\s*\*/, 'urgent SLA hours (72)'],
  [/\b14\s*\*\s*(24|DAY)/, 'non-urgent SLA days (14)'],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('policy literals', () => {
  it('appear nowhere in src/ except the policy', () => {
    const found: string[] = [];
    for (const file of sourceFiles(join(ROOT, 'src'))) {
      const rel = relative(ROOT, file);
      if (ALLOWED.has(rel)) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (line.trim().startsWith('//') || line.trim().startsWith('*')) return;
          for (const [pattern, what] of FORBIDDEN) {
            if (pattern.test(line)) found.push(`${rel}:${i + 1}: ${what}`);
          }
        });
    }
    expect(found).toEqual([]);
  });
});
