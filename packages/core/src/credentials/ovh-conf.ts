/**
 * ovh.conf, read the way python-ovh reads it (Python's RawConfigParser with its defaults): `=` or
 * `:` between key and value, keys case-insensitive, section names case-sensitive, whole-line
 * comments only (`#`, `;`; a `;` inside a value is kept), indented lines continue a value,
 * `[DEFAULT]` supplies keys to every section, later files override earlier ones key by key.
 * Hand-written because the `ini` package nests sections on dots (`[https://eu.api.ovh.com/1.0]`),
 * strips inline comments and turns `true` into a boolean, all unlike python-ovh and go-ovh.
 */

/** A value with where it came from, so `explain()` can name the file. */
export interface OvhConfEntry {
  value: string;
  path: string;
  section: string;
}

export class OvhConfParseError extends Error {
  constructor(
    readonly path: string,
    readonly line: number,
    reason: string,
  ) {
    super(`${path}, line ${line}: ${reason}`);
    this.name = 'OvhConfParseError';
  }
}

/** The section python's RawConfigParser treats as defaults for every other section. */
const DEFAULT_SECTION = 'DEFAULT';
const SECTION_HEADER = /^\[(.+)\]/;
const OPTION_LINE = /^(.*?)\s*[=:]\s*(.*)$/;

type SectionMap = Map<string, Map<string, OvhConfEntry>>;

/** Parses one file's text; throws `OvhConfParseError` where Python would raise. */
export function parseOvhConfFile(text: string, path: string): SectionMap {
  const sections: SectionMap = new Map();
  const seenSections = new Set<string>();
  let section: string | undefined;
  let seenKeys = new Set<string>();
  // Lines of the value being read, so indented continuation lines can be appended.
  let current: { entry: OvhConfEntry; lines: string[]; indent: number } | undefined;

  const finishValue = () => {
    if (!current) return;
    current.entry.value = current.lines.join('\n').replace(/\s+$/, '');
    current = undefined;
  };

  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const lineNumber = index + 1;
    const trimmed = raw.trim();
    if (trimmed.startsWith('#') || trimmed.startsWith(';')) return;
    if (trimmed === '') {
      current?.lines.push('');
      return;
    }
    const indent = raw.length - raw.trimStart().length;
    if (current && indent > current.indent) {
      current.lines.push(trimmed);
      return;
    }
    finishValue();

    const header = SECTION_HEADER.exec(trimmed);
    if (header) {
      const name = header[1]!;
      if (name !== DEFAULT_SECTION && seenSections.has(name)) {
        throw new OvhConfParseError(path, lineNumber, `section [${name}] appears twice`);
      }
      seenSections.add(name);
      section = name;
      seenKeys = new Set();
      if (!sections.has(name)) sections.set(name, new Map());
      return;
    }
    if (section === undefined)
      throw new OvhConfParseError(path, lineNumber, 'a [section] header must come first');
    const option = OPTION_LINE.exec(trimmed);
    if (!option || option[1] === '') {
      throw new OvhConfParseError(path, lineNumber, 'expected "key = value"');
    }
    const key = option[1]!.toLowerCase();
    if (seenKeys.has(key))
      throw new OvhConfParseError(path, lineNumber, `key "${key}" appears twice in [${section}]`);
    seenKeys.add(key);
    const entry: OvhConfEntry = { value: '', path, section };
    sections.get(section)!.set(key, entry);
    current = { entry, lines: [option[2]!], indent };
  });
  finishValue();
  return sections;
}

/** Every ovh.conf file that was found, merged; lookups follow RawConfigParser.get. */
export class OvhConf {
  private constructor(
    /** The files that existed and were read, in reading order. */
    readonly files: readonly string[],
    private readonly sections: SectionMap,
  ) {}

  static empty(): OvhConf {
    return new OvhConf([], new Map());
  }

  /** Merges files in order of increasing priority (`/etc/ovh.conf`, `~/.ovh.conf`, `./ovh.conf`). */
  static fromFiles(files: ReadonlyArray<{ path: string; text: string }>): OvhConf {
    const merged: SectionMap = new Map();
    for (const file of files) {
      for (const [name, entries] of parseOvhConfFile(file.text, file.path)) {
        const target = merged.get(name) ?? new Map<string, OvhConfEntry>();
        for (const [key, entry] of entries) target.set(key, entry);
        merged.set(name, target);
      }
    }
    return new OvhConf(
      files.map((file) => file.path),
      merged,
    );
  }

  hasSection(section: string): boolean {
    return section !== DEFAULT_SECTION && this.sections.has(section);
  }

  /** The value of `key` in `section`, falling back to `[DEFAULT]` only when the section exists. */
  get(section: string, key: string): OvhConfEntry | undefined {
    const name = key.toLowerCase();
    const defaults = this.sections.get(DEFAULT_SECTION);
    if (section === DEFAULT_SECTION) return defaults?.get(name);
    const entries = this.sections.get(section);
    if (!entries) return undefined;
    return entries.get(name) ?? defaults?.get(name);
  }
}
