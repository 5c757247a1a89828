// FAQ files, dialogs/faq/<locale>.yaml: questions borrowers ask mid-flow, the words that ask them, and the answer.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { LOCALES, type Locale } from '../domain/account.js';
import type { FlowProblem } from '../../machines/flow.js';
import { normalizeTexts } from '../conversation/recognize/normalize.js';
import { PhraseIndex } from './phraseIndex.js';

export const faqFile = (locale: Locale) => `faq/${locale}.yaml`;

export const FaqEntrySchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'a camelCase id such as creditReport'),
  /** Words or phrases that ask this question (any of them found in the message). */
  asks: z.array(z.string().trim().min(1)).min(1),
  answer: z.string().trim().min(1).max(1500),
});
export type FaqEntry = z.infer<typeof FaqEntrySchema>;
const FaqFileSchema = z.strictObject({ questions: z.array(FaqEntrySchema) });

/** The prompt key an answer is said under, so it renders and is linted like any prompt. */
export const faqKey = (id: string) => `faq.${id}`;

function parseFaq(text: string, file: string): { entries: FaqEntry[]; problems: FlowProblem[] } {
  let raw: unknown;
  try {
    raw = parse(text) ?? {};
  } catch (error) {
    return { entries: [], problems: [{ file, where: '(yaml)', message: (error as Error).message }] };
  }
  const parsed = FaqFileSchema.safeParse(raw);
  if (!parsed.success)
    return {
      entries: [],
      problems: parsed.error.issues.map((issue) => ({
        file,
        where: `key ${issue.path.join('.') || '(top level)'}`,
        message: `${issue.message} (expected: questions: [{ id, asks: [phrases], answer }])`,
      })),
    };
  // Every phrase of the file at once: normalised together, they never need the whole of OpenCC.
  const everyAsk = parsed.data.questions.flatMap((entry) => entry.asks);
  const normalized = new Map(normalizeTexts(everyAsk).map((normal, i) => [everyAsk[i]!, normal]));
  const entries = parsed.data.questions.map((entry) => ({
    ...entry,
    asks: [...new Set(entry.asks.map((ask) => normalized.get(ask) ?? '').filter(Boolean))],
  }));
  const seen = new Set<string>();
  const problems: FlowProblem[] = [];
  for (const entry of entries) {
    if (seen.has(entry.id)) problems.push({ file, where: `question ${entry.id}`, message: 'the id is used twice' });
    seen.add(entry.id);
  }
  return { entries, problems };
}

/** Every locale's file must exist and answer the same questions (a borrower gets an answer in any language). */
export function checkFaq(
  files: ReadonlyMap<string, string>,
  fileName: (name: string) => string,
): { faq: Partial<Record<Locale, FaqEntry[]>>; problems: FlowProblem[] } {
  const faq: Partial<Record<Locale, FaqEntry[]>> = {};
  const problems: FlowProblem[] = [];
  for (const locale of LOCALES) {
    const text = files.get(faqFile(locale));
    if (text === undefined) {
      problems.push({ file: fileName(faqFile(locale)), where: '(file)', message: 'missing: questions asked mid-flow go unanswered in this language' });
      continue;
    }
    const parsed = parseFaq(text, fileName(faqFile(locale)));
    problems.push(...parsed.problems);
    faq[locale] = parsed.entries;
  }
  const ids = (locale: Locale) => new Set((faq[locale] ?? []).map((entry) => entry.id));
  for (const locale of LOCALES)
    for (const other of LOCALES)
      if (faq[locale] && faq[other])
        for (const id of ids(other))
          if (!ids(locale).has(id))
            problems.push({ file: fileName(faqFile(locale)), where: `question ${id}`, message: `no answer here, answered in ${faqFile(other)}` });
  return { faq, problems };
}

/** Reads the FAQ files present in a dialogs folder (added to the bundle's files, so a change is a new version). */
export function readFaqFiles(dir: string): Array<[string, string]> {
  return LOCALES.map((locale) => faqFile(locale))
    .filter((name) => existsSync(join(dir, name)))
    .map((name) => [name, readFileSync(join(dir, name), 'utf8')]);
}

const indexes = new WeakMap<readonly FaqEntry[], PhraseIndex<string>>();

/** One locale's questions indexed once (a bundle's entries do not change). */
function indexOf(entries: readonly FaqEntry[]): PhraseIndex<string> {
  let index = indexes.get(entries);
  if (!index) indexes.set(entries, (index = new PhraseIndex(entries.map((entry) => [entry.id, entry.asks] as const))));
  return index;
}

/**
 * The question a normalised message asks, by the longest phrase found in any locale's file (current locale first);
 * of phrases as long, the one listed first.
 */
export function findQuestion(text: string, faqs: readonly (readonly FaqEntry[])[]): string | undefined {
  let best: { id: string; length: number } | undefined;
  for (const entries of faqs) {
    const found = indexOf(entries).longestListedIn(text);
    if (found && (!best || found.phrase.length > best.length)) best = { id: found.key, length: found.phrase.length };
  }
  return best?.id;
}
