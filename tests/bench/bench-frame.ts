/**
 * worklist_frame_p95: the real renderer (out/renderer) in Debian's Chromium,
 * served by the browser host over the desktop core that bench-sync filled
 * (the team's 50,000 callbacks), scope "team" and every status, scrolled for
 * a few seconds while requestAnimationFrame deltas are recorded. Baseline: the
 * same rAF loop in the same browser on a page that does nothing.
 */
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { createDesktopCore, fileKeyProvider } from '../../src/desktop/core';
import { startWebHost } from '../../src/desktop/host-web/web-host';
import { loadDataset } from './lib/dataset';
import { note, printBench } from './lib/report';
import { sizedName, startServerProcess } from './lib/server-process';
import { percentile } from './lib/stats';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const datasetFile = process.argv[2] as string;
const dataset = loadDataset(datasetFile);
const SCROLL_MS = 5_000;
/** A fling: 240 px per frame (~14,000 px/s). The slow pass (stderr only) is a steady wheel scroll. */
const FAST_STEP_PX = 240;
const SLOW_STEP_PX = 40;
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const FIGURE = sizedName(dataset, 'worklist_frame_p95');

function nan(reason: string): void {
  note(`${FIGURE} not measured: ${reason}`);
  printBench({ name: FIGURE, value: NaN, unit: 'ms', baseline: NaN, goal: 'p95<16.7ms' });
}

/**
 * Browser-side loop, kept as plain JavaScript text: functions compiled by tsx
 * carry helpers (`__name`) that do not exist in the page.
 */
const FRAME_LOOP = `({ selector, ms, step }) => new Promise((done) => {
  const el = selector ? document.querySelector(selector) : null;
  const deltas = [];
  let last = performance.now();
  const end = last + ms;
  let direction = 1;
  const tick = (t) => {
    deltas.push(t - last);
    last = t;
    if (el) {
      if (el.scrollTop + el.clientHeight >= el.scrollHeight - 10) direction = -1;
      if (el.scrollTop <= 0) direction = 1;
      el.scrollTop += direction * step;
    }
    if (t < end) requestAnimationFrame(tick);
    else done(deltas.slice(2));
  };
  requestAnimationFrame(tick);
})`;

/** Scrolls `selector` (or nothing) for `ms` and returns every frame-to-frame delta. */
function frameDeltas(
  page: Page,
  selector: string | null,
  ms: number,
  step = FAST_STEP_PX,
): Promise<number[]> {
  return page.evaluate(`(${FRAME_LOOP})(${JSON.stringify({ selector, ms, step })})`) as Promise<number[]>;
}

async function main(): Promise<void> {
  const rendererDir = join(ROOT, 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) return nan('out/renderer is not built (npm run build)');
  if (!existsSync(CHROMIUM)) return nan(`no Chromium at ${CHROMIUM} (apt-get install chromium)`);
  const desktopDir = join(dirname(datasetFile), 'desktop');
  if (!existsSync(desktopDir))
    return nan('the desktop cache from bench-sync is missing (run the sync bench first)');
  const server = await startServerProcess(dataset.dataDir, 170_000);
  const created = await createDesktopCore({
    dataDir: desktopDir,
    serverUrl: server.url,
    keyProvider: fileKeyProvider(join(desktopDir, 'cache.key')),
    timers: false,
  });
  if (!created.ok) {
    await server.stop();
    return nan(created.error.message);
  }
  const core = created.value;
  const host = await startWebHost({
    core,
    rendererDir,
    port: 0,
    secret: randomBytes(24).toString('base64url'),
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(host.url);
    const list = page.locator('.wl-main [role="listbox"]');
    try {
      await list.waitFor({ timeout: 60_000 });
    } catch {
      return nan(`the worklist screen did not appear within 60 s (page title "${await page.title()}")`);
    }
    await page
      .locator('input[name="wl-scope"][value="team"]')
      .check()
      .catch(() => undefined);
    for (const box of await page.locator('input[name="wl-status"]').all())
      await box.check().catch(() => undefined);
    await page.waitForTimeout(1_500);
    const count =
      (await page
        .locator('#wl-count')
        .textContent()
        .catch(() => '')) ?? '';
    const baseline = await frameDeltas(page, null, 2_000);
    const deltas = await frameDeltas(page, '.wl-main .vlist-viewport', SCROLL_MS);
    const slow = await frameDeltas(page, '.wl-main .vlist-viewport', 3_000, SLOW_STEP_PX);
    note(
      `slow scroll (${SLOW_STEP_PX} px/frame): p50 ${percentile(slow, 50).toFixed(1)} ms, p95 ${percentile(slow, 95).toFixed(1)} ms, max ${Math.max(...slow).toFixed(1)} ms`,
    );
    note(
      `worklist "${count.trim()}": ${deltas.length} frames scrolled at ${FAST_STEP_PX} px/frame, p50 ${percentile(deltas, 50).toFixed(1)} ms, p95 ${percentile(deltas, 95).toFixed(1)} ms, max ${Math.max(...deltas).toFixed(1)} ms; idle p95 ${percentile(baseline, 95).toFixed(1)} ms`,
    );
    printBench({
      name: FIGURE,
      value: percentile(deltas, 95),
      unit: 'ms',
      baseline: percentile(baseline, 95),
      goal: 'p95<16.7ms',
    });
  } finally {
    await browser.close();
    await host.close();
    await core.close();
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    note(`bench-frame failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
