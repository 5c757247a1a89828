// recognize: answers to the question asked — choices, yes/no, amounts, counts, dates, identity, lookup, offers.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../src/domain/account.js';
import { HARDSHIP_REASONS } from '../../../src/domain/hardship.js';
import { loadLexicons } from '../../helpers/dialogFiles.js';
import { recognize, type Expectation } from '../../../src/conversation/recognize/recognize.js';

const lexicons = loadLexicons(fileURLToPath(new URL('../../../dialogs/lexicon', import.meta.url)));
const says = (
  text: string,
  expects: Expectation,
  locale: Locale = 'zh-CN',
  choiceLabels: Record<string, string[]> = {},
  currency = 'CNY',
) => recognize({ text, value: undefined, expects, locale, currency, lexicons, choiceLabels });

const reason: Expectation = { kind: 'choice', choices: [...HARDSHIP_REASONS] };
const duration: Expectation = { kind: 'choice', choices: ['temporary', 'longTerm'] };
const twoOffers: Expectation = { kind: 'offer', offerIds: ['installment-6', 'freeze-36'] };
const oneOffer: Expectation = { kind: 'offer', offerIds: ['installment-6'] };

describe('recognize — choices', () => {
  it.each([
    ['我失业了', 'zh-CN', 'jobLoss'],
    ['公司裁員了', 'zh-TW', 'jobLoss'],
    ['I was laid off', 'en', 'jobLoss'],
    ['这几个月工资减少了', 'zh-CN', 'reducedIncome'],
    ['pay cut', 'en', 'reducedIncome'],
    ['我生病住院了', 'zh-CN', 'illness'],
    ['生意不好做', 'zh-CN', 'business'],
    ['家里出事了', 'zh-CN', 'family'],
    ['网贷太多还不过来', 'zh-CN', 'tooManyDebts'],
    ['忘记了', 'zh-CN', 'other'],
    ['Forgot', 'en', 'other'],
    ['my mom was in hospital', 'en', 'family'],
    ['我妈住院了，花了好多钱', 'zh-CN', 'family'],
    ['我媽生病住院', 'zh-TW', 'family'],
    ['I was in hospital for weeks', 'en', 'illness'],
    ['我生病了，孩子还小', 'zh-CN', 'illness'],
  ] as const)('reason %j (%s) → choice.made %s', (text, locale, value) => {
    expect(says(text, reason, locale)).toEqual({ type: 'choice.made', value });
  });

  it.each([
    ['暂时的', 'temporary'],
    ['长期', 'longTerm'],
    ['長期的', 'longTerm'],
    ['不知道什么时候能好，应该是长期', 'longTerm'],
    ['short-term', 'temporary'],
    ['应该会持续一段时间', 'longTerm'],
    ['估计要一两年', 'longTerm'],
    ['應該會持續一段時間', 'longTerm'],
    ['probably a year or two', 'longTerm'],
    ['两三个月吧', 'temporary'],
    ['不会持续太久', 'temporary'],
    ['just a couple of months', 'temporary'],
  ])('duration %j → choice.made %s', (text, value) => {
    expect(says(text, duration)).toEqual({ type: 'choice.made', value });
  });

  it('the exact button label 忘记了/其他 → choice.made other (labels before the lexicon)', () => {
    expect(says('忘记了/其他', reason, 'zh-CN', { other: ['忘记了/其他'] })).toEqual({
      type: 'choice.made',
      value: 'other',
    });
  });

  it('"2" while asking the duration → choice.made longTerm (the second button)', () => {
    expect(says('2', duration)).toEqual({ type: 'choice.made', value: 'longTerm' });
  });

  it('a sentence about nothing listed → input.unrecognized unclear', () => {
    expect(says('今天天气不错', reason)).toEqual({ type: 'input.unrecognized', why: 'unclear' });
  });
});

