// Borrower scripts for browser tests: the account and identity steps, the jobLossM2 interview per locale, the page's words.
import type { Step } from '../e2e/webChatPage.js';

/** zh-CN: the account reference and the identity check of LN-2024-0001, up to the hardship question. */
export const IDENTIFY_ZH_CN: readonly Step[] = [
  ['type', 'LN-2024-0001', /身份证号码的后四位/],
  ['type', '1234', /出生日期/],
  ['type', '1990-05-20', /主要原因/],
];

/** jobLossM2 in zh-CN from the hardship question to the offers (buttons for choices, 两千五 in words). */
export const INTERVIEW_ZH_CN: readonly Step[] = [
  ['click', '失业', /暂时的，还是/],
  ['click', '暂时的', /几个月后收入/],
  ['type', '3', /税后收入/],
  ['type', '8000', /生活开支/],
  ['type', '三千五', /其他贷款或信用卡/],
  ['click', '没有', /供养/],
  ['type', '1', /每月能还多少/],
  ['type', '两千五', /以下方案/],
];

/** jobLossM2 in English from the hardship question to the offers. */
export const INTERVIEW_EN: readonly Step[] = [
  ['click', 'Lost my job', /temporary or long-term/],
  ['click', 'Temporary', /how many months/],
  ['type', '3', /monthly income/],
  ['type', '8000', /essentials/],
  ['type', '3500', /other loans or cards/],
  ['click', 'None', /depend on you/],
  ['type', '1', /do you think you can pay/],
  ['type', '2500', /these are the plans/],
];

export interface LocaleScript {
  locale: 'zh-CN' | 'zh-TW' | 'en';
  askId: RegExp;
  newDevice: RegExp;
  /** The arrears: the first amount the bot shows, only after the identity check. */
  arrears: RegExp;
  /** From the arrears to the offers. */
  interview: readonly Step[];
  monthly: string;
  choosePlan: string;
  review: RegExp;
  agree: string;
  recorded: RegExp;
  botInitials: string;
  linkExpired: RegExp;
  startWithAccount: string;
  asksAccount: RegExp;
  firstDue: RegExp;
  agentPrefix: string;
  /** The creditor as the agreement page writes it in this locale's script. */
  creditor: string;
}

export const SCRIPTS: LocaleScript[] = [
  {
    locale: 'zh-CN',
    askId: /身份证号码的后四位/,
    newDevice: /新的设备/,
    arrears: /已逾期 45 天/,
    interview: INTERVIEW_ZH_CN,
    monthly: '每月还款',
    choosePlan: '方案1',
    review: /请确认还款协议/,
    agree: '我同意',
    recorded: /协议已记录/,
    botInitials: '协',
    linkExpired: /邀请链接已过期/,
    startWithAccount: '用借款合同号开始',
    asksAccount: /借款合同号/,
    firstDue: /\d{4}年\d{1,2}月\d{1,2}日/,
    agentPrefix: '李',
    creditor: '星河消费金融',
  },
  {
    locale: 'zh-TW',
    askId: /身分證號碼的後四位/,
    newDevice: /新的裝置/,
    arrears: /已逾期 45 天/,
    interview: [
      ['click', '失業', /暫時的，還是/],
      ['click', '暫時的', /幾個月後收入/],
      ['type', '3', /稅後收入/],
      ['type', '8000', /生活開支/],
      ['type', '3500', /其他貸款或信用卡/],
      ['click', '沒有', /供養/],
      ['type', '1', /每月能還多少/],
      ['type', '2500', /以下方案/],
    ],
    monthly: '每月還款',
    choosePlan: '方案1',
    review: /請確認還款協議/,
    agree: '我同意',
    recorded: /協議已記錄/,
    botInitials: '協',
    linkExpired: /邀請連結已過期/,
    startWithAccount: '用借款合約號碼開始',
    asksAccount: /借款合[同約]/,
    firstDue: /\d{4}年\d{1,2}月\d{1,2}日/,
    agentPrefix: '李',
    creditor: '星河消費金融',
  },
  {
    locale: 'en',
    askId: /last four characters/,
    newDevice: /new device/,
    arrears: /45 days past due/,
    interview: INTERVIEW_EN,
    monthly: 'Monthly',
    choosePlan: 'plan 1',
    review: /Please confirm the agreement/,
    agree: 'I agree',
    recorded: /agreement is recorded/,
    botInitials: 'XS',
    linkExpired: /invitation link has expired/,
    startWithAccount: 'Start with my account number',
    asksAccount: /account reference/,
    firstDue: /[A-Z][a-z]+ \d{1,2}, \d{4}/,
    agentPrefix: '李',
    creditor: '星河消费金融',
  },
];
