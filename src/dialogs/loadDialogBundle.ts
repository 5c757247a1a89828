// Loads and checks a dialogs/ folder as one versioned bundle; every problem names its file.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES, type Locale } from '../domain/account.js';
import { ConfigurationError, XieshangError } from '../errors.js';
import { checkFlowText, formatProblems, isError, type FlowProblem } from '../../machines/flow.js';
import { checkPlanFlowText } from '../../machines/planFlow.js';
import { parseLexicon, type Lexicon } from './lexicon.js';
import { REQUIRED_PROMPT_KEYS } from '../conversation/render/requiredPrompts.js';
import type { DialogBundle } from './dialogBundle.js';
import { assembleBundle } from './assembleBundle.js';
import { checkCannedReplies, readCannedFiles } from './cannedReplies.js';
import { checkFaq, faqKey, readFaqFiles } from './faq.js';
import { parsePrompts, type Prompts } from './prompts.js';
import { FORBIDDEN_PHRASES_FILE } from './lint/conductLint.js';
import { lintDialogs } from './lint/lintDialogs.js';
import { lintPlaceholdersByState } from './lint/placeholdersByState.js';
import { checkPolicy } from './lint/policyLint.js';
import { keyLinesWhenAsked, lineNear } from './lint/yamlLines.js';

export const FLOW_FILE = 'negotiation.flow.yaml';
export const POLICY_FILE = 'offer-policy.yaml';
export const PLAN_FLOW_FILE = 'plan.flow.yaml';

