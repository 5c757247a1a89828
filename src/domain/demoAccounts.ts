// Parses the demo accounts file: the borrowers `npm start` has to talk to.
import { parse } from 'yaml';
import { z } from 'zod';
import { ConfigurationError } from '../errors.js';
import { AccountSchema, type Account } from './account.js';
import { describeIssues } from '../zodIssues.js';

const DemoAccountsSchema = z.object({ accounts: z.array(AccountSchema.extend({ persona: z.string() })).min(1) });

export function parseAccounts(text: string, file: string): Array<Account & { persona: string }> {
  const parsed = DemoAccountsSchema.safeParse(parse(text));
  if (parsed.success) return parsed.data.accounts;
  throw new ConfigurationError('XS_FIXTURES_INVALID', `${file}: ${describeIssues(parsed.error, '(top level)')}`);
}
