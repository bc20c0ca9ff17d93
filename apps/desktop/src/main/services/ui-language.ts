// The language main speaks in (OS notifications, dialogs): the OS language until the window says
// which one the user chose, since the window can differ from the OS.
export const UI_LANGUAGES = ['en', 'fr'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** `fr-CA` → `fr`; anything we do not speak → `en`. */
export function languageOfLocale(locale: string): UiLanguage {
  return locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export class UiLanguageSetting {
  #current: UiLanguage;

  constructor(osLocale: string) {
    this.#current = languageOfLocale(osLocale);
  }

  get current(): UiLanguage {
    return this.#current;
  }

  set(language: UiLanguage): void {
    this.#current = language;
  }
}
