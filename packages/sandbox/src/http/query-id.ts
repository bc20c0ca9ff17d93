/** X-Ovh-QueryId values shaped like OVH's (`EU.ext-3.63ac85b6.10528.27b4f1fc`), unique per sandbox. */
import { randomBytes } from 'node:crypto';

export function createQueryIdGenerator(nowMs: () => number = Date.now): () => string {
  const startHex = Math.floor(nowMs() / 1000)
    .toString(16)
    .padStart(8, '0');
  const worker = (process.pid % 90000) + 10000;
  let counter = 0;
  return () => {
    counter++;
    return `EU.ext-${(counter % 7) + 1}.${startHex}.${worker}.${counter.toString(16).padStart(4, '0')}${randomBytes(2).toString('hex')}`;
  };
}
