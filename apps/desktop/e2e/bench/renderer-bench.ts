// `pnpm bench`: the renderer with 10 000 sessions in Chromium. Reports the time to the first
// rendered row, frame times while scrolling the whole table, and the first screen's JS size.
// The bridge answers from memory, so the numbers are the renderer's own (plus the binding hop).
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { InvokeChannel } from '../../src/shared/ipc-channels.js';
import type { ProfileSummary, SessionRow } from '../../src/shared/ipc-types.js';
import { startAppServer } from '../harness/app-server.js';
import { buildTestAssets, E2E_ASSETS } from '../harness/build-test-assets.js';
import { launchChromium } from '../harness/desktop-harness.js';
import { measureFirstScreen } from './first-screen-size.js';

const SESSION_COUNT = Number(process.env.BENCH_SESSIONS ?? 10_000);
const SCROLL_FRAMES = 400;
const FIRST_SCREEN_GOAL_BYTES = 300 * 1024;
const root = fileURLToPath(new URL('../..', import.meta.url));

const profile: ProfileSummary = {
  name: 'bench',
  endpoint: 'ovh-eu',
  access: 'archive-read',
  hasCredential: true,
  credentialStatus: 'validated',
  account: 'bench-ovh',
  isTrial: false,
  validationUrl: null,
};

function sessions(count: number): SessionRow[] {
  const states = ['ready', 'ready', 'ready', 'uploading', 'restoring', 'failed'] as const;
  return Array.from({ length: count }, (_, index) => {
    const start = Date.UTC(2020, 0, 1) + index * 3_600_000;
    return {
      id: index.toString(16).padStart(24, '0'),
      serviceId: `passport-${index % 3}/pca-${index % 3}`,
      name: `backup-${index % 7 === 0 ? 'db' : 'files'}-${String(index).padStart(5, '0')}`,
      startDate: new Date(start).toISOString(),
      endDate: index % 50 === 0 ? null : new Date(start + 900_000).toISOString(),
      size: ((index * 7919) % 50_000) * 1_000_000,
      state: 'done',
      phase: states[index % states.length]!,
      login: 'pca-user',
      srcIp: '203.0.113.7',
    };
  });
}

function answer(channel: InvokeChannel, data: SessionRow[]): unknown {
  switch (channel) {
    case 'profiles:list':
      return { ok: true, value: { active: profile.name, profiles: [profile] } };
    case 'archive:listServices':
      return {
        ok: true,
        value: [0, 1, 2].map((n) => ({
          kind: 'pca',
          id: `passport-${n}/pca-${n}`,
          passport: `passport-${n}`,
          serviceName: `pca-${n}`,
        })),
      };
    case 'archive:listSessions':
      return { ok: true, value: data };
    default:
      return {
        ok: false,
        error: { code: 'internal', message: 'not in the bench', queryId: null, status: null, field: null },
      };
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;

async function main(): Promise<void> {
  await buildTestAssets();
  const size = await measureFirstScreen(E2E_ASSETS.renderer);
  const server = await startAppServer(E2E_ASSETS.renderer);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const data = sessions(SESSION_COUNT);
    await page.exposeBinding('__ovhPcaInvoke', (_source, channel: InvokeChannel) => answer(channel, data));
    await page.addInitScript({ path: E2E_ASSETS.preloadShim });
    // Stamps, in the page's own clock, when the sessions arrived over the bridge (the test
    // binding is far slower than Electron's IPC at moving 10 000 objects) and when the first row
    // is in the DOM.
    await page.addInitScript(() => {
      const w = window as unknown as {
        __ovhPcaInvoke: (...args: unknown[]) => Promise<unknown>;
        __sessionsAt: number;
      };
      const invoke = w.__ovhPcaInvoke;
      w.__ovhPcaInvoke = async (...args: unknown[]) => {
        const result = await invoke(...args);
        if (args[0] === 'archive:listSessions') w.__sessionsAt = performance.now();
        return result;
      };
      new MutationObserver((_changes, observer) => {
        if (document.querySelector('tr[data-session-id]')) {
          (window as unknown as { __firstRowAt: number }).__firstRowAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${server.origin}/index.html`);
    await page.locator('tr[data-session-id]').first().waitFor({ timeout: 60_000 });
    const { firstRowMs, sessionsAt } = await page.evaluate(() => {
      const w = window as unknown as { __firstRowAt: number; __sessionsAt: number };
      return { firstRowMs: w.__firstRowAt, sessionsAt: w.__sessionsAt };
    });
    const rowsInDom = await page.locator('tr[data-session-id]').count();

    const frames = await page.evaluate(async (frameCount) => {
      const scroller = document.querySelector<HTMLElement>('[data-testid="sessions-scroll"]')!;
      const step = (scroller.scrollHeight - scroller.clientHeight) / frameCount;
      const deltas: number[] = [];
      let last = performance.now();
      for (let frame = 0; frame < frameCount; frame += 1) {
        scroller.scrollTop = Math.round(step * (frame + 1));
        const now = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
        deltas.push(now - last);
        last = now;
      }
      return { deltas, reachedEnd: scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2 };
    }, SCROLL_FRAMES);

    const sorted = [...frames.deltas].sort((a, b) => a - b);
    const report = {
      sessions: SESSION_COUNT,
      timeToFirstRowMs: Math.round(firstRowMs),
      renderAfterDataMs: Math.round(firstRowMs - sessionsAt),
      rowsInDom,
      scroll: {
        frames: SCROLL_FRAMES,
        reachedEnd: frames.reachedEnd,
        medianMs: +percentile(sorted, 50).toFixed(1),
        p95Ms: +percentile(sorted, 95).toFixed(1),
        maxMs: +sorted[sorted.length - 1]!.toFixed(1),
        over16msPercent: +((100 * sorted.filter((ms) => ms > 16.7).length) / sorted.length).toFixed(1),
        over50ms: sorted.filter((ms) => ms > 50).length,
      },
      firstScreenJsGzipKB: +(size.firstScreenGzipBytes / 1024).toFixed(1),
      firstScreenGoalKB: FIRST_SCREEN_GOAL_BYTES / 1024,
      firstScreenFiles: size.firstScreenFiles,
    };
    await mkdir(`${root}.cache/bench`, { recursive: true });
    await writeFile(`${root}.cache/bench/renderer-bench.json`, `${JSON.stringify(report, null, 2)}\n`);
    console.log(
      [
        `desktop renderer, ${SESSION_COUNT} sessions (headless Chromium, --disable-gpu)`,
        `  time to first row:     ${report.timeToFirstRowMs} ms from navigation start (${rowsInDom} rows in the DOM)`,
        `  of which rendering:    ${report.renderAfterDataMs} ms after the 10 000 sessions reached the page (sort, table model, first paint)`,
        `  scroll, ${SCROLL_FRAMES} frames: median ${report.scroll.medianMs} ms, p95 ${report.scroll.p95Ms} ms, max ${report.scroll.maxMs} ms, ${report.scroll.over16msPercent}% over 16.7 ms, ${report.scroll.over50ms} over 50 ms`,
        `  first screen JS:       ${report.firstScreenJsGzipKB} KB gzipped (goal < ${report.firstScreenGoalKB} KB)`,
      ].join('\n'),
    );
    if (size.firstScreenGzipBytes > FIRST_SCREEN_GOAL_BYTES) process.exitCode = 1;
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
