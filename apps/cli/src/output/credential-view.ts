import type { AccountCredential } from '@ovh-pca/core';
import { formatLocalDate } from './format-date.js';
import type { Column } from './output.js';
import { formatRules } from './profile-view.js';

export interface CredentialRow {
  credential: AccountCredential;
  current: boolean;
}

/** The documented --json shape of one of the account's keys. */
export function credentialJson({ credential, current }: CredentialRow) {
  return {
    credentialId: credential.credentialId,
    current,
    status: credential.status,
    applicationId: credential.applicationId,
    application: credential.application
      ? { name: credential.application.name, applicationKey: credential.application.applicationKey }
      : null,
    rules: credential.rules,
    allowedIPs: credential.allowedIPs,
    creation: credential.creation,
    expiration: credential.expiration,
    lastUse: credential.lastUse,
  };
}

export const CREDENTIAL_COLUMNS: ReadonlyArray<Column<CredentialRow>> = [
  { header: 'In use', text: (row) => (row.current ? '*' : ''), csv: (row) => String(row.current) },
  { header: 'ID', text: (row) => String(row.credential.credentialId), align: 'right' },
  { header: 'Status', text: (row) => row.credential.status },
  {
    header: 'Application',
    text: (row) => row.credential.application?.name ?? String(row.credential.applicationId),
  },
  { header: 'Rules', text: (row) => formatRules(row.credential.rules) },
  {
    header: 'Expires',
    text: (row) => formatLocalDate(row.credential.expiration, 'never'),
    csv: (row) => row.credential.expiration ?? '',
  },
  {
    header: 'Last use',
    text: (row) => formatLocalDate(row.credential.lastUse, 'never'),
    csv: (row) => row.credential.lastUse ?? '',
  },
];
