import { describe, expect, it } from 'vitest';
import { parseNetworkBlock } from './network-block.js';

describe('parseNetworkBlock', () => {
  it('accepts IPv4 and IPv6 blocks, a bare address meaning a single host', () => {
    expect(parseNetworkBlock('203.0.113.0/24')).toEqual({ network: '203.0.113.0/24' });
    expect(parseNetworkBlock('198.51.100.7')).toEqual({ network: '198.51.100.7/32' });
    expect(parseNetworkBlock('0.0.0.0/0')).toEqual({ network: '0.0.0.0/0' });
    expect(parseNetworkBlock('2001:DB8::/32')).toEqual({ network: '2001:db8::/32' });
  });

  it('refuses malformed blocks and host bits, suggesting the block meant', () => {
    for (const text of [
      '256.1.1.1',
      '10.0.0.1/33',
      '010.0.0.0/8',
      'example.org',
      '1.2.3.4/24/1',
      '2001:db8::/129',
      '',
    ]) {
      expect('problem' in parseNetworkBlock(text), text).toBe(true);
    }
    expect(parseNetworkBlock('203.0.113.5/24')).toEqual({
      problem: '203.0.113.5/24 has host bits set (did you mean 203.0.113.0/24?)',
    });
  });
});
