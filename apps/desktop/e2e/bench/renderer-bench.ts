// `pnpm bench`: the renderer in Chromium with an archive of 100 000 objects (the objects view) and
// 10 000 legacy sessions. Reports each table's time to its first rendered row, frame times while
// scrolling it end to end, and the first screen's JS size.
// The bridge answers from memory, so the numbers are the renderer's own (plus the binding hop).
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { InvokeChannel } from '../../src/shared/ipc-channels.js';
import type { ArchiveObjectRow, ArchiveRow, ProfileSummary, SessionRow } from '../../src/shared/ipc-types.js';
import { startAppServer } from '../harness/app-server.js';
import { buildTestAssets, E2E_ASSETS } from '../harness/build-test-assets.js';
import { launchChromium } from '../harness/desktop-harness.js';
import { measureFirstScreen } from './first-screen-size.js';

const SESSION_COUNT = Number(process.env.BENCH_SESSIONS ?? 10_000);
const OBJECT_COUNT = Number(process.env.BENCH_OBJECTS ?? 100_000);
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

const benchArchive: ArchiveRow = {
  product: 'cloud-archive',
  project: '0123456789abcdef0123456789abcdef',
  region: 'GRA',
  name: 'bench-archive',
  state: 'active',
  phase: 'open',
  objects: OBJECT_COUNT,
  bytes: OBJECT_COUNT * 1_000_000,
  capabilities: ['list', 'retrieve', 'download', 'upload', 'delete', 'prune'],
  lockedUntil: null,
  restoredUntil: null,
  steps: [],
};

function objects(count: number): ArchiveObjectRow[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, index) => {
    const phase = index % 10 === 0 ? 'retrieving' : index % 10 === 1 ? 'online' : 'offline';
    return {
      key: `backups/${String(Math.floor(index / 1000)).padStart(3, '0')}/part-${String(index).padStart(6, '0')}.bin`,
      label: null,
      bytes: (index * 7919) % 5_000_000,
      lastModified: new Date(Date.UTC(2025, 0, 1) + index * 60_000).toISOString(),
      state: phase === 'retrieving' ? 'unsealing' : phase === 'online' ? 'unsealed' : 'sealed',
      phase,
      readyAt: phase === 'retrieving' ? new Date(now + 3_600_000).toISOString() : null,
      retrievableUntil: null,
    };
  });
}

