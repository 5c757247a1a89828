// Prompt files: every sentence the bot says, by key, per locale; and filling in their placeholders.
import { parse } from 'yaml';
import { z } from 'zod';
import { ConfigurationError } from '../errors.js';
import { issueWhere } from '../zodIssues.js';

export type Prompts = ReadonlyMap<string, string>;

type Tree = { [key: string]: string | Tree };
const TreeSchema: z.ZodType<Tree> = z.lazy(() => z.record(z.string(), z.union([z.string(), TreeSchema])));

/** Flattens nested YAML (`offers: { intro: … }`) into dotted keys (`offers.intro`). */
export function parsePrompts(text: string, file: string): Prompts {
  const parsed = TreeSchema.safeParse(parse(text) ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigurationError('XS_FLOW_INVALID', `${file}: ${issue ? issueWhere(issue, '(top level)') : ''}: every prompt must be a text or a group of prompts`);
  }
  const flat = new Map<string, string>();
  const walk = (tree: Tree, prefix: string) => {
    for (const [key, value] of Object.entries(tree)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (typeof value === 'string') flat.set(path, value);
      else walk(value, path);
    }
  };
  walk(parsed.data, '');
  return flat;
}

const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9]*)\}/g;

/** The placeholders a prompt uses: `"每月 {monthly}"` → ['monthly']. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]!);
}

/** Fills `{name}` placeholders; a value the turn cannot provide renders as nothing rather than as braces. */
export function fillTemplate(template: string, vars: Readonly<Record<string, string | number | undefined>>): string {
  return template.replace(PLACEHOLDER, (_, name: string) => String(vars[name] ?? ''));
}
