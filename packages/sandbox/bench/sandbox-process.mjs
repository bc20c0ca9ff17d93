/**
 * Bench helpers: spawn a built `ovh-sandbox` (SANDBOX_BIN, default ../dist/ovh-sandbox.cjs, so an
 * older build can be measured the same way), read its start line, sign calls, read its RSS.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN =
  process.env.SANDBOX_BIN ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'ovh-sandbox.cjs');

export function startBin(args) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (stdout.includes('\n')) resolve({ child, line: JSON.parse(stdout.split('\n')[0]) });
    });
    child.on('exit', (code) => reject(new Error(`sandbox exited ${code}`)));
  });
}

export async function stopBin(started) {
  const exited = new Promise((resolve) => started.child.on('exit', resolve));
  started.child.kill('SIGTERM');
  await exited;
}

/** Resident memory of a process, MB, from /proc (Linux). */
export function rssMb(pid) {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  return kb / 1024;
}

const agent = new Agent({ keepAlive: true, maxSockets: 16 });

/** One HTTP call; resolves with status and body text (never rejects on an HTTP status). */
export function call(origin, { method = 'GET', path, headers = {}, body = '' }) {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${path}`, { method, headers, agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A call signed with the start line's demo keys (OVH's `$1$` SHA-1 scheme). */
export function signedCall(line, { method = 'GET', path, body }) {
  const url = `${line.endpoint}${path}`;
  const text = body === undefined ? '' : JSON.stringify(body);
  const timestamp = Math.floor(Date.now() / 1000);
  const signed = `${line.applicationSecret}+${line.consumerKey}+${method}+${url}+${text}+${timestamp}`;
  const headers = {
    'X-Ovh-Application': line.applicationKey,
    'X-Ovh-Consumer': line.consumerKey,
    'X-Ovh-Timestamp': String(timestamp),
    'X-Ovh-Signature': `$1$${createHash('sha1').update(signed).digest('hex')}`,
    ...(text && { 'Content-Type': 'application/json' }),
  };
  return call(new URL(line.endpoint).origin, { method, path: new URL(url).pathname, headers, body: text });
}

/** Runs `task(i)` for i in 0..count-1 with `concurrency` in flight. */
export async function runConcurrently(count, concurrency, task) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
}
