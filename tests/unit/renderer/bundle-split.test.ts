import type { Rolldown } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTarget } from '../electron-vite-build';

/**
 * The renderer is built the way `electron-vite build` builds it: the worklist (the
 * screen an agent starts on) is in the first bundle, and the other screens — the
 * supervisor view above all, and the phone-number library the forms need — are
 * chunks of their own, loaded when a screen is first opened.
 */
let chunks: Rolldown.OutputChunk[] = [];
beforeAll(async () => {
  chunks = await buildTarget('renderer');
}, 120_000);

const has = (chunk: Rolldown.OutputChunk, path: string) =>
  Object.keys(chunk.modules).some((id) => id.includes(path));

describe('the renderer bundle', () => {
  it('starts with the worklist and without the other screens', () => {
    const entry = chunks.filter((c) => c.isEntry);
    expect(entry).toHaveLength(1);
    const [first] = entry as [Rolldown.OutputChunk];
    expect(has(first, 'features/worklist/Worklist.tsx')).toBe(true);
    for (const screen of [
      'features/supervisor/SupervisorScreen.tsx',
      'features/callback/CallbackDetailScreen.tsx',
      'features/inquiry/InquiryScreen.tsx',
      'features/expedite/ExpediteScreen.tsx',
      'features/appointment/AppointmentScreen.tsx',
      'features/admin/UsersScreen.tsx',
      'features/admin/PolicyScreen.tsx',
      'features/reports/ReportsScreen.tsx',
      'node_modules/libphonenumber-js',
    ])
      expect(has(first, screen), screen).toBe(false);
  });

  it('loads each of them on demand', () => {
    const lazy = chunks.filter((c) => c.isDynamicEntry).map((c) => c.name);
    expect(lazy.sort()).toEqual(
      [
        'AppointmentScreen',
        'CallbackDetailScreen',
        'CustomerScreen',
        'ExpediteScreen',
        'InquiryScreen',
        'SupervisorScreen',
        'UsersScreen',
        'ScriptsScreen',
        'PolicyScreen',
        'AuditScreen',
        'ReportsScreen',
      ].sort(),
    );
  });
});
