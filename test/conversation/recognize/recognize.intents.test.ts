// recognize: intents that work in every question and locale, and their priority.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../src/domain/account.js';
import { loadLexicons } from '../../helpers/dialogFiles.js';
import { recognize, type Expectation } from '../../../src/conversation/recognize/recognize.js';

const lexicons = loadLexicons(fileURLToPath(new URL('../../../dialogs/lexicon', import.meta.url)));
const says = (text: string, locale: Locale = 'zh-CN', expects: Expectation = { kind: 'none' }) =>
  recognize({ text, value: undefined, expects, locale, currency: 'CNY', lexicons, choiceLabels: {} });

const EVERY_EXPECTATION: Expectation[] = [
  { kind: 'none' },
  { kind: 'text' },
  { kind: 'yesNo' },
  { kind: 'amount' },
  { kind: 'number' },
  { kind: 'date' },
  { kind: 'idLast4' },
  { kind: 'lookup' },
  { kind: 'choice', choices: ['jobLoss', 'other'] },
  { kind: 'offer', offerIds: ['installment-6', 'freeze-36'] },
];

describe('recognize — global intents', () => {
  it.each([
    ['我要转人工', 'zh-CN', 'human.requested'],
    ['我要轉人工', 'zh-TW', 'human.requested'],
    ['找真人', 'zh-CN', 'human.requested'],
    ['人工客服', 'zh-CN', 'human.requested'],
    ['Can I talk to a person?', 'en', 'human.requested'],
    ['AGENT', 'en', 'human.requested'],
    ['不是我借的', 'zh-CN', 'dispute.raised'],
    ['這不是我的債務', 'zh-TW', 'dispute.raised'],
    ['金額不對', 'zh-TW', 'dispute.raised'],
    ['我已经还了啊', 'zh-CN', 'dispute.raised'],
    ['早就已還清了', 'zh-TW', 'dispute.raised'],
    ['我的卡被盗刷了', 'zh-CN', 'dispute.raised'],
    ['这是诈骗吧', 'zh-CN', 'dispute.raised'],
    ['This is not my debt', 'en', 'dispute.raised'],
    ['the amount is wrong', 'en', 'dispute.raised'],
    ['I already paid this', 'en', 'dispute.raised'],
    ['This is fraud', 'en', 'dispute.raised'],
    ['我真的不想活了', 'zh-CN', 'vulnerability.disclosed'],
    ['活不下去了', 'zh-CN', 'vulnerability.disclosed'],
    ['想自殺', 'zh-TW', 'vulnerability.disclosed'],
    ['我有抑郁症', 'zh-CN', 'vulnerability.disclosed'],
    ['我爸癌症晚期', 'zh-CN', 'vulnerability.disclosed'],
    ['我太太上個月過世了', 'zh-TW', 'vulnerability.disclosed'],
    ['I want to die', 'en', 'vulnerability.disclosed'],
    ["I'm going to kill myself", 'en', 'vulnerability.disclosed'],
    ['thinking about suicide', 'en', 'vulnerability.disclosed'],
    ['I have been depressed for months', 'en', 'vulnerability.disclosed'],
    ['My husband passed away', 'en', 'vulnerability.disclosed'],
    ['退订', 'zh-CN', 'stop.requested'],
    ['別再傳訊息給我', 'zh-TW', 'stop.requested'],
    ['请停止联系我', 'zh-CN', 'stop.requested'],
    ['STOP', 'en', 'stop.requested'],
    ['unsubscribe', 'en', 'stop.requested'],
    ['为什么是这个方案？', 'zh-CN', 'explanation.requested'],
    ['為什麼', 'zh-TW', 'explanation.requested'],
    ['Why this offer?', 'en', 'explanation.requested'],
    ['再说一遍', 'zh-CN', 'repeat.requested'],
    ['can you repeat that', 'en', 'repeat.requested'],
  ] as const)('%j (%s chat) → %s', (text, locale, type) => {
    expect(says(text, locale).type).toBe(type);
  });

  it.each([
    ['agent', 'zh-CN', 'human.requested'],
    ['轉人工', 'en', 'human.requested'],
    ['不是我的', 'en', 'dispute.raised'],
    ['not my debt', 'zh-TW', 'dispute.raised'],
    ['want to die', 'zh-CN', 'vulnerability.disclosed'],
    ['STOP', 'zh-CN', 'stop.requested'],
  ] as const)('%j in a %s chat → %s (every lexicon is consulted)', (text, locale, type) => {
    expect(says(text, locale).type).toBe(type);
  });

  it.each(EVERY_EXPECTATION.map((expects) => [expects.kind, expects] as const))(
    '转人工 while expecting %s → human.requested',
    (_kind, expects) => {
      expect(says('转人工', 'zh-CN', expects).type).toBe('human.requested');
      expect(says('agent please', 'en', expects).type).toBe('human.requested');
    },
  );
});

describe('recognize — priorities', () => {
  it.each<[string, Expectation, string]>([
    ['我不想活了，每月只能还500', { kind: 'amount' }, 'vulnerability.disclosed'],
    ['I want to die, I can only pay 300', { kind: 'offer', offerIds: ['a'] }, 'vulnerability.disclosed'],
    ['不想活了，这不是我的债务', { kind: 'none' }, 'vulnerability.disclosed'],
    ['不是我的债务，我要转人工', { kind: 'none' }, 'dispute.raised'],
    ['转人工，别再发了', { kind: 'none' }, 'human.requested'],
    ['退订。为什么', { kind: 'none' }, 'stop.requested'],
    ['为什么？我接受', { kind: 'offer', offerIds: ['a'] }, 'explanation.requested'],
    ['1985-03-12 金额不对', { kind: 'date' }, 'dispute.raised'],
  ])('%j → %s', (text, expects, type) => {
    expect(says(text, 'zh-CN', expects).type).toBe(type);
  });
});

describe('recognize — locale switches', () => {
  it.each([
    ['English please', 'zh-CN', 'en'],
    ['英文', 'zh-CN', 'en'],
    ['可以用英语吗', 'zh-TW', 'en'],
    ['繁體', 'zh-CN', 'zh-TW'],
    ['繁体中文', 'zh-CN', 'zh-TW'],
    ['traditional chinese please', 'en', 'zh-TW'],
    ['中文', 'en', 'zh-CN'],
    ['简体', 'zh-TW', 'zh-CN'],
    ['Simplified', 'en', 'zh-CN'],
    ['我看不懂英文', 'en', 'zh-CN'],
  ] as const)('%j (%s chat) → locale.switched to %s', (text, locale, target) => {
    expect(says(text, locale)).toEqual({ type: 'locale.switched', locale: target });
  });

  it('a long sentence that mentions English → not a switch (I lost my job, my English is not good enough → jobLoss)', () => {
    const text = 'I lost my job because my english is not good enough for them';
    expect(says(text, 'en', { kind: 'choice', choices: ['jobLoss', 'other'] })).toEqual({
      type: 'choice.made',
      value: 'jobLoss',
    });
  });
});
