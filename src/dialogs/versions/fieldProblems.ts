// The problems of a check, keyed by the form field they belong to (prompts.zh-TW.interview.askIncome), the rest as general.
import { isError, type FlowProblem } from '../../../machines/flow.js';

export interface FieldProblem {
  /** The form field, or undefined for a problem no single field explains. */
  field?: string;
  file: string;
  line?: number;
  message: string;
  severity: 'error' | 'warning';
}

/** The file's name inside dialogs/, wherever the folder is. */
export function dialogsFile(path: string): string {
  return /((?:prompts|faq|lexicon|conduct|desk\/canned)\/[^/]+\.yaml|[^/]+\.yaml)$/.exec(path)?.[1] ?? path;
}

export function fieldOf(problem: FlowProblem): string | undefined {
  const file = dialogsFile(problem.file);
  const locale = /^(?:prompts|faq|desk\/canned)\/([A-Za-z-]+)\.yaml$/.exec(file)?.[1];
  const prompt = /^prompt (\S+)$/.exec(problem.where)?.[1];
  if (file.startsWith('prompts/') && locale && prompt)
    return prompt.startsWith('faq.') ? `faq.${locale}.${prompt.slice(4)}` : `prompts.${locale}.${prompt}`;
  const question = /^question (\S+)$/.exec(problem.where)?.[1];
  if (file.startsWith('faq/') && locale && question) return `faq.${locale}.${question}`;
  const code = /^(?:prompt|reply) \/(\S+)$/.exec(problem.where)?.[1];
  if (file.startsWith('desk/canned/') && locale && code) return `canned.${locale}.${code}`;
  const key = /^key (\S+)$/.exec(problem.where)?.[1];
  if (file === 'offer-policy.yaml' && key) return `policy.${key}`;
  return undefined;
}

export function fieldProblems(problems: readonly FlowProblem[]): FieldProblem[] {
  return problems.map((problem) => {
    const field = fieldOf(problem);
    const file = dialogsFile(problem.file);
    return {
      ...(field ? { field } : {}),
      file,
      ...(problem.line ? { line: problem.line } : {}),
      message: problem.message,
      severity: isError(problem) ? 'error' : 'warning',
    };
  });
}
