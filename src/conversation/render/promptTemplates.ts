// Prompt templates split once per prompt set (one flow version's locale) and key, so saying a sentence is a join, not a
// regular expression over it; same result as fillTemplate (dialogs/prompts.ts).
import { fillTemplate, type Prompts } from '../../dialogs/prompts.js';

type Vars = Readonly<Record<string, string | number | undefined>>;
/** A template without placeholders as it is; else its literal parts at even indexes, placeholder names between them. */
type Split = string | readonly string[];

const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9]*)\}/g;
const splitByPrompts = new WeakMap<Prompts, Map<string, Split>>();

function split(template: string): Split {
  const parts = template.split(PLACEHOLDER);
  return parts.length === 1 ? template : parts;
}

function splitOf(prompts: Prompts, key: string): Split | undefined {
  let byKey = splitByPrompts.get(prompts);
  if (!byKey) {
    byKey = new Map();
    splitByPrompts.set(prompts, byKey);
  }
  let known = byKey.get(key);
  if (known === undefined) {
    const template = prompts.get(key);
    if (template === undefined) return undefined;
    known = split(template);
    byKey.set(key, known);
  }
  return known;
}

/**
 * The prompt `key` with its `{name}` placeholders filled from `extra`, then `vars` (a value the turn cannot provide
 * renders as nothing); `fallback` (the key itself unless given) when the prompt set has no such key.
 */
export function renderPrompt(prompts: Prompts, key: string, vars: Vars, extra?: Vars, fallback = key): string {
  const parts = splitOf(prompts, key);
  if (parts === undefined) return fillTemplate(fallback, extra ? { ...vars, ...extra } : vars);
  if (typeof parts === 'string') return parts;
  let text = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    text += String((extra && Object.hasOwn(extra, name) ? extra[name] : vars[name]) ?? '') + parts[i + 1]!;
  }
  return text;
}
