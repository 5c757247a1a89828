// The checks beyond what the machine needs to run: conduct, prompt completeness and placeholders.
import { LOCALES, type Locale } from '../../domain/account.js';
import type { FlowProblem } from '../../../machines/flow.js';
import type { Prompts } from '../prompts.js';
import { FORBIDDEN_PHRASES_FILE, lintConduct, parseForbiddenPhrases, type PromptSource } from './conductLint.js';
import { lintPrompts } from './promptLint.js';
import { cannedFile, checkCannedReplies, type CannedReply } from '../cannedReplies.js';

export interface LintInput {
  files: ReadonlyMap<string, string>;
  fileName: (name: string) => string;
  prompts: Partial<Record<Locale, Prompts>>;
  /** Every prompt key the flow or the service can say. */
  used: ReadonlySet<string>;
}

export function lintDialogs({ files, fileName, prompts, used }: LintInput): FlowProblem[] {
  const sources: Partial<Record<Locale, PromptSource>> = {};
  for (const locale of LOCALES) {
    const name = `prompts/${locale}.yaml`;
    const parsed = prompts[locale];
    if (parsed) sources[locale] = { file: fileName(name), text: files.get(name) ?? '', prompts: parsed };
  }
  const problems = lintPrompts(sources, used);
  const canned = checkCannedReplies(files, fileName);
  problems.push(...canned.problems);
  const phraseText = files.get(FORBIDDEN_PHRASES_FILE);
  if (phraseText === undefined) {
    problems.push({ file: fileName(FORBIDDEN_PHRASES_FILE), where: '(file)', message: 'missing: prompts are not checked for threatening or misleading phrases', severity: 'warning' });
    return problems;
  }
  const { phrases, problems: listProblems } = parseForbiddenPhrases(phraseText, fileName(FORBIDDEN_PHRASES_FILE));
  problems.push(...listProblems);
  if (phrases) problems.push(...lintConduct(phrases, sources), ...lintConduct(phrases, cannedSources(canned.replies, files, fileName)));
  return problems;
}

/** Canned replies go through the same conduct check as prompts, keyed by their short code. */
function cannedSources(replies: Partial<Record<Locale, CannedReply[]>>, files: ReadonlyMap<string, string>, fileName: (name: string) => string): Partial<Record<Locale, PromptSource>> {
  const sources: Partial<Record<Locale, PromptSource>> = {};
  for (const locale of LOCALES) {
    const list = replies[locale];
    if (list) sources[locale] = { file: fileName(cannedFile(locale)), text: files.get(cannedFile(locale)) ?? '', prompts: new Map(list.map((reply) => [`/${reply.code}`, reply.text])) };
  }
  return sources;
}
