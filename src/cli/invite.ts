// `npm run invite -- <accountRef> [hours]`: prints a signed web chat invitation link for one case, no server needed.
import { pino } from 'pino';
import { makeInvite } from '../channels/directline/inviteRoutes.js';
import { DirectLineTokens } from '../channels/directline/directLineTokens.js';
import { readConfig } from '../config.js';
import { XieshangError } from '../errors.js';
import { seedDemoAccounts } from '../lender/accounts/demoSeed.js';
import { openStores } from '../store/openStores.js';

async function main(argv: string[]): Promise<number> {
  const [accountRef, hours] = argv.filter((arg) => arg !== '--');
  if (!accountRef || (hours !== undefined && !/^\d+$/.test(hours))) {
    process.stderr.write(
      'usage: npm run invite -- <accountRef> [hours]   (signed with DIRECTLINE_SECRET; link on PUBLIC_URL)\n',
    );
    return 2;
  }
  const config = readConfig();
  if (!config.DIRECTLINE_SECRET) {
    process.stderr.write(
      "DIRECTLINE_SECRET is empty: set it to the running service's secret (without one, each start signs with a secret of its own)\n",
    );
    return 2;
  }
  const stores = await openStores(config, pino({ level: 'warn' }));
  await stores.whenReady(5_000);
  await seedDemoAccounts(stores, config);
  const accounts = stores.accounts;
  const tokens = new DirectLineTokens(config.DIRECTLINE_SECRET);
  const base = (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, '');
  const ttlSeconds = (hours ? Number(hours) : config.INVITE_TTL_HOURS) * 3600;
  const made = await makeInvite({ tokens, accounts }, accountRef, ttlSeconds, base).finally(() => stores.close());
  process.stdout.write(`${made.url}\n`);
  process.stderr.write(`${made.accountRef}: valid until ${made.expiresAt}, for one conversation\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof XieshangError ? `${error.code}: ${error.message}` : String(error)}\n`);
    process.exit(1);
  },
);
