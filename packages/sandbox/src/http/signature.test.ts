import { describe, expect, it } from 'vitest';
import { computeSignature } from './signature.js';

const AS = '9ufkBmLaTQ9nz5yMUlg79taH0GNnzDjk';
const CK = '5mBuy6SUQcRw2ZUxg0cG68BoDKpED4KY';
const TS = '1457018875';
const JSON_BODY = '{"a":"b","c":"d"}';

// The published vectors shared by python-ovh, go-ovh and php-ovh (reference doc §2).
const VECTORS: Array<[string, string, string, string]> = [
  ['GET', 'https://eu.api.ovh.com/1.0/auth', '', '$1$e9556054b6309771395efa467c22e627407461ad'],
  ['POST', 'https://eu.api.ovh.com/1.0/auth', JSON_BODY, '$1$ec2fb5c7a81f64723c77d2e5b609ae6f58a84fc1'],
  ['PUT', 'https://eu.api.ovh.com/1.0/auth', JSON_BODY, '$1$8a75a9e7c8e7296c9dbeda6a2a735eb6bd58ec4b'],
  ['DELETE', 'https://eu.api.ovh.com/1.0/auth', '', '$1$a1eecd00b3b02b6cf5708b84b9ff42059a950d85'],
  ['GET', 'https://eu.api.ovh.com/1.0/call', '', '$1$7f2db49253edfc41891023fcd1a54cf61db05fbb'],
  ['GET', 'https://eu.api.ovh.com/v1/call', '', '$1$e6e7906d385eb28adcbfbe6b66c1528a42d741ad'],
  ['GET', 'https://eu.api.ovh.com/v2/call', '', '$1$bb63b132a6f84ad5433d0c534d48d3f7c3804285'],
];

describe('computeSignature', () => {
  it.each(VECTORS)('%s %s matches the published vector', (method, url, body, expected) => {
    const signature = computeSignature({
      applicationSecret: AS,
      consumerKey: CK,
      method,
      url,
      body: Buffer.from(body),
      timestamp: TS,
    });
    expect(signature).toBe(expected);
  });

  it("matches OVH's documentation example", () => {
    const signature = computeSignature({
      applicationSecret: 'EXEgWIz07P0HYwtQDs7cNIqCiQaWSuHF',
      consumerKey: 'MtSwSrPpNjqfVSmJhLbPyr2i45lSwPU1',
      method: 'GET',
      url: 'https://eu.api.ovh.com/1.0/domains/',
      body: Buffer.alloc(0),
      timestamp: '1366560945',
    });
    expect(signature).toBe('$1$d3705e8afb27a0d2970a322b96550abfc67bb798');
  });
});
