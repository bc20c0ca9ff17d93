import { describe, expect, it } from 'vitest';
import { createSkewNoticeDetector } from './skew-notice.js';

const event = (status: number, error?: string) => ({
  method: 'GET',
  url: 'https://eu.api.ovh.com/1.0/cloud',
  attempt: 1,
  status,
  durationMs: 1,
  headers: {},
  ...(error && { error }),
});

describe('clock skew notice', () => {
  it('tells once when a call refused for its time succeeds after the resync', () => {
    let told = 0;
    const detect = createSkewNoticeDetector(() => {
      told += 1;
    });
    detect(event(200));
    expect(told).toBe(0);
    detect(event(400, 'QueryTimeOutError'));
    detect(event(200));
    detect(event(400, 'InvalidSignatureError'));
    detect(event(200));
    expect(told).toBe(1);
  });

  it('stays quiet when the call still fails', () => {
    let told = 0;
    const detect = createSkewNoticeDetector(() => {
      told += 1;
    });
    detect(event(400, 'QueryTimeOutError'));
    detect(event(400, 'QueryTimeOutError'));
    expect(told).toBe(0);
  });
});