describe('recognize — yes / no', () => {
  it.each([
    ['是的', 'answer.yes'],
    ['好的', 'answer.yes'],
    ['對', 'answer.yes'],
    ['同意', 'answer.yes'],
    ['Yes', 'answer.yes'],
    ['ok', 'answer.yes'],
    ['不同意', 'answer.no'],
    ['不是', 'answer.no'],
    ['不对', 'answer.no'],
    ['不行', 'answer.no'],
    ['No', 'answer.no'],
    ["I don't agree", 'answer.no'],
    ['nope', 'answer.no'],
  ])('%j → %s (the longest phrase wins: 不同意 beats 同意)', (text, type) => {
    expect(says(text, { kind: 'yesNo' }).type).toBe(type);
  });

  it('the label 返回方案 on the confirmation question → choice.made back', () => {
    expect(says('返回方案', { kind: 'yesNo' }, 'zh-CN', { agree: ['我同意'], back: ['返回方案'] })).toEqual({
      type: 'choice.made',
      value: 'back',
    });
  });

  it('"know" → not "no": Latin words match on word boundaries → unclear', () => {
    expect(says('I know', { kind: 'yesNo' }, 'en').type).toBe('input.unrecognized');
  });
});

describe('recognize — amounts and counts', () => {
  it.each([
    ['500', 50000],
    ['1,200', 120000],
    ['1200元', 120000],
    ['五百', 50000],
    ['三千五', 350000],
    ['两千五', 250000],
    ['兩千五', 250000],
    ['一万二', 1200000],
    ['1.2万', 1200000],
    ['3k', 300000],
    ['¥800', 80000],
    ['￥800', 80000],
    ['$350', 35000],
    ['350 dollars', 35000],
    ['500 a month', 50000],
    ['每月500', 50000],
    ['八百块', 80000],
    ['一千零五十', 105000],
    ['二十', 2000],
    ['1200.5', 120050],
    ['five hundred', 50000],
    ['two thousand five hundred', 250000],
    ['2.5k', 250000],
    ['没有工资，只有两千失业金', 200000],
  ])('%j → amount.given %d fen', (text, amountMinor) => {
    expect(says(text, { kind: 'amount' })).toEqual({ type: 'amount.given', amountMinor });
  });

  it('"¥800" in a JPY account → 800 minor units (no fractional digits)', () => {
    expect(says('¥800', { kind: 'amount' }, 'zh-CN', {}, 'JPY')).toEqual({ type: 'amount.given', amountMinor: 800 });
  });

  it.each([
    ['没有', 'none'],
    ['无', 'none'],
    ['none', 'none'],
  ])('%j while asking other debts (button none) → choice.made %s', (text, value) => {
    expect(says(text, { kind: 'amount' }, 'zh-CN', { none: ['没有'] })).toEqual({ type: 'choice.made', value });
  });

  it.each(['-500', '2000000000'])('%j while asking an amount → input.unrecognized unclear', (text) => {
    expect(says(text, { kind: 'amount' })).toEqual({ type: 'input.unrecognized', why: 'unclear' });
  });

  it.each(['我不知道', 'no idea', '說不準'])(
    '%j while asking an amount with no skip button → skip.refused (never "none")',
    (text) => {
      expect(says(text, { kind: 'amount' })).toEqual({ type: 'skip.refused' });
    },
  );

  it.each([
    ['3', 3],
    ['3个月', 3],
    ['大概六个月吧', 6],
    ['两个孩子', 2],
    ['two', 2],
  ])('count %j → number.given %d', (text, value) => {
    expect(says(text, { kind: 'number' })).toEqual({ type: 'number.given', value });
  });

  it.each(['no one', 'nobody, just me', '没有', '一个都没有', '沒人'])(
    '%j while asking dependants (button none) → choice.made none, never the "one" in it',
    (text) => {
      expect(says(text, { kind: 'number' }, 'zh-CN', { none: ['没有'] })).toEqual({
        type: 'choice.made',
        value: 'none',
      });
    },
  );

  it('"没有老人，两个孩子" while asking dependants → number.given 2', () => {
    expect(says('没有老人，两个孩子', { kind: 'number' }, 'zh-CN', { none: ['没有'] })).toEqual({
      type: 'number.given',
      value: 2,
    });
  });

  it('"不确定" while asking months to recovery (button skip) → choice.made skip', () => {
    expect(says('不确定', { kind: 'number' }, 'zh-CN', { skip: ['跳过'] })).toEqual({
      type: 'choice.made',
      value: 'skip',
    });
  });
});

