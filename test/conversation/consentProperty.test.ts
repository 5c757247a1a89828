// Property: at the written confirmation, no message but an explicit agree form (or the confirm button) ever signs.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { NegotiationEvent } from '../../machines/context.js';
import { parseAccounts } from '../../src/domain/demoAccounts.js';
import { loadDialogBundle } from '../../src/dialogs/loadDialogBundle.js';
import { normalizeText } from '../../src/conversation/recognize/normalize.js';
import { wholeForm } from '../../src/conversation/recognize/normalize.js';
import { understand } from '../../src/conversation/understand.js';
import { persistedContext, stepMachine } from '../../src/conversation/stepMachine.js';
import { LOCALES } from '../../src/domain/account.js';

const bundle = loadDialogBundle('dialogs');
const accounts = parseAccounts(readFileSync('dialogs/demo-accounts.yaml', 'utf8'), 'demo-accounts.yaml');
/** No account is looked up at a confirmation. */
const directory = { find: () => undefined };
const account = accounts.find((candidate) => candidate.accountRef === 'LN-2024-0001')!;

/** jobLossM2 at the review of plan 1, and the same after "嗯" (asked outright). */
function confirmingSnapshots() {
  const actor = createActor(bundle.machine, { input: { caseId: 'c-consent', account } });
  actor.start();
  const events: NegotiationEvent[] = [
    { type: 'idLast4.given', value: account.borrower.idLast4 },
    { type: 'date.given', date: account.borrower.birthDate },
    { type: 'choice.made', value: 'jobLoss' },
    { type: 'choice.made', value: 'temporary' },
    { type: 'number.given', value: 3 },
    { type: 'amount.given', amountMinor: 800_000 },
    { type: 'amount.given', amountMinor: 350_000 },
    { type: 'choice.made', value: 'none' },
    { type: 'number.given', value: 1 },
    { type: 'amount.given', amountMinor: 250_000 },
  ];
  for (const event of events) actor.send(event);
  actor.send({ type: 'offer.accepted', offerId: actor.getSnapshot().context.presentedIds[0]! });
  const reviewing = actor.getPersistedSnapshot();
  actor.send({ type: 'consent.unclear' });
  const asked = actor.getPersistedSnapshot();
  actor.stop();
  return { reviewing, asked };
}

const snapshots = confirmingSnapshots();
const phrases = (intent: 'agree' | 'yes' | 'softYes') =>
  new Set(LOCALES.flatMap((locale) => bundle.lexicons[locale].intents[intent].map(wholeForm)));
const AGREE = phrases('agree');
const PLAIN_YES = new Set([...phrases('yes')].filter((phrase) => !phrases('softYes').has(phrase)));

/** Borrowers' words at a confirmation, none of them an explicit agreement. */
const WORDS = [
  '嗯',
  '嗯…',
  '好吧',
  '行吧',
  'ok',
  'OK fine',
  'fine',
  'sure',
  'hmm',
  '可以吧',
  '還行',
  '我再想想',
  '嗯…我再想想',
  '让我考虑一下',
  '不确定',
  '還沒想好',
  'let me think',
  'maybe',
  'not sure yet',
  'perhaps later',
  '这个利息怎么算的？',
  '会影响征信吗',
  '能不能少点',
  '是不是必须今天签',
  'is this binding?',
  'what if I miss a payment?',
  '第一个',
  '方案2',
  '还是第二个吧',
  'the first one',
  "ok fine I'll take the first one",
  'plan 3',
  '2号',
  '不同意',
  '不要',
  '我不同意',
  "I don't agree",
  'no',
  'nope',
  '算了',
  '先不签',
  '每月500',
  '一个月还三千行吗',
  '$300',
  '2.5k',
  '1,200元',
  '五百',
  '人工',
  'agent',
  '同意吗',
  '同意？',
  'i agree?',
  '我同意吗',
  '我同意但是',
  'I agree but can I pay less',
  '😀',
  '👍',
  '🙏🙏',
  '？',
  '...',
  '',
  'ok 好',
  '好的 sure',
  '同意一半',
  'agree with what?',
  '不太同意',
];

const message = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...WORDS)).map(([a, b]) => `${a} ${b}`),
  fc
    .tuple(fc.constantFrom(...WORDS), fc.constantFrom('😀', '🙏', '!', '？', '…', ' ', '，', 'ok', '吧', '啊'))
    .map(([a, b]) => `${a}${b}`),
  fc.integer({ min: 1, max: 99_999 }).map((n) => `每月${n}`),
  fc.integer({ min: 1, max: 5 }).map((n) => `第${n}个方案`),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);

/** What a borrower's message does to a confirmation: the events it becomes and where the machine ends. */
function signs(text: string, locale: (typeof LOCALES)[number], snapshot: unknown): boolean {
  const context = persistedContext(snapshot, 'c-consent');
  const understanding = understand({ text, value: undefined, context, locale, bundle, accounts: directory });
  if (understanding.kind !== 'events') return false;
  const step = stepMachine(bundle.machine, snapshot, { caseId: 'c-consent' }, understanding.events);
  return step.state === 'agreed' || understanding.events.some((event) => event.type === 'consent.given');
}

describe('consent at the confirmation', () => {
  it.each(LOCALES)('in a %s chat, no message other than an explicit agree form ever signs', (locale) => {
    fc.assert(
      fc.property(message, (text) => {
        const whole = wholeForm(normalizeText(text));
        fc.pre(!AGREE.has(whole));
        expect(signs(text, locale, snapshots.reviewing)).toBe(false);
        fc.pre(!PLAIN_YES.has(whole));
        expect(signs(text, locale, snapshots.asked)).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it.each(['我同意', '同意！', 'I agree.', 'yes, I agree', '確認簽署'])('"%s" signs', (text) => {
    expect(signs(text, 'zh-CN', snapshots.reviewing)).toBe(true);
  });

  it('the confirm button signs; the "back" button does not', () => {
    const context = persistedContext(snapshots.reviewing, 'c-consent');
    const press = (choice: string) =>
      understand({ text: undefined, value: { choice }, context, locale: 'en', bundle, accounts: directory });
    expect(press('agree')).toMatchObject({ events: [{ type: 'consent.given' }] });
    expect(press('back')).toMatchObject({ events: [{ type: 'choice.made', value: 'back' }] });
  });
});
