// One escalation message: what happens next and one wait estimate, never "one working day" next to "5 minutes".
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startService, STORE_KINDS, storeEnv, type RunningService } from '../helpers/service.js';
import { converse, type Line } from '../helpers/conversation.js';

const SCRIPTS: Array<{ locale: 'zh-CN' | 'zh-TW' | 'en'; lines: Line[]; asks: string[]; estimate: RegExp }> = [
  {
    locale: 'zh-CN',
    lines: [
      ['你好', '合同号'],
      ['LN-2024-0001', '后四位'],
      ['1234', '出生日期'],
      ['1990-05-20', '主要原因'],
    ],
    asks: ['转人工', '这不是我借的', '我要跟真人说'],
    estimate: /预计约 \d+ 分钟/g,
  },
  {
    locale: 'zh-TW',
    lines: [
      ['哈囉', '合同號'],
      ['CC-55003300', '後四位'],
      ['8642', '出生日期'],
      ['1985-04-18', '主要原因'],
    ],
    asks: ['我要轉人工', '這不是我的債務', '找真人'],
    estimate: /預計約 \d+ 分鐘/g,
  },
  {
    locale: 'en',
    lines: [
      ['hi', 'account reference'],
      ['LN-2025-0042', 'last four'],
      ['4321', 'date of birth'],
      ['1993-07-09', 'main reason'],
    ],
    asks: ['can I talk to a real person', "this isn't my loan", 'agent please'],
    estimate: /about \d+ minutes?/g,
  },
];

describe.each(STORE_KINDS)('the escalation message (%s)', (kind) => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startService(storeEnv(kind));
  });
  afterAll(() => service.stop());

  for (const script of SCRIPTS)
    test.each(script.asks)(
      `${script.locale}: %j – one wait estimate, no second promise of another time`,
      async (ask) => {
        const borrower = service.borrower({ locale: script.locale });
        await converse(borrower, script.lines);
        await borrower.say(ask);
        await expect.poll(() => borrower.allText().match(script.estimate)?.length ?? 0).toBe(1);
        expect(borrower.allText()).not.toMatch(/工作日|working day|几分钟内|幾分鐘內|within a few minutes/);
      },
    );
});
