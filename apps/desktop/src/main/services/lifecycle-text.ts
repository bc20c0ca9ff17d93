import type { Archive } from '@ovh-pca/core';
import type { LifecycleStep } from '../../shared/ipc-types.js';
import type { UiLanguage } from './ui-language.js';

/** The OS notification when a Cold Archive v1 step is over, in the window's language. */
export function describeLifecycleEnd(
  language: UiLanguage,
  step: LifecycleStep,
  archive: Archive,
): { title: string; body: string } {
  const name = archive.name;
  if (language === 'fr') {
    const titles: Record<LifecycleStep, string> = {
      archive: 'Archivage terminé',
      restore: 'Restauration terminée',
      destroy: 'Archive vidée',
      delete: 'Bucket supprimé',
    };
    return { title: titles[step], body: `${name} : ${archive.state}.` };
  }
  const titles: Record<LifecycleStep, string> = {
    archive: 'Archiving done',
    restore: 'Restore done',
    destroy: 'Archive flushed',
    delete: 'Bucket deleted',
  };
  return { title: titles[step], body: `${name}: ${archive.state}.` };
}
