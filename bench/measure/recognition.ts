// Micro-benchmark of recognition (src/conversation/recognize/recognize.ts): CPU µs per line, for each line of the
// bench's negotiation (bench/load/negotiationScript.ts) with the question it answers, then borrower phrasings of the
// recognize tests (intents, corrections, long English messages, Traditional Chinese).
// Run: npx tsx bench/measure/recognition.ts [--rounds 9] [--calls 4000]   (CPU of this process, best of the rounds)
import { parseArgs } from 'node:util';
import { LOCALES, type Locale } from '../../src/domain/account.js';
import { HARDSHIP_REASONS } from '../../src/domain/hardship.js';
import { loadDialogBundle } from '../../src/dialogs/loadDialogBundle.js';
import type { InterviewAnswers } from '../../src/conversation/recognize/correction.js';
import { recognize, type Expectation, type RecognizeInput } from '../../src/conversation/recognize/recognize.js';
import { NEGOTIATION_SCRIPT } from '../load/negotiationScript.js';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '9' }, calls: { type: 'string', default: '4000' } },
});
const ROUNDS = Number(values.rounds);
const CALLS = Number(values.calls);

const bundle = loadDialogBundle(new URL('../../dialogs', import.meta.url).pathname);
const OFFERS = ['installment-6', 'freeze-36', 'waiver-12'];

/** A line as `understand` hands it to `recognize`: the question's expectation, its buttons, the answers so far. */
function line(
  text: string,
  expects: Expectation,
  choices: readonly string[] = [],
  answered: InterviewAnswers['answered'] | undefined = undefined,
  locale: Locale = 'zh-CN',
): RecognizeInput {
  const prompts = bundle.prompts[locale];
  const choiceLabels = Object.fromEntries(choices.map((id) => [id, [prompts.get(`choice.${id}`) ?? id]]));
  return {
    text,
    value: undefined,
    expects,
    locale,
    currency: 'CNY',
    lexicons: bundle.lexicons,
    choiceLabels,
    faqs: [locale, ...LOCALES.filter((other) => other !== locale)].map((other) => bundle.faq[other] ?? []),
    ...(answered ? { answers: { answered } } : {}),
  };
}

const reason: Expectation = { kind: 'choice', choices: [...HARDSHIP_REASONS] };
const duration: Expectation = { kind: 'choice', choices: ['temporary', 'longTerm'] };
const amount: Expectation = { kind: 'amount' };
const number: Expectation = { kind: 'number' };
const offer: Expectation = { kind: 'offer', offerIds: OFFERS };
const consent: Expectation = { kind: 'consent', offerIds: [OFFERS[0]!], asked: false };
const early = { recoveryMonths: 3 };
const later = { recoveryMonths: 3, incomeMinor: 800_000, essentialSpendingMinor: 350_000, otherDebtPaymentsMinor: 0 };

const SCRIPT_EXPECTS: ReadonlyArray<[Expectation, string[]?, InterviewAnswers['answered']?]> = [
  [{ kind: 'none' }],
  [{ kind: 'lookup' }],
  [{ kind: 'idLast4' }],
  [{ kind: 'date' }],
  [reason, [...HARDSHIP_REASONS], {}],
  [duration, ['temporary', 'longTerm'], {}],
  [number, ['skip'], {}],
  [amount, ['none'], early],
  [amount, [], { ...early, incomeMinor: 800_000 }],
  [amount, ['none'], { ...early, incomeMinor: 800_000, essentialSpendingMinor: 350_000 }],
  [number, ['none'], later],
  [amount, ['skip'], { ...later, dependants: 1 }],
  [offer, OFFERS, { ...later, dependants: 1, statedMonthlyMinor: 250_000 }],
  [consent, ['agree', 'back', 'person'], { ...later, dependants: 1, statedMonthlyMinor: 250_000 }],
];
const SCRIPT = NEGOTIATION_SCRIPT.map((text, i) => {
  const [expects, choices, answered] = SCRIPT_EXPECTS[i]!;
  return line(text, expects, choices, answered);
});

const PHRASINGS: RecognizeInput[] = [
  line('我要转人工', number, ['none'], later),
  line('我真的不想活了', amount, [], later),
  line('这不是我的债务，金额也不对', { kind: 'none' }),
  line('为什么是这个方案', offer, OFFERS, later),
  line('刚才说错了，收入是六千', amount, [], later),
  line('收入是6000，不是8000', amount, [], later),
  line('我失业了，每月只有两千失业金，房租一千五', reason, [...HARDSHIP_REASONS], {}),
  line('上一步', amount, [], later),
  line('征信会受影响吗', amount, [], later),
  line('Can I talk to a person?', { kind: 'none' }, [], undefined, 'en'),
  line('I lost my job last month and my rent is 900, bills maybe 600', amount, [], early, 'en'),
  line('sorry I meant 6,000 not 8,000', amount, [], later, 'en'),
  line('我媽生病住院，花了好多錢', reason, [...HARDSHIP_REASONS], {}, 'zh-TW'),
  line('不接受，我每月只能還300', offer, OFFERS, later, 'zh-TW'),
];

/** CPU µs per call of recognize over `input`, the best of ROUNDS rounds of CALLS calls. */
function cpuPerCall(input: RecognizeInput): number {
  for (let i = 0; i < 200; i++) recognize(input);
  let best = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.cpuUsage();
    for (let i = 0; i < CALLS; i++) recognize(input);
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / CALLS);
  }
  return best;
}

function table(title: string, inputs: readonly RecognizeInput[]): number {
  console.info(`-- ${title}`);
  console.info(`${'line'.padEnd(34)} ${'expects'.padEnd(8)} ${'understood'.padEnd(24)} µs/line`);
  let total = 0;
  for (const input of inputs) {
    const us = cpuPerCall(input);
    total += us;
    const text = input.text ?? '';
    const shown = text.length > 30 ? `${text.slice(0, 29)}…` : text;
    const understood = recognize(input).type;
    console.info(
      `${shown.padEnd(34)} ${input.expects.kind.padEnd(8)} ${understood.padEnd(24)} ${us.toFixed(2).padStart(7)}`,
    );
  }
  console.info(`${'mean'.padEnd(68)} ${(total / inputs.length).toFixed(2).padStart(7)}`);
  return total / inputs.length;
}

table('the bench negotiation (zh-CN)', SCRIPT);
table('borrower phrasings', PHRASINGS);
