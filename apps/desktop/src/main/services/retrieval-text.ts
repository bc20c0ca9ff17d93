import type { UiLanguage } from './ui-language.js';

/** The OS notification when retrieved objects are ready to download, in the window's language. */
export function describeRetrievalEnd(
  language: UiLanguage,
  archiveName: string,
  keys: readonly string[],
): { title: string; body: string } {
  const [only] = keys;
  if (language === 'fr') {
    return {
      title: keys.length === 1 ? 'Objet prêt' : `${keys.length} objets prêts`,
      body:
        keys.length === 1 && only
          ? `« ${only} » (${archiveName}) peut être téléchargé.`
          : `Les objets de ${archiveName} peuvent être téléchargés.`,
    };
  }
  return {
    title: keys.length === 1 ? 'Object ready' : `${keys.length} objects ready`,
    body:
      keys.length === 1 && only
        ? `“${only}” (${archiveName}) can be downloaded.`
        : `The objects of ${archiveName} can be downloaded.`,
  };
}
