// The creditor's name in the script of the page showing it: Traditional on a zh-TW page (OpenCC), as registered otherwise.
import * as OpenCC from 'opencc-js';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** `creditorInScriptOf('zh-TW', '星河消费金融')` → "星河消費金融"; other pages (en has no English name) as registered. */
export function creditorInScriptOf(locale: string | undefined, name: string): string {
  return locale === 'zh-TW' ? toTraditional(name) : name;
}
