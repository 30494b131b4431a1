import i18next, { type i18n } from 'i18next';
import id from './id.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };

/** The languages Alur speaks; Indonesian is the default. */
export type Language = 'id' | 'en';

let instance: i18n | undefined;

function getInstance(): i18n {
  if (!instance) {
    instance = i18next.createInstance();
    // Synchronous init: resources are bundled, so no backend and no await are needed.
    void instance.init({
      resources: { id: { translation: id }, en: { translation: en } },
      lng: 'id',
      fallbackLng: 'id',
      initAsync: false,
      interpolation: { escapeValue: false },
    });
  }
  return instance;
}

/** Translates a message key with parameters; the same catalogs serve the CLI, the API and the UIs. */
export function translate(language: Language, key: string, params: Record<string, string | number> = {}): string {
  return getInstance().t(key, { ...params, lng: language });
}
