/** Names customers give their archive sessions: dated, recurring (so duplicated), some accented or non-Latin. */
import type { RandomSource } from '../../state/seeded-random.js';

const NAME_BASES = [
  'backup-db',
  'www',
  'mail-archive',
  'nas-maison',
  'srv-prod-01',
  'postgres-dump',
  'mysql-nightly',
  'gitlab',
  'nextcloud',
  'photos-famille',
  'comptabilité',
  'factures-clients',
  'données-été',
  'Projet Écureuil',
  'Zürich-office',
  'Montréal backup',
  'архив-почты',
  '写真バックアップ',
  'café-crème docs',
  'logs-nginx',
  'vm-images',
] as const;

const RECURRING_SUFFIXES = ['weekly', 'monthly', 'daily'] as const;

function pick<T>(random: RandomSource, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Draws the same number of values whatever it returns, so later draws stay stable. */
export function sessionName(random: RandomSource, startMs: number): string {
  const base = pick(random, NAME_BASES);
  const style = random();
  const recurring = pick(random, RECURRING_SUFFIXES);
  const iso = new Date(startMs).toISOString();
  const day = iso.slice(0, 10);
  if (style < 0.45) return `${base}-${day}`;
  if (style < 0.75) return `${base}-${recurring}`;
  if (style < 0.88) return `${base}_${day.replaceAll('-', '')}-${iso.slice(11, 13)}${iso.slice(14, 16)}`;
  return base;
}
