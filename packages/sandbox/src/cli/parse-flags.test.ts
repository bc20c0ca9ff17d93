import { describe, expect, it } from 'vitest';
import { FlagError, parseFlags } from './parse-flags.js';

describe('parseFlags', () => {
  it('maps every flag to a startSandbox option', () => {
    const parsed = parseFlags([
      '--port',
      '8080',
      '--latency',
      '120:30',
      '--skew',
      '-3600',
      '--faults',
      '0.2',
      '--seed',
      '7',
      '--sessions',
      '3',
      '--files',
      '4',
      '--task-duration',
      '2.5',
      '--timestamp-window',
      '300',
      '--no-batch',
      '--no-iceberg',
      '--data',
      '/tmp/x.json',
      '--objects',
      '100',
      '--retrieval-delay',
      '5',
      '--unsealed-for',
      '60',
      '--object-dir',
      '/tmp/objects',
      '--idle-timeout',
      '500',
      '--request-timeout',
      '2000',
    ]);
    expect(parsed).toEqual({
      help: false,
      options: {
        port: 8080,
        latencyMs: 120,
        latencyJitterMs: 30,
        skewSeconds: -3600,
        faults: 0.2,
        seed: 7,
        sessions: 3,
        files: 4,
        taskDurationSeconds: 2.5,
        timestampWindowSeconds: 300,
        batch: false,
        iceberg: false,
        dataFile: '/tmp/x.json',
        objects: 100,
        retrievalDelaySeconds: 5,
        unsealedForSeconds: 60,
        objectDir: '/tmp/objects',
        idleTimeoutMs: 500,
        requestTimeoutMs: 2000,
      },
    });
  });

  it('defaults to any port and leaves other options to startSandbox', () => {
    expect(parseFlags([])).toEqual({ help: false, options: { port: 0 } });
    expect(parseFlags(['--latency', '50'])).toEqual({ help: false, options: { port: 0, latencyMs: 50 } });
    expect(parseFlags(['-h'])).toEqual({ help: true });
  });

  it.each([
    [['--port', '70000']],
    [['--port', 'abc']],
    [['--latency', '1:2:3']],
    [['--latency', '-5']],
    [['--faults', '1.5']],
    [['--seed', '1.5']],
    [['--unknown']],
    [['positional']],
    [['--data', '']],
    [['--objects', '-1']],
    [['--retrieval-delay', 'soon']],
    [['--unsealed-for', '-5']],
    [['--object-dir', '']],
    [['--idle-timeout', '0']],
    [['--idle-timeout', '1.5']],
    [['--request-timeout', '-1']],
    [['--idle-timeout', '70000']],
    [['--idle-timeout', '500', '--request-timeout', '400']],
  ])('refuses %j', (argv) => {
    expect(() => parseFlags(argv)).toThrow(FlagError);
  });
});
