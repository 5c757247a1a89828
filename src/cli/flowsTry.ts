// `flows try --case <accountRef|persona>`: the bot's own turn pipeline on a memory store, in the terminal.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { LocaleSchema } from '../domain/account.js';
import { parseAccounts } from '../domain/demoAccounts.js';
import { ConfigurationError } from '../errors.js';
import { loadDialogBundle } from '../dialogs/loadDialogBundle.js';
import { staticRegistry } from '../dialogs/dialogBundle.js';
import { MemoryAccountDirectory } from '../store/memory/memoryAccountDirectory.js';
import { MemoryCaseStore } from '../store/memory/memoryStore.js';
import { MemoryIdentityFailureLog } from '../store/memory/memoryIdentityFailureLog.js';
import { runTurn, type TurnDeps } from '../conversation/negotiationTurn.js';
import type { OutgoingMessage } from '../conversation/render/renderReplies.js';

export interface TryOptions {
  dir: string;
  caseName: string | undefined;
  locale: string;
  accountsFile: string | undefined;
}

const CHANNEL = 'cli';
const USER = 'try-borrower';
const PICKS_BY_NUMBER = new Set(['choice', 'yesNo', 'offer', 'consent', 'consentAsked']);

export async function runTry(options: TryOptions, input: Readable, out: (text: string) => void): Promise<number> {
  const locale = LocaleSchema.safeParse(options.locale);
  if (!locale.success)
    throw new ConfigurationError(
      'XS_CONFIG_INVALID',
      `--locale ${options.locale}: one of ${LocaleSchema.options.join(', ')} expected`,
    );
  const accountsFile = options.accountsFile ?? join(options.dir, 'demo-accounts.yaml');
  const accounts = parseAccounts(readFileSync(accountsFile, 'utf8'), accountsFile);
  const wanted = options.caseName?.toLowerCase();
  const chosen = accounts.find(
    (a) => a.accountRef.toLowerCase() === wanted || a.persona.toLowerCase().split(/\s/)[0] === wanted,
  );
  if (!chosen)
    throw new ConfigurationError(
      'XS_CONFIG_INVALID',
      `--case ${options.caseName ?? '(missing)'}: one of ${accounts.map((a) => `${a.accountRef} (${a.persona.split(/\s/)[0]})`).join(', ')} expected`,
    );
  const bundle = loadDialogBundle(options.dir);
  const store = new MemoryCaseStore();
  const directory = new MemoryAccountDirectory();
  await directory.upsert(
    accounts.map((a) => (a === chosen ? { ...a, channelUserIds: [...a.channelUserIds, `${CHANNEL}:${USER}`] } : a)),
  );
  const deps: TurnDeps = {
    store,
    accounts: directory,
    dialogs: staticRegistry(bundle),
    clock: () => new Date(),
    identityFailures: new MemoryIdentityFailureLog(),
    // One person trying a flow at the terminal: no rate limit on identity answers (the account lock still applies).
    admitIdentityAnswer: async () => {},
  };
  const b = chosen.borrower;
  out(`Trying flow ${bundle.version} as ${chosen.accountRef} (${chosen.persona}) in ${locale.data}.\n`);
  out(
    `Identity answers: ID last 4 ${b.idLast4}, birth date ${b.birthDate}. Type a number to pick a button (#n when the bot asks for a number or an amount); "quit" ends.\n\n`,
  );
  let sequence = 0;
  let buttons: string[] = [];
  const turn = async (fields: Record<string, unknown>) => {
    const activity = {
      type: 'message',
      id: `try-${++sequence}`,
      channelId: CHANNEL,
      serviceUrl: 'http://localhost/',
      locale: locale.data,
      conversation: { id: 'try' },
      from: { id: USER, role: 'user' },
      recipient: { id: 'xieshang', role: 'bot' },
      ...fields,
    };
    const outcome = await runTurn(activity, deps);
    for (const reply of outcome.replies) out(show(reply));
    buttons = outcome.replies
      .flatMap((reply) => reply.suggestedActions?.actions.map((action) => action.value) ?? [])
      .slice(-12);
    const loaded = await store.load(outcome.caseId);
    return loaded.record;
  };
  let record = await turn({ type: 'conversationUpdate', membersAdded: [{ id: USER }] });
  const lines = createInterface({ input, terminal: false });
  out('> ');
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === 'quit' || line === 'exit') break;
    const expects = (record?.snapshot as { context?: { lastAsk?: { expects?: string } } } | undefined)?.context?.lastAsk
      ?.expects;
    const pick = /^#?(\d{1,2})$/.exec(line);
    const byNumber =
      pick && (line.startsWith('#') || PICKS_BY_NUMBER.has(expects ?? '')) ? buttons[Number(pick[1]) - 1] : undefined;
    if (byNumber) out(`(${byNumber})\n`);
    record = await turn({ text: byNumber ?? line });
    if (record && record.status !== 'active') {
      out(`\n— the conversation ended: ${record.status}${record.agreementRef ? ` (${record.agreementRef})` : ''}\n`);
      lines.close();
      return 0;
    }
    out('> ');
  }
  out('\n— left before the end\n');
  return 0;
}

function show(reply: OutgoingMessage): string {
  const cards = (reply.attachments ?? []).map((a) => String(a.content.fallbackText ?? '')).filter(Boolean);
  const actions = reply.suggestedActions?.actions ?? [];
  const buttons =
    actions.length > 0 ? `\n    ${actions.map((action, i) => `[${i + 1}] ${action.title}`).join('  ')}` : '';
  return `bot: ${reply.text}${cards.map((card) => `\n    ${card.replace(/\n/g, '\n    ')}`).join('')}${buttons}\n`;
}
