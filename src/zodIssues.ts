// One way to say what zod refused in an input: where (the dotted path) and what, for 400s, start-up and `flows check`.
import type { z } from 'zod';

/** The dotted path of an issue (`offers.0.months`), or `whenEmpty` for the input as a whole. */
export function issueWhere(issue: z.core.$ZodIssue, whenEmpty: string): string {
  return issue.path.map(String).join('.') || whenEmpty;
}

/** Every issue as `path: message`, joined with `; `. */
export function describeIssues(error: z.ZodError, whenEmpty = 'body'): string {
  return error.issues.map((issue) => `${issueWhere(issue, whenEmpty)}: ${issue.message}`).join('; ');
}
