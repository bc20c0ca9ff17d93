/**
 * A session's files, derived on demand from the session id, file count and size instead of
 * being stored: 1 000 sessions × 20 files would otherwise weigh megabytes of --data JSON.
 * The same session always yields the same files; their sizes add up to the session's size.
 */
import { createHash } from 'node:crypto';
import { createSeededRandom, deriveSeed } from '../../state/seeded-random.js';

export interface CatalogFile {
  /** 24 hex: the session's 18-hex prefix, then a 6-hex counter from 1. */
  id: string;
  /** Path relative to the archived root. */
  name: string;
  size: number;
}

export interface FileSource {
  id: string;
  fileCount: number;
  size: number;
}

/** [directory, file stem, extension]: what a customer's backups plausibly contain. */
const FILE_KINDS: ReadonlyArray<readonly [string, string, string]> = [
  ['var/backups/postgresql', 'dump', '.sql.gz'],
  ['var/backups/mysql', 'base-clients', '.sql.gz'],
  ['srv/www/site/uploads', 'image', '.jpg'],
  ['home/alice/Documents', 'facture', '.pdf'],
  ['home/alice/Documents/comptabilité', 'relevé-bancaire', '.pdf'],
  ['home/bob/Photos/été 2025', 'IMG', '.jpg'],
  ['etc/nginx/sites-available', 'site', '.conf'],
  ['var/mail/archive', 'message', '.eml'],
  ['projets/écureuil/rapports', 'compte-rendu réunion', '.odt'],
  ['data/exports', 'export', '.csv'],
  ['vm/images', 'disk', '.qcow2'],
  ['home/bob/Musique', 'piste', '.flac'],
  ['données/客户', 'contrat', '.docx'],
];

const COUNTER_DIGITS = 6;
const MEMO_LIMIT = 64;
/** Recently derived catalogues; a cache of a pure function, so it never needs persisting. */
const memo = new Map<string, readonly CatalogFile[]>();

export function sessionFilePrefix(sessionId: string): string {
  return sessionId.slice(0, 24 - COUNTER_DIGITS);
}

export function sessionFiles(source: FileSource): readonly CatalogFile[] {
  const key = `${source.id}|${source.fileCount}|${source.size}`;
  const known = memo.get(key);
  if (known) return known;
  const files = deriveFiles(source);
  memo.set(key, files);
  if (memo.size > MEMO_LIMIT) memo.delete(memo.keys().next().value!);
  return files;
}

export function findSessionFile(source: FileSource, fileId: string): CatalogFile | undefined {
  if (!/^[0-9a-f]{24}$/.test(fileId) || !fileId.startsWith(sessionFilePrefix(source.id))) return undefined;
  const counter = Number.parseInt(fileId.slice(-COUNTER_DIGITS), 16);
  if (counter < 1 || counter > source.fileCount) return undefined;
  return sessionFiles(source)[counter - 1];
}

/** Digests of the file id: real hex of the right lengths, stable, and cheap to compute. */
export function fileChecksums(fileId: string): { MD5: string; SHA1: string; SHA256: string } {
  const digest = (algorithm: string) => createHash(algorithm).update(`pca-file:${fileId}`).digest('hex');
  return { MD5: digest('md5'), SHA1: digest('sha1'), SHA256: digest('sha256') };
}

function deriveFiles(source: FileSource): CatalogFile[] {
  const random = createSeededRandom(deriveSeed(0x0f11e5, source.id));
  const prefix = sessionFilePrefix(source.id);
  const drafts: Array<{ name: string; weight: number }> = [];
  let totalWeight = 0;
  for (let index = 0; index < source.fileCount; index++) {
    const [directory, stem, extension] = FILE_KINDS[Math.floor(random() * FILE_KINDS.length)]!;
    // Log-uniform weights: a few big files and many small ones, as in real backups.
    const weight = Math.exp(random() * Math.log(10_000));
    totalWeight += weight;
    drafts.push({ name: `${directory}/${stem}-${String(index + 1).padStart(4, '0')}${extension}`, weight });
  }
  let assigned = 0;
  return drafts.map((draft, index) => {
    const last = index === drafts.length - 1;
    const size = last ? source.size - assigned : Math.floor((source.size * draft.weight) / totalWeight);
    assigned += size;
    const counter = (index + 1).toString(16).padStart(COUNTER_DIGITS, '0');
    return { id: `${prefix}${counter}`, name: draft.name, size };
  });
}
