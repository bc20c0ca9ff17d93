import { useTranslation } from 'react-i18next';
import { type Language, SUPPORTED_LANGUAGES, saveLanguage } from '../i18n/i18n.js';
import { SelectField } from './select-field.js';

const NAMES: Record<Language, string> = { en: 'English', fr: 'Français' };

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <SelectField
      label={t('app.language')}
      value={i18n.language}
      onChange={(event) => {
        const language = event.target.value as Language;
        saveLanguage(language);
        void i18n.changeLanguage(language);
      }}
    >
      {SUPPORTED_LANGUAGES.map((language) => (
        <option key={language} value={language} lang={language}>
          {NAMES[language]}
        </option>
      ))}
    </SelectField>
  );
}
