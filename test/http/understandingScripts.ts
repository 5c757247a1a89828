// Borrowers' free text per locale: birth dates, durations, amounts and distress, typed as people type on a phone.
import type { Line } from '../helpers/conversation.js';

export interface UnderstandingScript {
  locale: 'zh-CN' | 'zh-TW' | 'en';
  /** Up to the birth-date question. */
  toBirthDate: Line[];
  birthDates: string[];
  /** [a date either order fits, the same date written unambiguously]. */
  ambiguousDate: [string, string];
  /** Up to "temporary or long-term?". */
  toDuration: Line[];
  /** [what the borrower types, what the next question contains]. */
  durations: Array<[string, string]>;
  /** Up to the income question. */
  toIncome: Line[];
  /** [income as typed, the amount said back]. */
  amounts: Array<[string, string]>;
  distress: string[];
  says: Record<'verified' | 'dateAmbiguous' | 'askSpending' | 'vulnerability', string>;
}

export const UNDERSTANDING: UnderstandingScript[] = [
  {
    locale: 'zh-CN',
    toBirthDate: [
      ['你好', '合同号'],
      ['LN-2023-0415', '后四位'],
      ['2468', '出生日期'],
    ],
    birthDates: ['87年2月14日', '1987年2月14号', '1987.2.14', '19870214', '我是87年2月14号生的'],
    ambiguousDate: ['02/03/1987', '1987年2月14日'],
    toDuration: [
      ['你好', '合同号'],
      ['LN-2024-0001', '后四位'],
      ['1234', '出生日期'],
      ['1990-05-20', '主要原因'],
      ['我被裁员了', '暂时的'],
    ],
    durations: [
      ['应该会持续一段时间', '税后收入'],
      ['估计要一两年', '税后收入'],
      ['说不好，可能好几年吧', '税后收入'],
      ['两三个月吧', '几个月'],
      ['找到工作就好了，不会太久', '几个月'],
    ],
    toIncome: [
      ['你好', '合同号'],
      ['LN-2024-0001', '后四位'],
      ['1234', '出生日期'],
      ['1990-05-20', '主要原因'],
      ['失业', '暂时的'],
      ['长期的', '税后收入'],
    ],
    amounts: [
      ['五千', '¥5,000'],
      ['一个月大概5k吧', '¥5,000'],
      ['五千块左右', '¥5,000'],
    ],
    distress: ['我真的活不下去了', '不想活了', '压力太大了，撑不住了'],
    says: {
      verified: '身份核实成功',
      dateAmbiguous: '两种读法',
      askSpending: '生活开支',
      vulnerability: '工作人员会尽快联系您',
    },
  },
  {
    locale: 'zh-TW',
    toBirthDate: [
      ['哈囉', '合同號'],
      ['CC-55003300', '後四位'],
      ['8642', '出生日期'],
    ],
    birthDates: ['民國74年4月18日', '74年4月18日', '民国74年4月18號', '1985/4/18'],
    ambiguousDate: ['04/05/1985', '民國74年4月18日'],
    toDuration: [
      ['哈囉', '合同號'],
      ['CC-55003300', '後四位'],
      ['8642', '出生日期'],
      ['1985-04-18', '主要原因'],
      ['卡債太多了', '暫時'],
    ],
    durations: [
      ['應該會持續一段時間', '稅後收入'],
      ['大概要一兩年吧', '稅後收入'],
      ['看不到盡頭…', '稅後收入'],
      ['過幾個月就好了', '幾個月'],
      ['應該不會太久', '幾個月'],
    ],
    toIncome: [
      ['哈囉', '合同號'],
      ['CC-55003300', '後四位'],
      ['8642', '出生日期'],
      ['1985-04-18', '主要原因'],
      ['卡債太多了', '暫時'],
      ['長期的', '收入'],
    ],
    amounts: [
      ['三萬五', 'NT$35,000'],
      ['大概35000左右', 'NT$35,000'],
      ['一個月3.5萬', 'NT$35,000'],
    ],
    distress: ['撐不住了', '我真的不想活了', '好累，活不下去'],
    says: {
      verified: '身份核實成功',
      dateAmbiguous: '兩種讀法',
      askSpending: '生活開支',
      vulnerability: '工作人員會盡快聯絡您',
    },
  },
  {
    locale: 'en',
    toBirthDate: [
      ['hi', 'account reference'],
      ['LN-2023-0415', 'last four'],
      ['2468', 'date of birth'],
    ],
    birthDates: ['Feb 14 1987', '14/02/1987', '02/14/1987', 'born feb 14th, 1987', '14 February 1987'],
    ambiguousDate: ['02/03/1987', 'feb 14 1987'],
    toDuration: [
      ['hi', 'account reference'],
      ['LN-2025-0042', 'last four'],
      ['4321', 'date of birth'],
      ['1993-07-09', 'main reason'],
      ['my mom was in hospital', 'temporary'],
    ],
    durations: [
      ['probably a year or two', 'monthly income'],
      ["honestly it'll be like this for a while", 'monthly income'],
      ['no end in sight tbh', 'monthly income'],
      ['just a couple of months', 'how many months'],
      ['until i find a new job, shouldnt be long', 'how many months'],
    ],
    toIncome: [
      ['hi', 'account reference'],
      ['LN-2025-0042', 'last four'],
      ['4321', 'date of birth'],
      ['1993-07-09', 'main reason'],
      ['lost my job', 'temporary'],
      ['long term', 'monthly income'],
    ],
    amounts: [
      ['five hundred', '$500.00'],
      ['about two thousand five hundred a month', '$2,500.00'],
      ['2.5k', '$2,500.00'],
    ],
    distress: [
      "I can't cope anymore",
      'honestly i just want to die',
      "i can't take it anymore, everything is falling apart",
    ],
    says: {
      verified: 'Thank you',
      dateAmbiguous: 'either way',
      askSpending: 'essentials',
      vulnerability: 'A person from our team will contact you soon',
    },
  },
];
