// Conduct lint: no prompt may contain a phrase of dialogs/conduct/forbidden-phrases.yaml (不得过度催收).
import { parse } from 'yaml';
import { z } from 'zod';
import { LOCALES, LocaleSchema, type Locale } from '../../domain/account.js';
import type { FlowProblem } from '../../../machines/flow.js';
import type { Prompts } from '../prompts.js';
import { keyLinesWhenAsked } from './yamlLines.js';
import { issueWhere } from '../../zodIssues.js';

export const FORBIDDEN_PHRASES_FILE = 'conduct/forbidden-phrases.yaml';

const PhraseListSchema = z.partialRecord(LocaleSchema, z.array(z.string().trim().min(1)));
export type ForbiddenPhrases = z.infer<typeof PhraseListSchema>;

/** Parses the phrase list; a malformed list is itself a problem, reported against its file. */
export function parseForbiddenPhrases(text: string, file: string): { phrases?: ForbiddenPhrases; problems: FlowProblem[] } {
  let raw: unknown;
  try {
    raw = parse(text) ?? {};
  } catch (error) {
    return { problems: [{ file, where: '(yaml)', message: (error as Error).message }] };
  }
  const parsed = PhraseListSchema.safeParse(raw);
  if (parsed.success) return { phrases: parsed.data, problems: [] };
  return { problems: parsed.error.issues.map((issue) => ({ file, where: `key ${issueWhere(issue, '(top level)')}`, message: `${issue.message} (expected: a list of phrases per locale, ${LOCALES.join(', ')})` })) };
}

/** A phrase matches ignoring case; a phrase in Latin letters matches whole words only. */
function matcher(phrase: string): RegExp {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return /^[\x20-\x7e]+$/.test(phrase) ? new RegExp(`\\b${escaped}\\b`, 'i') : new RegExp(escaped, 'i');
}

/** A pattern matching wherever one of `patterns` (each case-insensitive) would; none matches nothing. */
function anyOf(patterns: readonly RegExp[]): RegExp {
  return patterns.length === 0 ? /(?!)/ : new RegExp(patterns.map((pattern) => `(?:${pattern.source})`).join('|'), 'i');
}

export interface PromptSource {
  file: string;
  text: string;
  prompts: Prompts;
}

export function lintConduct(phrases: ForbiddenPhrases, sources: Partial<Record<Locale, PromptSource>>): FlowProblem[] {
  const problems: FlowProblem[] = [];
  for (const locale of LOCALES) {
    const source = sources[locale];
    if (!source) continue;
    const lines = keyLinesWhenAsked(source.text);
    const patterns = (phrases[locale] ?? []).map((phrase) => ({ phrase, pattern: matcher(phrase) }));
    // One pass of every phrase at once per prompt: a prompt it finds nothing in (all of them, usually) is done.
    const any = anyOf(patterns.map(({ pattern }) => pattern));
    for (const [key, sentence] of source.prompts) {
      if (!any.test(sentence)) continue;
      for (const { phrase, pattern } of patterns) {
        if (pattern.test(sentence)) {
          problems.push({ file: source.file, line: lines.get(key), where: `prompt ${key}`, message: `contains the forbidden phrase "${phrase}" (${FORBIDDEN_PHRASES_FILE}): threatening or misleading language is not allowed` });
        }
      }
    }
  }
  return problems;
}
