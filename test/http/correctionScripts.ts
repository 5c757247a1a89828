// Borrowers who answer with a range, a "nobody", a dispute in passing, or a correction — per locale, as typed.
import type { Line } from '../helpers/conversation.js';

export interface CorrectionScript {
  locale: 'zh-CN' | 'zh-TW' | 'en';
  /** Up to "in how many months will your income recover?". */
  toRecovery: Line[];
  /** [a range as typed, the read-back of its conservative end]. */
  ranges: Array<[string, string]>;
  /** A bare yes to the read-back: the next question is asked again. */
  yes: string;
  /** From the recovery answer to the dependants question. */
  toDependants: Line[];
  nobody: string[];
  disputes: string[];
  /** [a correction typed at the question after the income, what the bot says changed]. */
  corrections: Array<[string, string]>;
  /** From the dependants question to the offers. */
  toOffers: Line[];
  /** [a correction typed at the offers, what the bot says changed, whether the plans must differ (a lower income)]. */
  atOffers: Array<[string, string, boolean]>;
  says: Record<'askIncome' | 'askSpending' | 'askStatedMonthly' | 'noDependants' | 'dispute' | 'recomputed', string>;
}

export const CORRECTIONS: CorrectionScript[] = [
  {
    locale: 'zh-CN',
    toRecovery: [
      ['你好', '合同号'],
      ['LN-2024-0001', '后四位'],
      ['1234', '出生日期'],
      ['1990-05-20', '主要原因'],
      ['失业了', '暂时的'],
      ['暂时的吧', '几个月'],
    ],
    ranges: [
      ['两三个月吧', '按 3 个月计算，对吗？'],
      ['大概2到3个月', '按 3 个月计算，对吗？'],
      ['估计三四个月', '按 4 个月计算，对吗？'],
    ],
    yes: '对',
    toDependants: [
      ['3', '税后收入'],
      ['8000', ['收到：月收入 ¥8,000', '生活开支']],
      ['三千五左右', ['收到：每月必要开支 ¥3,500', '其他贷款']],
      ['没有', '供养'],
    ],
    nobody: ['没有', '一个都没有', '没人要我养，就我自己'],
    disputes: ['这不是我的贷款，有人冒用我的身份证办的', '我根本没借过这笔钱', '这笔不是我办的，身份证被人用了'],
    corrections: [
      ['收入是6000，不是8000', '已更正：月收入由 ¥8,000.00 改为 ¥6,000.00'],
      ['刚才说错了，收入是六千', '已更正：月收入由 ¥8,000.00 改为 ¥6,000.00'],
      ['不好意思打错了，工资6000', '已更正：月收入由 ¥8,000.00 改为 ¥6,000.00'],
    ],
    toOffers: [
      ['1', '每月能还多少'],
      ['两千五', '方案1'],
    ],
    atOffers: [
      ['不对，我有两个孩子', '已更正：供养人数由 1 改为 2', false],
      ['刚才说错了，收入是五千', '已更正：月收入由 ¥8,000.00 改为 ¥5,000.00', true],
      ['生活开支写错了，应该是4500', '已更正：每月必要开支由 ¥3,500.00 改为 ¥4,500.00', false],
    ],
    says: {
      askIncome: '税后收入',
      askSpending: '生活开支',
      askStatedMonthly: '每月能还多少',
      noDependants: '需要您供养的有 0 人',
      dispute: '您对这笔欠款有异议',
      recomputed: '重新计算了方案',
    },
  },
  {
    locale: 'zh-TW',
    toRecovery: [
      ['哈囉', '合同號'],
      ['CC-55003300', '後四位'],
      ['8642', '出生日期'],
      ['1985-04-18', '主要原因'],
      ['卡債太多了', '暫時'],
      ['應該是暫時的', '幾個月'],
    ],
    ranges: [
      ['兩三個月吧', '按 3 個月計算，對嗎？'],
      ['大概2~3個月', '按 3 個月計算，對嗎？'],
      ['五六個月左右', '按 6 個月計算，對嗎？'],
    ],
    yes: '對',
    toDependants: [
      ['3', '稅後收入'],
      ['60000', ['收到：月收入 ', '生活開支']],
      ['兩萬', ['收到：每月必要開支', '其他貸款']],
      ['沒有', '供養'],
    ],
    nobody: ['沒有', '沒人，就我自己', '無'],
    disputes: ['這不是我的卡，有人冒用我的身分', '我沒申請過這張卡', '不是我辦的，是被盜用的'],
    corrections: [
      ['收入是五萬，不是六萬', '已更正：月收入由'],
      ['剛才說錯了，收入是五萬', '已更正：月收入由'],
      ['打錯了 薪水50000', '已更正：月收入由'],
    ],
    toOffers: [
      ['1', '每月能還多少'],
      ['跳過', '一次性'],
      ['沒有', '方案1'],
    ],
    atOffers: [
      ['不對，我有兩個孩子', '已更正：供養人數由 1 改為 2', false],
      ['剛才說錯了，收入是五萬', '已更正：月收入由', true],
      ['房租寫錯了，開支應該是25000', '已更正：每月必要開支由', false],
    ],
    says: {
      askIncome: '稅後收入',
      askSpending: '生活開支',
      askStatedMonthly: '每月能還多少',
      noDependants: '需要您供養的有 0 人',
      dispute: '您對這筆欠款有異議',
      recomputed: '重新計算了方案',
    },
  },
  {
    locale: 'en',
    toRecovery: [
      ['hi', 'account reference'],
      ['LN-2025-0042', 'last four'],
      ['4321', 'date of birth'],
      ['1993-07-09', 'main reason'],
      ['lost my job', 'temporary'],
      ['temporary hopefully', 'how many months'],
    ],
    ranges: [
      ['two or three months', 'I will count 3 months, is that right?'],
      ['2-3 months i guess', 'I will count 3 months, is that right?'],
      ['maybe 4 or 5', 'I will count 5 months, is that right?'],
    ],
    yes: 'yes',
    toDependants: [
      ['3', 'monthly income'],
      ['5000', ['Noted: monthly income $5,000', 'essentials']],
      ['about 2500', ['Noted: essentials $2,500', 'other loans']],
      ['none', 'depend on you'],
    ],
    nobody: ['no one', 'nobody, just me', 'none'],
    disputes: [
      "this isn't my loan, someone used my ID",
      'I never took out this loan',
      'someone stole my identity and used my name',
    ],
    corrections: [
      ['sorry, I meant 6,000', 'Corrected: monthly income changed from $5,000.00 to $6,000.00'],
      ['my income is 6000 not 5000', 'Corrected: monthly income changed from $5,000.00 to $6,000.00'],
      ['typo, salary is 6k', 'Corrected: monthly income changed from $5,000.00 to $6,000.00'],
    ],
    toOffers: [
      ['2', 'each month'],
      ['skip', 'Plan 1'],
    ],
    atOffers: [
      ['sorry I meant I have 3 kids', 'Corrected: people depending on you changed from 2 to 3', false],
      ['wait no, my income is 4000', 'Corrected: monthly income changed from $5,000.00 to $4,000.00', true],
      [
        'correction: rent and bills are 3000',
        'Corrected: monthly essentials changed from $2,500.00 to $3,000.00',
        false,
      ],
    ],
    says: {
      askIncome: 'monthly income',
      askSpending: 'essentials',
      askStatedMonthly: 'each month',
      noDependants: '0 people depend on you',
      dispute: 'you dispute this debt',
      recomputed: 'worked out the plans again',
    },
  },
];
