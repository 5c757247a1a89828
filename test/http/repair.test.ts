// Questions and small talk mid-flow, as borrowers type them: answered or acknowledged, then the pending question again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, startService, storeEnv, type RunningService } from '../helpers/service.js';
import { converse, type Line } from '../helpers/conversation.js';
import { textOf } from '../helpers/borrowerChannel.js';

interface RepairScript {
  locale: 'zh-CN' | 'zh-TW' | 'en';
  /** Up to a pending question, and a marker of that question. */
  toQuestion: Line[];
  pending: string;
  /** [question as typed, a phrase of its answer]. */
  questions: Array<[string, string]>;
  smallTalk: string[];
  greeted: string;
}

const SCRIPTS: RepairScript[] = [
  {
    locale: 'zh-CN',
    toQuestion: [
      ['在吗', '合同号'],
      ['LN-2024-0001', '后四位'],
      ['1234', '出生日期'],
      ['1990-05-20', '主要原因'],
      ['失业', '暂时的'],
    ],
    pending: '暂时的，还是会持续较长时间',
    questions: [
      ['这样会不会上征信啊', '征信'],
      ['罚息能不能免掉？', '减免'],
      ['停息挂账是啥意思', '停止计收利息'],
      ['我要是还不上会怎样', '再协商'],
      ['怎么证明你们是官方的', '绝不会向您索要密码'],
      ['在哪里还款', '官方'],
      ['能提前还吗', '提前还款'],
    ],
    smallTalk: ['你好', '在吗？', '谢谢～'],
    greeted: '您好，我在',
  },
  {
    locale: 'zh-TW',
    toQuestion: [
      ['哈囉', '合同號'],
      ['CC-55003300', '後四位'],
      ['8642', '出生日期'],
      ['1985-04-18', '主要原因'],
    ],
    pending: '主要原因',
    questions: [
      ['這樣會影響聯徵嗎', '聯徵'],
      ['違約金能不能免', '減免'],
      ['要還多久啊', '期數'],
    ],
    smallTalk: ['你好', '有人嗎', '謝謝'],
    greeted: '您好，我在',
  },
  {
    locale: 'en',
    toQuestion: [
      ['hi there', 'account reference'],
      ['LN-2025-0042', 'last four'],
      ['4321', 'date of birth'],
      ['1993-07-09', 'main reason'],
    ],
    pending: 'main reason',
    questions: [
      ['will this hurt my credit score?', 'credit bureaus'],
      ['how can I verify this is really the lender?', 'never ask for passwords'],
      ["what happens if I don't pay", 'tell us beforehand'],
      ['can I pay it off early', 'pay early'],
    ],
    smallTalk: ['hi', 'Hello?', 'thanks!'],
    greeted: 'Hello, I am here',
  },
];

describe.each(STORE_KINDS)('conversation repair on the %s store', (kind) => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startService(storeEnv(kind));
  });
  afterAll(() => service.stop());

  describe.each(SCRIPTS)('$locale', (script) => {
    it('questions mid-flow – each answered from the FAQ, the pending question asked again, never "did not understand"', async () => {
      const borrower = service.borrower({ locale: script.locale });
      await converse(borrower, script.toQuestion);
      const deliveries = await converse(
        borrower,
        script.questions.map(([question, answer]) => [question, [answer, script.pending]] as Line),
      );
      for (const delivery of deliveries)
        expect(delivery.replies.map(textOf).join('\n')).not.toMatch(/没有理解|沒有理解|did not understand/);
    });

    it('greetings and thanks – acknowledged, the pending question repeated', async () => {
      const borrower = service.borrower({ locale: script.locale });
      await converse(borrower, script.toQuestion);
      await converse(
        borrower,
        script.smallTalk.map((text) => [text, [script.greeted, script.pending]] as Line),
      );
    });
  });

  it.each([
    ['zh-CN', 'LN-2024-0001', '1234', '出生日期', '谢谢'],
    ['en', 'LN-2025-0042', '4321', 'date of birth', 'Thank you'],
  ] as const)(
    '%s: a birth date not understood – asked again without a second "thank you"',
    async (locale, ref, id, ask, thanks) => {
      const borrower = service.borrower({ locale });
      await converse(borrower, [
        ['hello', /合同号|account reference/],
        [ref, /后四位|last four/],
        [id, ask],
      ]);
      const [retry] = await converse(borrower, [['blah', ask]]);
      expect(retry!.replies.map(textOf).join('\n')).not.toContain(thanks);
    },
  );
});
