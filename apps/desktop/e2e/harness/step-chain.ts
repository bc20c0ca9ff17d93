import { afterEach, beforeEach } from 'vitest';

/**
 * Steps that build on each other, in one window: after a failure the rest would only time out, so
 * they are skipped, and the window as the failure left it is saved as `<name>-failed-step`.
 */
export function chainSteps(screenshot: (name: string) => Promise<unknown>, name: string): void {
  let broken = false;
  beforeEach((context) => {
    if (broken) context.skip();
  });
  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    broken = true;
    await screenshot(`${name}-failed-step`).catch(() => {});
  });
}
