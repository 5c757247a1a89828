// `npm run accounts -- import <file>`: imports NDJSON (.ndjson, .jsonl) or CSV (.csv) accounts into the configured store.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { pino } from 'pino';
import { readConfig } from '../config.js';
import { XieshangError } from '../errors.js';
import { importAccounts } from '../lender/accounts/importAccounts.js';
import { openStores } from '../store/openStores.js';

async function main(argv: string[]): Promise<number> {
  const [command, file] = argv.filter((arg) => arg !== '--');
  if (command !== 'import' || !file) {
    process.stderr.write('usage: npm run accounts -- import <file.ndjson|file.jsonl|file.csv>   (into REDIS_URL)\n');
    return 2;
  }
  const format = extname(file).toLowerCase() === '.csv' ? 'csv' : 'ndjson';
  const config = readConfig();
  const stores = await openStores(config, pino({ level: 'warn' }));
  if (stores.kind === 'memory')
    process.stderr.write('no REDIS_URL: importing into this process’s memory only (nothing a running service sees)\n');
  try {
    await stores.whenReady(5_000);
    const report = await importAccounts(stores.accounts, readFileSync(file, 'utf8'), format);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return report.rejected.length > 0 ? 1 : 0;
  } finally {
    await stores.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof XieshangError ? `${error.code}: ${error.message}` : String(error)}\n`);
    process.exit(1);
  },
);
