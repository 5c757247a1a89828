// Conversations as data: what the borrower says, and what the bot's replies must contain.
import { expect } from 'vitest';
import { buttonsOf, textOf, type BorrowerChannel, type Delivery } from './borrowerChannel.js';

export type Line = readonly [borrowerSays: string, botRepliesContain: string | RegExp | readonly (string | RegExp)[]];

/** Sends each line and checks the replies to it; returns the deliveries for further checks. */
export async function converse(borrower: BorrowerChannel, lines: readonly Line[]): Promise<Delivery[]> {
  const deliveries: Delivery[] = [];
  for (const [says, expected] of lines) {
    const delivery = await borrower.say(says);
    expect(delivery.status, `"${says}" answered ${delivery.status}: ${JSON.stringify(delivery.body)}`).toBe(200);
    const replies = delivery.replies.map((reply) => `${textOf(reply)} ${buttonsOf(reply).join(' ')}`).join('\n');
    for (const part of Array.isArray(expected) ? expected : [expected]) {
      if (typeof part === 'string') expect(replies, `after "${says}"`).toContain(part);
      else expect(replies, `after "${says}"`).toMatch(part);
    }
    deliveries.push(delivery);
  }
  return deliveries;
}

/** From hello to the offers, for the jobLossM2 demo borrower (LN-2024-0001). */
export const JOB_LOSS_TO_OFFERS: readonly Line[] = [
  ['你好', ['自动协商助手', '记录', '人工', '合同号']],
  ['LN-2024-0001', '身份证号码的后四位'],
  ['1234', '出生日期'],
  ['1990-05-20', ['身份核实成功', '逾期 ¥4,500.00', '45 天', '主要原因']],
  ['失业', '暂时的'],
  ['暂时的', '几个月'],
  ['3', '税后收入'],
  ['8000', '生活开支'],
  ['三千五', '其他贷款'],
  ['没有', '供养'],
  ['1', '每月能还多少'],
  ['两千五', ['方案1', '方案2', '每月还款', '转人工']],
];
