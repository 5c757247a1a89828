// `npm run flows -- check [dir]`: validates a dialogs/ folder as start-up does, and says what is wrong.
import { checkDialogs } from '../dialogs/loadDialogBundle.js';
import { formatProblems } from '../../machines/flow.js';

function check(dir: string): number {
  const { bundle, problems } = checkDialogs(dir);
  if (!bundle || problems.length > 0) {
    process.stdout.write(`✗ ${dir}: ${problems.length} problem(s)\n${formatProblems(problems)}\n`);
    return 1;
  }
  process.stdout.write(`✓ ${dir}: flow, prompts (${Object.keys(bundle.prompts).join(', ')}), lexicons and offer policy are sound — version ${bundle.version}\n`);
  return 0;
}

const USAGE = 'usage: npm run flows -- check [dir]';

function main(args: string[]): number {
  const [command, dir = 'dialogs'] = args;
  if (command === 'check') return check(dir);
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
