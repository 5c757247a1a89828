// Borrowers at the written confirmation, per locale: how they hedge, half-agree, pick another plan, say no or agree.
import { JOB_LOSS_TO_OFFERS, type Line } from '../helpers/conversation.js';

export interface ConsentScript {
  locale: 'zh-CN' | 'zh-TW' | 'en';
  /** From hello to the review of plan 1. */
  toReview: Line[];
  hedges: string[];
  softYes: string[];
  /** The plain yes that answers "do you confirm signing?" once asked outright. */
  plainYes: string;
  /** [what the borrower types, the plan name the new review shows]. */
  otherPlan: Array<[string, string]>;
  negations: string[];
  unclear: string[];
  /** [amount typed, what the reply contains]. */
  amounts: Array<[string, string]>;
  explicit: string[];
  cancels: string[];
  says: Record<'notSigned' | 'agreeButton' | 'askConsent' | 'recorded' | 'review' | 'offers' | 'cancelClosed', string>;
}

export const CONFIRMING: ConsentScript[] = [
  {
    locale: 'zh-CN',
    toReview: [...JOB_LOSS_TO_OFFERS, ['方案1', '请确认还款协议']],
    hedges: ['嗯…我再想想', '我还不太确定，晚点再说吧', '让我跟家里人商量一下'],
    softYes: ['嗯', '好吧', '嗯嗯 👍'],
    plainYes: '是的',
    otherPlan: [
      ['还是第二个吧', '延长还款期限'],
      ['我要方案2', '延长还款期限'],
      ['换成2号', '延长还款期限'],
    ],
    negations: ['不同意', '不行，这个我还不起', '算了不要这个'],
    unclear: ['这个利息能不能再少点呢', 'asdfgh', '😂😂'],
    amounts: [
      ['每月只能还800', '每月最少需要还'],
      ['我一个月最多还五百', '每月最少需要还'],
      ['3百块行不行', '每月最少需要还'],
    ],
    explicit: ['我同意', '同意。', '确认签署'],
    cancels: ['我想撤销协议', '我反悔了，撤销'],
    says: {
      notSigned: '协议还没有签署',
      agreeButton: '我同意',
      askConsent: '确认签署这份协议吗？',
      recorded: '协议已记录',
      review: '请确认还款协议',
      offers: '以下方案',
      cancelClosed: '已超过可以自行撤销的时限',
    },
  },
  {
    locale: 'zh-TW',
    toReview: [
      ['您好', '合同號'],
      ['CC-55003300', '後四位'],
      ['8642', '出生日期'],
      ['1985-04-18', '主要原因'],
      ['卡債太多了', '暫時'],
      ['長期的', '收入'],
      ['60000', '開支'],
      ['兩萬', '其他貸款'],
      ['沒有', '供養'],
      ['1', '每月能還多少'],
      ['跳過', '一次性'],
      ['沒有', '方案1'],
      ['方案1', '請確認還款協議'],
    ],
    hedges: ['嗯...我再考慮一下', '還沒想好耶', '先不簽，我問問家人'],
    softYes: ['好吧', '嗯', 'OK'],
    plainYes: '是的',
    otherPlan: [
      ['我選第二個', '停息掛賬分期'],
      ['還是方案2好了', '停息掛賬分期'],
      ['2號', '停息掛賬分期'],
    ],
    negations: ['不要', '不同意喔', '不行啦太多了'],
    unclear: ['這樣會不會影響我以後貸款', '……', 'hmm??'],
    amounts: [
      ['每個月只能還3000', '每月最少需要還'],
      ['我一個月大概還兩千', '每月最少需要還'],
      ['只能付NT$1500', '每月最少需要還'],
    ],
    explicit: ['我同意', '確認簽署', '同意！'],
    cancels: ['我要撤銷協議', '取消協議'],
    says: {
      notSigned: '協議還沒有簽署',
      agreeButton: '我同意',
      askConsent: '確認簽署這份協議嗎？',
      recorded: '協議已記錄',
      review: '請確認還款協議',
      offers: '以下方案',
      cancelClosed: '已超過可以自行撤銷的時限',
    },
  },
  {
    locale: 'en',
    toReview: [
      ['hi', 'account reference'],
      ['LN-2025-0042', 'last four'],
      ['4321', 'date of birth'],
      ['1993-07-09', 'main reason'],
      ['family emergency', 'temporary'],
      ['temporary', 'how many months'],
      ['3', 'income'],
      ['5000', 'essentials'],
      ['2500', 'other loans'],
      ['none', 'depend on you'],
      ['2', 'each month'],
      ['skip', 'Plan 1'],
      ['Plan 1', 'Please confirm the agreement'],
    ],
    hedges: ['hmm let me think about it', "I'm not sure yet", 'maybe, I need to talk to my wife first'],
    softYes: ['ok', 'fine', 'sure'],
    plainYes: 'yes',
    otherPlan: [
      ["ok fine I'll take the first one", 'Payment pause'],
      ['actually the second one', 'Longer term'],
      ['plan 2 please', 'Longer term'],
    ],
    negations: ['no', "no I don't want this", 'nope'],
    unclear: ['is the interest really that high?', 'lol', 'what'],
    amounts: [
      ['I can only do 100 a month', 'smallest monthly payment'],
      ['$150', 'smallest monthly payment'],
      ['how about 120 dollars', 'smallest monthly payment'],
    ],
    explicit: ['I agree', 'Yes, I agree.', 'i confirm'],
    cancels: ['I want to cancel my agreement', 'please cancel the agreement'],
    says: {
      notSigned: 'the agreement is not signed',
      agreeButton: 'I agree',
      askConsent: 'Do you confirm signing this agreement?',
      recorded: 'Your agreement is recorded',
      review: 'Please confirm the agreement',
      offers: 'these are the plans',
      cancelClosed: 'can no longer be cancelled',
    },
  },
];
