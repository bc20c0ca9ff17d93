import { describe, expect, it } from 'vitest';
import { createColors, shouldColor } from './colors.js';
import { Output } from './output.js';
import { startProgress } from './progress.js';

const rows = [
  { name: 'a,b', size: 1_500_000 },
  { name: 'plain', size: 0 },
];
const columns = [
  { header: 'Name', text: (row: (typeof rows)[number]) => row.name },
  {
    header: 'Size',
    text: (row: (typeof rows)[number]) => `${row.size / 1e6} MB`,
    csv: (row: (typeof rows)[number]) => String(row.size),
    align: 'right' as const,
  },
];

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

describe('Output', () => {
  it('renders the same rows as a table, CSV with exact values, and JSON', () => {
    const io = capture();
    new Output(io.stdout, io.stderr, 'table', createColors(false)).list({
      rows,
      columns,
      json: (row) => row,
    });
    expect(io.out()).toBe('Name     Size\na,b    1.5 MB\nplain    0 MB\n');

    const csv = capture();
    new Output(csv.stdout, csv.stderr, 'csv', createColors(false)).list({
      rows,
      columns,
      json: (row) => row,
    });
    expect(csv.out()).toBe('Name,Size\n"a,b",1500000\nplain,0\n');

    const json = capture();
    new Output(json.stdout, json.stderr, 'json', createColors(false)).list({
      rows,
      columns,
      json: (row) => row.size,
    });
    expect(json.out()).toBe('[\n  1500000,\n  0\n]\n');
  });

  it('says an empty list on stderr, keeping stdout empty, except in JSON', () => {
    const io = capture();
    new Output(io.stdout, io.stderr, 'table', createColors(false)).list({
      rows: [],
      columns,
      json: (row) => row,
      emptyMessage: 'No sessions.',
    });
    expect(io.out()).toBe('');
    expect(io.err()).toBe('No sessions.\n');
    const json = capture();
    new Output(json.stdout, json.stderr, 'json', createColors(false)).list({
      rows: [],
      columns,
      json: (row) => row,
    });
    expect(json.out()).toBe('[]\n');
  });

  it('colours headers only when colour is on', () => {
    const io = capture();
    new Output(io.stdout, io.stderr, 'table', createColors(true)).list({ rows, columns, json: (row) => row });
    expect(io.out()).toContain('\u001b[1mName\u001b[22m');
  });
});

describe('colour and progress policy', () => {
  it('colours only a terminal, never with NO_COLOR or TERM=dumb', () => {
    expect(shouldColor({ isTTY: true }, { noColor: false, termDumb: false })).toBe(true);
    expect(shouldColor({ isTTY: false }, { noColor: false, termDumb: false })).toBe(false);
    expect(shouldColor({ isTTY: true }, { noColor: true, termDumb: false })).toBe(false);
    expect(shouldColor({ isTTY: true }, { noColor: false, termDumb: true })).toBe(false);
  });

  it('draws no spinner when stderr is not a terminal', async () => {
    const io = capture();
    const progress = await startProgress(io.stderr, 'Working…', true);
    progress.update('still working');
    progress.succeed('done');
    expect(io.err()).toBe('');
  });
});

describe('text from the server on the terminal', () => {
  const hostile = 'x\u001b]0;title\u0007\u009b2J\u202e';
  const list = (format: 'table' | 'json') => {
    const io = capture();
    new Output(io.stdout, io.stderr, format, createColors(false)).list({
      rows: [{ name: hostile, size: 1 }],
      columns,
      json: (row) => row,
    });
    return io.out();
  };

  it('is escaped in tables, never written raw', () => {
    expect(list('table')).toContain('x\\e]0;title\\u0007\\u009b2J\\u202e');
    expect(list('table')).not.toMatch(/(?!\n)\p{Cc}/u);
  });

  it('keeps JSON exact (same value) with C1 controls and bidi marks written as \\u escapes', () => {
    const text = list('json');
    expect(text).not.toMatch(/(?!\n)\p{Cc}|\u202e/u);
    expect(JSON.parse(text)).toEqual([{ name: hostile, size: 1 }]);
  });
});
