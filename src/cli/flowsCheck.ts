// `flows check [dir]`: every start-up check plus the lint, as a report with file and line; 1 on any error.
import { checkDialogs } from '../dialogs/loadDialogBundle.js';
import { formatProblems, isError } from '../../machines/flow.js';

export function runCheck(dir: string, out: (text: string) => void): number {
  const { bundle, problems } = checkDialogs(dir);
  const errors = problems.filter(isError);
  const warnings = problems.filter((problem) => !isError(problem));
  if (errors.length > 0)
    out(`✗ ${dir}: ${errors.length} error(s), ${warnings.length} warning(s)\n${formatProblems(errors)}\n`);
  if (warnings.length > 0)
    out(`${errors.length > 0 ? '' : `⚠ ${dir}: ${warnings.length} warning(s)\n`}${formatProblems(warnings)}\n`);
  if (!bundle || errors.length > 0) {
    out('Fix the errors above: start-up and reload refuse this dialogs/ folder until they are gone.\n');
    return 1;
  }
  out(
    `✓ ${dir}: flow (schema, names, reachability, dead ends), prompts (${Object.keys(bundle.prompts).join(', ')}: complete, placeholders, conduct), lexicons and offer policy are sound — version ${bundle.version}\n`,
  );
  return 0;
}
