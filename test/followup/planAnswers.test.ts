// What borrowers type to a running plan (zh-CN, zh-TW, en), read as the plan's answers; promised dates as typed.
import { describe, expect, it } from 'vitest';
import { loadLexicons } from '../helpers/dialogFiles.js';
import { readPlanAnswer } from '../../src/followup/planAnswers.js';
import { parsePromiseDate } from '../../src/followup/promiseDate.js';

const lexicons = loadLexicons('dialogs/lexicon');
// A Wednesday.
const today = '2027-03-10';
const at = '2027-03-10T04:00:00.000Z';

const read = (state: string, text: string) => {
  const answer = readPlanAnswer({ text, state, locale: 'zh-CN', lexicons, today, at });
  if (!answer) return undefined;
  if (answer.kind !== 'event') return answer.kind;
  const { type, at: _at, ...rest } = answer.event as { type: string; at: string } & Record<string, unknown>;
  return Object.keys(rest).length ? `${type} ${JSON.stringify(rest)}` : type;
};

const CASES: readonly [state: string, text: string, expected: string | undefined][] = [
  ['onTrack', '我的计划', 'myPlan'],
  ['onTrack', '我的還款計劃', 'myPlan'],
  ['onTrack', '我的计划呢？', 'myPlan'],
  ['onTrack', 'what is my plan', 'myPlan'],
  ['onTrack', "what's my plan?", 'myPlan'],
  ['onTrack', 'Show my plan pls', 'myPlan'],
  ['completed', '还剩几期', 'myPlan'],
  ['onTrack', '还款日改到15号', 'dueDay.move {"day":15}'],
  ['onTrack', '能不能把還款日改成每月20日', 'dueDay.move {"day":20}'],
  ['onTrack', 'can I change my due date to the 5th', 'dueDay.move {"day":5}'],
  ['onTrack', '好的谢谢', undefined],
  ['checkingIn', '现在还款', 'checkin.payNow'],
  ['checkingIn', '怎么还？', 'checkin.payNow'],
  ['checkingIn', 'how do I pay', 'checkin.payNow'],
  ['checkingIn', '我后天能还上', 'checkin.promise {"byDate":"2027-03-12"}'],
  ['checkingIn', '下周五之前一定还', 'checkin.promise {"byDate":"2027-03-19"}'],
  ['checkingIn', '3月15號還', 'checkin.promise {"byDate":"2027-03-15"}'],
  ['checkingIn', 'I can pay by Friday', 'checkin.promise {"byDate":"2027-03-12"}'],
  ['checkingIn', 'on the 14th', 'checkin.promise {"byDate":"2027-03-14"}'],
  ['checkingIn', '过几天还', 'askPromiseDate'],
  ['checkingIn', '情况变了', 'checkin.changed'],
  ['checkingIn', '我的情況變了，又失業了', 'checkin.changed'],
  ['checkingIn', 'my situation changed', 'checkin.changed'],
  ['checkingIn', '转人工', undefined],
  ['promised', '还不起了', 'checkin.changed'],
  ['reviewing', '没变化', 'review.same'],
  ['reviewing', '還是一樣', 'review.same'],
  ['reviewing', 'still the same', 'review.same'],
  ['reviewing', '不一样了', 'review.changed'],
  ['reviewing', 'not the same anymore', 'review.changed'],
  ['broken', '好的，重新谈吧', 'reopen'],
  ['broken', '退订', undefined],
  ['renegotiating', '我的计划', 'myPlan'],
];

describe('plan answers as borrowers type them', () => {
  it.each(CASES)('%s: "%s" → %s', (state, text, expected) => {
    expect(read(state, text)).toBe(expected);
  });
});

describe('promised dates', () => {
  it.each([
    ['明天', '2027-03-11'],
    ['大后天', '2027-03-13'],
    ['3天后', '2027-03-13'],
    ['三天内', '2027-03-13'],
    ['周一', '2027-03-15'],
    ['星期五', '2027-03-12'],
    ['下星期一', '2027-03-15'],
    ['2027-03-16', '2027-03-16'],
    ['2027年3月16日', '2027-03-16'],
    ['20号', '2027-03-20'],
    ['5号', '2027-04-05'],
    ['tomorrow', '2027-03-11'],
    ['in 4 days', '2027-03-14'],
    ['next monday', '2027-03-15'],
    ['March 18', '2027-03-18'],
    ['18 march', '2027-03-18'],
    ['2月30日', undefined],
    ['不知道', undefined],
  ])('"%s" → %s', (text, expected) => {
    expect(parsePromiseDate(text.toLowerCase(), today)).toBe(expected);
  });
});
