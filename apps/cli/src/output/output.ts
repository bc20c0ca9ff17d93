import { escapeControlCharacters } from '@ovh-pca/core/text';
import type { OutputStream } from '../terminal.js';
import type { Colors } from './colors.js';
import { toCsv } from './csv.js';
import { toJsonText } from './json.js';
import { renderTable } from './table.js';

export type OutputFormat = 'table' | 'json' | 'csv';

/** One column of a list: human text for tables, exact text for CSV. */
export interface Column<T> {
  header: string;
  /** Table cell: human sizes, local dates. */
  text: (row: T) => string;
  /** CSV cell: exact bytes, ISO dates. Defaults to `text`. */
  csv?: (row: T) => string;
  align?: 'left' | 'right';
}

export interface ListSpec<T> {
  rows: readonly T[];
  columns: ReadonlyArray<Column<T>>;
  /** The documented --json shape of one row. */
  json: (row: T) => unknown;
  /** Shown on stderr instead of an empty table. */
  emptyMessage?: string;
}

/**
 * Where command results go: stdout only, in the format the user chose. Lists become a table, a
 * JSON array or CSV; single objects become a two-column table or a JSON object.
 */
export class Output {
  constructor(
    private readonly stdout: OutputStream,
    private readonly stderr: OutputStream,
    readonly format: OutputFormat,
    private readonly colors: Colors,
  ) {}

  list<T>(spec: ListSpec<T>): void {
    if (this.format === 'json') {
      this.json(spec.rows.map(spec.json));
      return;
    }
    if (this.format === 'csv') {
      this.csv(spec.rows, spec.columns);
      return;
    }
    if (spec.rows.length === 0) {
      this.stderr.write(`${spec.emptyMessage ?? 'Nothing to show.'}\n`);
      return;
    }
    this.stdout.write(
      renderTable(
        spec.columns.map((column) => column.header),
        // Server text (a session name) is shown, never interpreted by the terminal.
        spec.rows.map((row) => spec.columns.map((column) => escapeControlCharacters(column.text(row)))),
        spec.columns.map((column) => column.align ?? 'left'),
        this.colors,
      ),
    );
  }

  /**
   * One object: `fields` for people (label, text), `json` for --json. For --csv, the object as one
   * row of its list's columns when `csv` gives them (exact bytes, ISO dates, the same header as the
   * list), else the fields as field,value lines.
   */
  record<T>(
    fields: ReadonlyArray<readonly [string, string]>,
    json: unknown,
    csv?: { row: T; columns: ReadonlyArray<Column<T>> },
  ): void {
    if (this.format === 'json') {
      this.json(json);
      return;
    }
    if (this.format === 'csv' && csv) {
      this.csv([csv.row], csv.columns);
      return;
    }
    if (this.format === 'csv') {
      this.stdout.write(
        toCsv(
          ['field', 'value'],
          fields.map(([label, text]) => [label, text]),
        ),
      );
      return;
    }
    const width = Math.max(...fields.map(([label]) => label.length));
    for (const [label, text] of fields) {
      this.stdout.write(`${this.colors.bold(label.padEnd(width))}  ${escapeControlCharacters(text)}\n`);
    }
  }

  private csv<T>(rows: readonly T[], columns: ReadonlyArray<Column<T>>): void {
    const header = columns.map((column) => column.header);
    this.stdout.write(
      toCsv(
        header,
        rows.map((row) => columns.map((column) => (column.csv ?? column.text)(row))),
      ),
    );
  }

  json(value: unknown): void {
    this.stdout.write(toJsonText(value));
  }

  /** A bare line of data (e.g. `usage` total in table mode). */
  line(text: string): void {
    this.stdout.write(`${escapeControlCharacters(text)}\n`);
  }
}