function answer(channel: InvokeChannel, data: SessionRow[], listed: ArchiveObjectRow[]): unknown {
  switch (channel) {
    case 'archives:list':
      return { ok: true, value: [benchArchive] };
    case 'archives:listObjects':
      return { ok: true, value: listed };
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

/** Scrolls a table's scroller end to end, one step per frame; the frame times, sorted. */
async function scrollFrames(page: Page, testId: string) {
  const frames = await page.evaluate(
    async ([id, frameCount]) => {
      const scroller = document.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;
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
    },
    [testId, SCROLL_FRAMES] as const,
  );
  const sorted = [...frames.deltas].sort((a, b) => a - b);
  return {
    frames: SCROLL_FRAMES,
    reachedEnd: frames.reachedEnd,
    medianMs: +percentile(sorted, 50).toFixed(1),
    p95Ms: +percentile(sorted, 95).toFixed(1),
    maxMs: +sorted[sorted.length - 1]!.toFixed(1),
    over16msPercent: +((100 * sorted.filter((ms) => ms > 16.7).length) / sorted.length).toFixed(1),
    over50ms: sorted.filter((ms) => ms > 50).length,
  };
}

/** When (page clock) a channel's answer reached the page and a row matching `rowSelector` was drawn. */
async function stamps(page: Page, channel: InvokeChannel, rowSelector: string) {
  await page.locator(rowSelector).first().waitFor({ timeout: 120_000 });
  return page.evaluate(
    ([name, selector]) => {
      const w = window as unknown as {
        __answeredAt: Record<string, number>;
        __firstRowAt: Record<string, number>;
      };
      return { answeredAt: w.__answeredAt[name]!, firstRowAt: w.__firstRowAt[selector]! };
    },
    [channel, rowSelector] as const,
  );
}

const scrollLine = (scroll: Awaited<ReturnType<typeof scrollFrames>>) =>
  `median ${scroll.medianMs} ms, p95 ${scroll.p95Ms} ms, max ${scroll.maxMs} ms, ${scroll.over16msPercent}% over 16.7 ms, ${scroll.over50ms} over 50 ms${scroll.reachedEnd ? '' : ' (did NOT reach the end)'}`;

async function main(): Promise<void> {
  await buildTestAssets();
  const size = await measureFirstScreen(E2E_ASSETS.renderer);
  const server = await startAppServer(E2E_ASSETS.renderer);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const data = sessions(SESSION_COUNT);
    const listed = objects(OBJECT_COUNT);
    await page.exposeBinding('__ovhPcaInvoke', (_source, channel: InvokeChannel) =>
      JSON.stringify(answer(channel, data, listed)),
    );
    await page.addInitScript({ path: E2E_ASSETS.preloadShim });
    // Stamps, in the page's own clock, when each answer arrived over the bridge (the test binding
    // is far slower than Electron's IPC at moving 100 000 objects) and when each table's first row
    // is in the DOM.
    await page.addInitScript(() => {
      const w = window as unknown as {
        __ovhPcaInvoke: (...args: unknown[]) => Promise<unknown>;
        __answeredAt: Record<string, number>;
        __firstRowAt: Record<string, number>;
      };
      w.__answeredAt = {};
      w.__firstRowAt = {};
      const invoke = w.__ovhPcaInvoke;
      w.__ovhPcaInvoke = async (...args: unknown[]) => {
        const result = await invoke(...args);
        w.__answeredAt[args[0] as string] = performance.now();
        return result;
      };
      const selectors = ['tr[data-key]', 'tr[data-session-id]'];
      new MutationObserver(() => {
        for (const selector of selectors) {
          if (w.__firstRowAt[selector] === undefined && document.querySelector(selector)) {
            w.__firstRowAt[selector] = performance.now();
          }
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${server.origin}/index.html`);

    // The objects view: open the archive from the Archives table, then scroll 100 000 rows.
    await page.getByRole('button', { name: 'Open bench-archive' }).click();
    const objectStamps = await stamps(page, 'archives:listObjects', 'tr[data-key]');
    const objectRowsInDom = await page.locator('tr[data-key]').count();
    const objectScroll = await scrollFrames(page, 'objects-scroll');

    // The legacy sessions table.
    await page.getByRole('navigation').getByRole('button', { name: 'PCA sessions' }).click();
    const sessionStamps = await stamps(page, 'archive:listSessions', 'tr[data-session-id]');
    const rowsInDom = await page.locator('tr[data-session-id]').count();
    const sessionScroll = await scrollFrames(page, 'sessions-scroll');

    const report = {
      objects: {
        count: OBJECT_COUNT,
        renderAfterDataMs: Math.round(objectStamps.firstRowAt - objectStamps.answeredAt),
        rowsInDom: objectRowsInDom,
        scroll: objectScroll,
      },
      sessions: {
        count: SESSION_COUNT,
        renderAfterDataMs: Math.round(sessionStamps.firstRowAt - sessionStamps.answeredAt),
        rowsInDom,
        scroll: sessionScroll,
      },
      firstScreenJsGzipKB: +(size.firstScreenGzipBytes / 1024).toFixed(1),
      firstScreenGoalKB: FIRST_SCREEN_GOAL_BYTES / 1024,
      firstScreenFiles: size.firstScreenFiles,
    };
    await mkdir(`${root}.cache/bench`, { recursive: true });
    await writeFile(`${root}.cache/bench/renderer-bench.json`, `${JSON.stringify(report, null, 2)}\n`);
    console.log(
      [
        'desktop renderer (headless Chromium, --disable-gpu)',
        `  objects view, ${OBJECT_COUNT} objects:`,
        `    first render:        ${report.objects.renderAfterDataMs} ms after the listing reached the page (${objectRowsInDom} rows in the DOM)`,
        `    scroll, ${SCROLL_FRAMES} frames:  ${scrollLine(objectScroll)}`,
        `  sessions table, ${SESSION_COUNT} sessions:`,
        `    first render:        ${report.sessions.renderAfterDataMs} ms after the sessions reached the page (sort, table model, first paint; ${rowsInDom} rows in the DOM)`,
        `    scroll, ${SCROLL_FRAMES} frames:  ${scrollLine(sessionScroll)}`,
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
