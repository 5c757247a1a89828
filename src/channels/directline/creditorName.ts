// The creditor's name in the script of the page showing it: Traditional on a zh-TW page (OpenCC), as registered otherwise.
type Convert = (text: string) => string;

/**
 * OpenCC's Simplified → Taiwan converter holds its phrase dictionaries (about 40 MB of heap, 0.2 s of CPU to build):
 * built on the first zh-TW page, not at start-up, and only if one is ever asked for.
 */
let toTraditional: Promise<Convert> | undefined;

function traditional(): Promise<Convert> {
  return (toTraditional ??= import('opencc-js').then((OpenCC) => OpenCC.Converter({ from: 'cn', to: 'tw' })));
}

/** `creditorInScriptOf('zh-TW', '星河消费金融')` → "星河消費金融"; other pages (en has no English name) as registered. */
export async function creditorInScriptOf(locale: string | undefined, name: string): Promise<string> {
  return locale === 'zh-TW' ? (await traditional())(name) : name;
}