describe('recognize — identity and lookup', () => {
  it.each([
    ['1234', '1234'],
    ['123x', '123X'],
    ['尾号是 0421', '0421'],
    ['11010519491231002X', '002X'],
    ['1 2 3 4', '1234'],
  ])('idLast4 %j → %s', (text, value) => {
    expect(says(text, { kind: 'idLast4' })).toEqual({ type: 'idLast4.given', value });
  });

  it.each(['12345', '12', 'abcd'])('idLast4 %j → unclear', (text) => {
    expect(says(text, { kind: 'idLast4' }).type).toBe('input.unrecognized');
  });

  it.each([
    ['1985-03-12', '1985-03-12'],
    ['一九八五年三月十二日', '1985-03-12'],
    ['March 12, 1985', '1985-03-12'],
  ])('date %j → date.given %s', (text, date) => {
    expect(says(text, { kind: 'date' })).toEqual({ type: 'date.given', date });
  });

  it('date "1985-02-30" (impossible) → unclear', () => {
    expect(says('1985-02-30', { kind: 'date' }).type).toBe('input.unrecognized');
  });

  it('date "03/04/1985" (either order) → date.ambiguous: asked again, never a failed identity check', () => {
    expect(says('03/04/1985', { kind: 'date' }).type).toBe('date.ambiguous');
  });

  it.each([
    ['LN-2024-0001', { accountRef: 'LN-2024-0001' }],
    ['我的账号是 cc-88120034', { accountRef: 'CC-88120034' }],
    ['13800138000', { phone: '13800138000' }],
    ['+86 138-0013-8000', { phone: '+8613800138000' }],
  ])('lookup %j → lookup.given %o', (text, fields) => {
    expect(says(text, { kind: 'lookup' })).toEqual({ type: 'lookup.given', ...fields });
  });
});

describe('recognize — negotiating offers', () => {
  it.each([
    ['我接受', oneOffer, { type: 'offer.accepted', offerId: 'installment-6' }],
    ['就这个吧', oneOffer, { type: 'offer.accepted', offerId: 'installment-6' }],
    ['I accept', oneOffer, { type: 'offer.accepted', offerId: 'installment-6' }],
    ['我接受', twoOffers, { type: 'input.unrecognized', why: 'unclear' }],
    ['我接受方案2', twoOffers, { type: 'offer.accepted', offerId: 'freeze-36' }],
    ['第一个', twoOffers, { type: 'offer.accepted', offerId: 'installment-6' }],
    ['option 2', twoOffers, { type: 'offer.accepted', offerId: 'freeze-36' }],
    ['2', twoOffers, { type: 'offer.accepted', offerId: 'freeze-36' }],
    ['方案3', twoOffers, { type: 'input.unrecognized', why: 'unclear' }],
    ['换一个', twoOffers, { type: 'offer.another' }],
    ['有没有别的方案', twoOffers, { type: 'offer.another' }],
    ['another option', twoOffers, { type: 'offer.another' }],
    ['都不接受', twoOffers, { type: 'offer.declined' }],
    ['拒絕', twoOffers, { type: 'offer.declined' }],
    ['none of these', twoOffers, { type: 'offer.declined' }],
    ['我每月只能还500', twoOffers, { type: 'offer.countered', amountMinor: 50000 }],
    ['不接受，每月三千五可以', twoOffers, { type: 'offer.countered', amountMinor: 350000 }],
    ['I can pay 350 dollars a month', twoOffers, { type: 'offer.countered', amountMinor: 35000 }],
  ] as const)('%j → %o', (text, expects, understood) => {
    expect(says(text, expects)).toEqual(understood);
  });

  it('the label of offer 2 typed back (imBack) → offer.accepted freeze-36', () => {
    const labels = {
      'installment-6': ['方案1：逾期金额分期'],
      'freeze-36': ['方案2：停息挂账分期'],
      another: ['换个方案'],
    };
    expect(says('方案2：停息挂账分期', twoOffers, 'zh-CN', labels)).toEqual({
      type: 'offer.accepted',
      offerId: 'freeze-36',
    });
    expect(says('换个方案', twoOffers, 'zh-CN', labels)).toEqual({ type: 'choice.made', value: 'another' });
  });
});
