// The offer policy's loader: parses dialogs/offer-policy.yaml and names each key that is wrong and what it expects.
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { ConfigurationError } from '../../errors.js';
import { OfferPolicySchema, type OfferPolicy } from './offerPolicySchema.js';
import { crossCheck } from './offerPolicyChecks.js';

export * from './offerPolicySchema.js';

const TYPE_NAMES: Record<string, string> = {
  int: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  string: 'a text',
};

function expectationOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_big':
      return `${issue.inclusive === false ? 'less than' : 'at most'} ${String(issue.maximum)} expected`;
    case 'too_small':
      return issue.origin === 'array'
        ? `at least ${String(issue.minimum)} item(s) expected`
        : `${issue.inclusive === false ? 'more than' : 'at least'} ${String(issue.minimum)} expected`;
    case 'invalid_type':
      return `${TYPE_NAMES[issue.expected] ?? issue.expected} expected`;
    case 'invalid_value':
      return `one of ${issue.values.map(String).join(', ')} expected`;
    case 'unrecognized_keys':
      return `unknown key(s) ${issue.keys.join(', ')}: check the spelling`;
    default:
      return issue.message;
  }
}

function keyPath(path: readonly PropertyKey[]): string {
  return (
    path.reduce<string>(
      (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)),
      '',
    ) || '(top level)'
  );
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (node, part) =>
      node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[part] : undefined,
    raw,
  );
}

function describe(raw: unknown, path: readonly PropertyKey[], expected: string, isKeyIssue = false): string {
  if (isKeyIssue) return `${keyPath(path)}: ${expected}`;
  const value = valueAt(raw, path);
  return `${keyPath(path)} is ${value === undefined ? 'missing' : JSON.stringify(value)}, ${expected}`;
}

/** Parses and checks a policy file's text; throws ConfigurationError('XS_POLICY_INVALID') naming the file, each key and what it expects. */
export function parseOfferPolicy(yamlText: string, fileName: string): OfferPolicy {
  let raw: unknown;
  try {
    raw = parseYaml(yamlText);
  } catch (error) {
    throw new ConfigurationError(
      'XS_POLICY_INVALID',
      `${fileName}: not valid YAML — ${error instanceof Error ? error.message : String(error)}`,
      error,
    );
  }
  const parsed = OfferPolicySchema.safeParse(raw);
  const problems = parsed.success
    ? crossCheck(parsed.data).map((problem) => describe(raw, problem.path, problem.expected))
    : parsed.error.issues.map((issue) =>
        describe(raw, issue.path, expectationOf(issue), issue.code === 'unrecognized_keys'),
      );
  if (problems.length > 0 || !parsed.success) {
    throw new ConfigurationError('XS_POLICY_INVALID', `${fileName}: ${problems.join('; ')}`);
  }
  return parsed.data;
}
