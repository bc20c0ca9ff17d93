// i18next set up once: English and French bundled (small), the OS language by default, the user's
// choice remembered in localStorage.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { fr } from './fr.js';

export const SUPPORTED_LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

const STORAGE_KEY = 'ovh-pca.language';

function isLanguage(value: string | null | undefined): value is Language {
  return value === 'en' || value === 'fr';
}

/** The saved choice, else the first OS language we support, else English. */
export function pickLanguage(saved: string | null, osLanguages: readonly string[]): Language {
  if (isLanguage(saved)) return saved;
  for (const tag of osLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

function readSaved(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

export function createI18n(language?: Language): i18n {
  const instance = i18next.createInstance();
  const lng = language ?? pickLanguage(readSaved(), globalThis.navigator?.languages ?? []);
  void instance.use(initReactI18next).init({
    resources: { en: { translation: en }, fr: { translation: fr } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    // Resources are bundled: initialise synchronously so the first render is translated.
    initAsync: false,
    showSupportNotice: false,
  });
  syncDocumentLanguage(lng);
  instance.on('languageChanged', syncDocumentLanguage);
  return instance;
}

export function saveLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // A full or disabled storage only loses the preference.
  }
}

function syncDocumentLanguage(language: string): void {
  if (globalThis.document) globalThis.document.documentElement.lang = language;
}
