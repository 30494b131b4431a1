import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json' with { type: 'json' };
import id from './id.json' with { type: 'json' };

/** Initialises i18next for a browser app with the shared catalogs and the remembered language. */
export function setupI18n(): typeof i18next {
  const saved = localStorage.getItem('alur.lang');
  void i18next.use(initReactI18next).init({
    resources: { id: { translation: id }, en: { translation: en } },
    lng: saved === 'en' ? 'en' : 'id',
    fallbackLng: 'id',
    interpolation: { escapeValue: false },
  });
  i18next.on('languageChanged', (lng) => {
    localStorage.setItem('alur.lang', lng);
    document.documentElement.lang = lng;
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}
