// The development seed: outside production, the demo borrowers of ACCOUNTS_FILE are upserted at start.
import { readFileSync } from 'node:fs';
import type { Config } from '../../config.js';
import type { Account } from '../../domain/account.js';
import { parseAccounts } from '../../domain/demoAccounts.js';
import type { AccountDirectory } from '../../store/accountDirectory.js';

/** The seeded accounts (with their `persona`, for the chat page's demo list); none in production or when ACCOUNTS_FILE is empty. */
export async function seedDemoAccounts(
  stores: { accounts: AccountDirectory },
  config: Pick<Config, 'NODE_ENV' | 'ACCOUNTS_FILE'>,
): Promise<Account[]> {
  if (config.NODE_ENV === 'production' || !config.ACCOUNTS_FILE) return [];
  const accounts = parseAccounts(readFileSync(config.ACCOUNTS_FILE, 'utf8'), config.ACCOUNTS_FILE);
  await stores.accounts.upsert(accounts);
  return accounts;
}
