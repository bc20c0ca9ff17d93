/**
 * The request log's memory over a long fuzz-like run: 30 000 calls with random methods, bodies
 * and paths, one in three with a target of 8 000 characters. Prints the sandbox's RSS as it goes
 * and what GET /_sandbox/requests holds at the end. Asserts nothing.
 */
import { call, rssMb, runConcurrently, startBin, stopBin } from './sandbox-process.mjs';

const CALLS = Number(process.env.CALLS ?? 30_000);
const LONG_TARGET = 8_000;
const METHODS = ['GET', 'POST', 'PUT', 'DELETE'];

let seed = 42;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const hex = (n) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');

// Distinct long targets without paying for 8 000 random characters on every call.
const LONG_QUERIES = Array.from({ length: 64 }, () => hex(LONG_TARGET));

const started = await startBin(['--port', '0']);
const origin = new URL(started.line.endpoint).origin;
const samples = [[0, rssMb(started.child.pid)]];
const t0 = performance.now();
await runConcurrently(CALLS, 8, async (i) => {
  const long = i % 3 === 0;
  const query = long ? `?q=${LONG_QUERIES[i % 64]}&n=${i}` : `?n=${i}`;
  const method = METHODS[Math.floor(random() * METHODS.length)];
  await call(origin, {
    method,
    path: `/1.0/cloud/${hex(32)}/pca${query}`,
    body: method === 'GET' ? '' : JSON.stringify({ name: hex(Math.floor(random() * 200)) }),
  });
  if ((i + 1) % 5000 === 0) samples.push([i + 1, rssMb(started.child.pid)]);
});
const seconds = (performance.now() - t0) / 1000;
const log = await call(origin, { path: '/_sandbox/requests' });
const entries = JSON.parse(log.text);
await stopBin(started);

console.log(
  `\nrequest log memory: ${CALLS} calls (1 in 3 with a ${LONG_TARGET}-char target), ${seconds.toFixed(1)} s`,
);
console.log('calls   RSS MB');
for (const [calls, rss] of samples)
  console.log(`${String(calls).padStart(6)}  ${rss.toFixed(0).padStart(6)}`);
console.log(
  `log: ${entries.length} entries, longest path ${Math.max(...entries.map((e) => e.path.length))} chars, ` +
    `GET /_sandbox/requests ${(log.text.length / 1024 / 1024).toFixed(1)} MB`,
);