/** Reads every file of the bundle (the conduct list when present); the version is a hash of their names and contents. */
export function readDialogFiles(dir: string): Map<string, string> {
  const names = [FLOW_FILE, PLAN_FLOW_FILE, POLICY_FILE, ...LOCALES.flatMap((locale) => [`prompts/${locale}.yaml`, `lexicon/${locale}.yaml`])];
  const files = new Map(names.map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
  if (existsSync(join(dir, FORBIDDEN_PHRASES_FILE))) files.set(FORBIDDEN_PHRASES_FILE, readFileSync(join(dir, FORBIDDEN_PHRASES_FILE), 'utf8'));
  for (const [name, text] of [...readCannedFiles(dir), ...readFaqFiles(dir)]) files.set(name, text);
  return files;
}

export interface DialogCheck {
  /** Present when there is no error (warnings allowed). */
  bundle?: DialogBundle;
  problems: FlowProblem[];
}

/** Everything start-up and `flows check` validate: the bundle compiles, and the lint finds no error. */
export function checkDialogs(dir: string, files: Map<string, string> = readDialogFiles(dir)): DialogCheck {
  const compiled = compileDialogs(dir, files);
  const faqKeys = [...(compiled.bundle?.prompts['zh-CN'].keys() ?? [])].filter((key) => key.startsWith('faq.'));
  const used = new Set([...compiled.promptKeys, ...REQUIRED_PROMPT_KEYS, ...faqKeys]);
  const problems = [...compiled.problems, ...lintDialogs({ files, fileName: (name) => join(dir, name), prompts: compiled.prompts, used })];
  if (compiled.bundle) {
    const lines = new Map(LOCALES.map((locale) => [locale as string, keyLinesWhenAsked(files.get(`prompts/${locale}.yaml`) ?? '')]));
    const lineOf = (locale: string, key: string) => lines.get(locale)?.get(key);
    problems.push(...lintPlaceholdersByState(compiled.bundle, (locale) => join(dir, `prompts/${locale}.yaml`), lineOf));
  }
  return problems.some(isError) || !compiled.bundle ? { problems } : { bundle: compiled.bundle, problems };
}

/** What the machine needs to run: a stored older version is compiled with this alone, without today's lint. */
export function compileDialogs(dir: string, files: Map<string, string>): DialogCheck & { promptKeys: Set<string>; prompts: Partial<Record<Locale, Prompts>> } {
  const problems: FlowProblem[] = [];
  const file = (name: string) => join(dir, name);
  const attempt = <T>(name: string, load: () => T): T | undefined => {
    try {
      return load();
    } catch (error) {
      if (!(error instanceof XieshangError)) throw error;
      problems.push({ file: file(name), where: '(file)', message: error.message });
      return undefined;
    }
  };
  const flowCheck = checkFlowText(files.get(FLOW_FILE)!, file(FLOW_FILE));
  problems.push(...flowCheck.problems);
  const planCheck = checkPlanFlowText(files.get(PLAN_FLOW_FILE)!, file(PLAN_FLOW_FILE));
  problems.push(...planCheck.problems);
  const policyCheck = checkPolicy(files.get(POLICY_FILE)!, file(POLICY_FILE));
  problems.push(...policyCheck.problems);
  const policy = policyCheck.policy;
  const prompts = {} as Record<Locale, Prompts>;
  const lexicons = {} as Record<Locale, Lexicon>;
  for (const locale of LOCALES) {
    const promptFile = `prompts/${locale}.yaml`;
    const parsed = attempt(promptFile, () => parsePrompts(files.get(promptFile)!, file(promptFile)));
    if (parsed) prompts[locale] = parsed;
    const lexicon = attempt(`lexicon/${locale}.yaml`, () => parseLexicon(files.get(`lexicon/${locale}.yaml`)!, file(`lexicon/${locale}.yaml`)));
    if (lexicon) lexicons[locale] = lexicon;
  }
  const required = new Set([...(flowCheck.loaded?.promptKeys ?? []), ...(planCheck.loaded?.promptKeys ?? []), ...REQUIRED_PROMPT_KEYS]);
  for (const locale of LOCALES) {
    const lines = keyLinesWhenAsked(files.get(`prompts/${locale}.yaml`) ?? '');
    for (const key of required) {
      if (prompts[locale] && !prompts[locale].has(key)) problems.push({ file: file(`prompts/${locale}.yaml`), line: lineNear(lines, key), where: `prompt ${key}`, message: `missing in ${locale}: the flow or the service says it` });
    }
  }
  const promptKeys = new Set([...(flowCheck.loaded?.promptKeys ?? []), ...(planCheck.loaded?.promptKeys ?? [])]);
  if (problems.some(isError) || !flowCheck.loaded || !planCheck.loaded || !policy) return { problems, promptKeys, prompts };
  const faqCheck = checkFaq(files, file);
  problems.push(...faqCheck.problems);
  if (problems.some(isError)) return { problems, promptKeys, prompts };
  // FAQ answers are said like prompts (key faq.<id>), so they render, and are linted, the same way.
  for (const locale of LOCALES)
    prompts[locale] = new Map([
      ...prompts[locale],
      ...(faqCheck.faq[locale] ?? []).map((entry) => [faqKey(entry.id), entry.answer] as const),
    ]);
  const bundle = assembleBundle({
    version: versionOf(files),
    flow: flowCheck.loaded.flow,
    plan: { flow: planCheck.loaded.flow, promises: planCheck.loaded.promises },
    policy,
    prompts,
    lexicons,
    canned: checkCannedReplies(files, file).replies,
    faq: faqCheck.faq,
  });
  return { problems, promptKeys, prompts, bundle };
}

/** Loads a bundle or throws one ConfigurationError listing every problem (start-up stops on it). */
export function loadDialogBundle(dir: string): DialogBundle {
  const { bundle, problems } = checkDialogs(dir);
  if (!bundle) throw new ConfigurationError('XS_FLOW_INVALID', `dialogs in ${dir} cannot be used:\n${formatProblems(problems)}`);
  return bundle;
}

/** The version of a bundle: a hash of its files' names and contents. */
export function versionOf(files: Map<string, string>): string {
  const hash = createHash('sha256');
  for (const [name, text] of [...files.entries()].sort(([a], [b]) => a.localeCompare(b))) hash.update(`${name}\u0000${text}\u0000`);
  return hash.digest('hex').slice(0, 12);
}
