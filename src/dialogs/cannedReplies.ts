// Agents' canned replies, dialogs/desk/canned/<locale>.yaml: short codes typed after "/" in the console's reply box.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { LOCALES, type Locale } from '../domain/account.js';
import type { FlowProblem } from '../../machines/flow.js';
import { issueWhere } from '../zodIssues.js';

export const cannedFile = (locale: Locale) => `desk/canned/${locale}.yaml`;

export const CannedReplySchema = z.strictObject({
  code: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a short code: lower-case letters, digits and -'),
  title: z.string().trim().min(1),
  text: z.string().trim().min(1).max(2000),
});
export type CannedReply = z.infer<typeof CannedReplySchema>;
const CannedFileSchema = z.strictObject({ replies: z.array(CannedReplySchema) });

export function parseCannedReplies(text: string, file: string): { replies: CannedReply[]; problems: FlowProblem[] } {
  let raw: unknown;
  try {
    raw = parse(text) ?? {};
  } catch (error) {
    return { replies: [], problems: [{ file, where: '(yaml)', message: (error as Error).message }] };
  }
  const parsed = CannedFileSchema.safeParse(raw);
  if (!parsed.success) return { replies: [], problems: parsed.error.issues.map((issue) => ({ file, where: `key ${issueWhere(issue, '(top level)')}`, message: `${issue.message} (expected: replies: [{ code, title, text }])` })) };
  const seen = new Set<string>();
  const problems: FlowProblem[] = [];
  for (const reply of parsed.data.replies) {
    if (seen.has(reply.code)) problems.push({ file, where: `reply /${reply.code}`, message: 'the short code is used twice' });
    seen.add(reply.code);
  }
  return { replies: parsed.data.replies, problems };
}

/** Every locale's file must exist, parse, and offer the same short codes (an agent's habit works in every language). */
export function checkCannedReplies(files: ReadonlyMap<string, string>, fileName: (name: string) => string): { replies: Partial<Record<Locale, CannedReply[]>>; problems: FlowProblem[] } {
  const replies: Partial<Record<Locale, CannedReply[]>> = {};
  const problems: FlowProblem[] = [];
  for (const locale of LOCALES) {
    const text = files.get(cannedFile(locale));
    if (text === undefined) {
      problems.push({ file: fileName(cannedFile(locale)), where: '(file)', message: 'missing: agents have no canned replies in this language', severity: 'warning' });
      continue;
    }
    const parsed = parseCannedReplies(text, fileName(cannedFile(locale)));
    problems.push(...parsed.problems);
    replies[locale] = parsed.replies;
  }
  const codes = (locale: Locale) => new Set((replies[locale] ?? []).map((reply) => reply.code));
  for (const locale of LOCALES) {
    for (const other of LOCALES) {
      if (!replies[locale] || !replies[other]) continue;
      for (const code of codes(other)) if (!codes(locale).has(code)) problems.push({ file: fileName(cannedFile(locale)), where: `reply /${code}`, message: `missing here, present in ${cannedFile(other)}` });
    }
  }
  return { replies, problems };
}

/** Reads the canned files present in a dialogs folder (added to the bundle's files, so a change is a new version). */
export function readCannedFiles(dir: string): Array<[string, string]> {
  return LOCALES.map((locale) => cannedFile(locale)).filter((name) => existsSync(join(dir, name))).map((name) => [name, readFileSync(join(dir, name), 'utf8')]);
}
