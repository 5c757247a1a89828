// LN-2024-0001's borrower on a phone over Direct Line: the answers from the identity check to the offers, played in turn.
import { textOf, type Client } from './nodeDirectLine.js';

export const TO_THE_OFFERS: Array<[string, RegExp]> = [
  ['1234', /出生日期/],
  ['1990-05-20', /已逾期 45 天/],
  ['失业', /暂时的，还是/],
  ['暂时的', /几个月后收入/],
  ['3', /税后收入/],
  ['8000', /生活开支/],
  ['三千五', /其他贷款或信用卡/],
  ['没有', /供养/],
  ['1', /每月能还多少/],
  ['两千五', /以下方案/],
];

/** Says each text and waits for the answer after it (earlier messages do not count). */
export async function play(client: Client, steps: ReadonlyArray<[string, RegExp]>): Promise<void> {
  for (const [text, expected] of steps) {
    const before = client.received.length;
    await client.say(text);
    await client.waitFor(
      (activity) => client.received.indexOf(activity) >= before && expected.test(textOf(activity)),
      20_000,
    );
  }
}
