// The console's languages (one file of words each) and how the page picks and applies one; the page marks text with data-i18n.
import { WORDS as EN } from './words.en.js';
import { WORDS as ZH_CN } from './words.zh-CN.js';
import { WORDS as ZH_TW } from './words.zh-TW.js';

export const TEXT = { 'zh-CN': ZH_CN, 'zh-TW': ZH_TW, en: EN };

/** The console's language: the one picked before, else the browser's (English for English browsers), else zh-CN. */
export function preferredLocale(saved, languages) {
  if (saved && TEXT[saved]) return saved;
  for (const tag of languages) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('en')) return 'en';
    if (lower === 'zh-tw' || lower === 'zh-hk' || lower.startsWith('zh-hant')) return 'zh-TW';
    if (lower.startsWith('zh')) return 'zh-CN';
  }
  return 'zh-CN';
}

/** Translates every [data-i18n] element (and placeholders) under `root`. */
export function translate(root, locale) {
  const words = TEXT[locale] ?? TEXT['zh-CN'];
  document.documentElement.lang = locale;
  for (const element of root.querySelectorAll('[data-i18n]'))
    element.textContent = words[element.dataset.i18n] ?? element.textContent;
  for (const element of root.querySelectorAll('[data-i18n-placeholder]'))
    element.placeholder = words[element.dataset.i18nPlaceholder] ?? '';
  for (const element of root.querySelectorAll('[data-i18n-label]'))
    element.setAttribute('aria-label', words[element.dataset.i18nLabel] ?? '');
  return words;
}
