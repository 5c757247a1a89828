// `npm run flows -- <check|graph|try|export>`: the product owner's tools for dialogs/, with no server.
import { ConfigurationError } from '../errors.js';
import { parseArgs } from './args.js';
import { runCheck } from './flowsCheck.js';
import { runGraph } from './flowsGraph.js';
import { runTry } from './flowsTry.js';
import { runExport } from './flowsExport.js';

const USAGE = `usage:
  npm run flows -- check [dir]                      check dialogs/ as start-up does, plus prompt and policy lint
  npm run flows -- graph [dir] [--out dir]          write the flow as Mermaid and as an HTML/SVG picture
  npm run flows -- try --case <accountRef|persona> [--locale zh-CN|zh-TW|en] [--dir dialogs]
                                                    chat with the flow in the terminal
  npm run flows -- export <version> [--out dir]     write a version kept in the store (published on /flows) as files
                                                    (reads REDIS_URL and REDIS_KEY_PREFIX like the service)
`;

const out = (text: string) => void process.stdout.write(text);

async function main(argv: string[]): Promise<number> {
  const { positional, options } = parseArgs(argv);
  const [command, dir = options.get('dir') ?? 'dialogs'] = positional;
  try {
    if (command === 'check') return runCheck(dir, out);
    if (command === 'export') return await runExport(positional[1], options.get('out'), out);
    if (command === 'graph') return runGraph(dir, options.get('out'), out);
    if (command === 'try')
      return await runTry(
        {
          dir,
          caseName: options.get('case'),
          locale: options.get('locale') ?? 'zh-CN',
          accountsFile: options.get('accounts'),
        },
        process.stdin,
        out,
      );
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  process.stderr.write(USAGE);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
