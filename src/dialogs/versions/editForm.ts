// The fields a product owner may edit in a version, read from its files: every prompt per locale side by side, FAQ answers, canned replies, policy numbers.
import { parse } from 'yaml';
import { LOCALES, type Locale } from '../../domain/account.js';
import type { DialogBundle } from '../dialogBundle.js';
import { POLICY_FILE } from '../loadDialogBundle.js';

type Texts = Partial<Record<Locale, string>>;

export interface EditForm {
  locales: readonly Locale[];
  prompts: Array<{ key: string; texts: Texts }>;
  faq: Array<{ id: string; texts: Texts }>;
  canned: Array<{ code: string; title: string; texts: Texts }>;
  policy: Array<{ path: string; value: number }>;
}

function numbers(value: unknown, prefix: string, out: EditForm['policy']): EditForm['policy'] {
  if (typeof value === 'number') out.push({ path: prefix, value });
  else if (value && typeof value === 'object' && !Array.isArray(value))
    for (const [key, child] of Object.entries(value)) numbers(child, prefix ? `${prefix}.${key}` : key, out);
  return out;
}

export function editForm(files: ReadonlyMap<string, string>, bundle: DialogBundle): EditForm {
  const keys = [...new Set(LOCALES.flatMap((l) => [...bundle.prompts[l].keys()]))].filter((k) => !k.startsWith('faq.'));
  const faqIds = [...new Set(LOCALES.flatMap((l) => (bundle.faq[l] ?? []).map((e) => e.id)))];
  const codes = [...new Set(LOCALES.flatMap((l) => (bundle.canned[l] ?? []).map((r) => r.code)))];
  const each = (text: (locale: Locale) => string | undefined): Texts =>
    Object.fromEntries(LOCALES.map((l) => [l, text(l)]).filter(([, t]) => t !== undefined));
  return {
    locales: LOCALES,
    prompts: keys.map((key) => ({ key, texts: each((l) => bundle.prompts[l].get(key)) })),
    faq: faqIds.map((id) => ({ id, texts: each((l) => bundle.faq[l]?.find((e) => e.id === id)?.answer) })),
    canned: codes.map((code) => ({
      code,
      title: bundle.canned['zh-CN']?.find((r) => r.code === code)?.title ?? code,
      texts: each((l) => bundle.canned[l]?.find((r) => r.code === code)?.text),
    })),
    policy: numbers(parse(files.get(POLICY_FILE) ?? '') as unknown, '', []),
  };
}
