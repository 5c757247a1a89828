// Several facts in one message: every fact recorded and said back, the questions already answered skipped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, startService, storeEnv, type RunningService } from '../helpers/service.js';
import { converse, type Line } from '../helpers/conversation.js';
import { textOf } from '../helpers/borrowerChannel.js';

interface FactsScript {
  locale: 'zh-CN' | 'zh-TW' | 'en';
  toReason: Line[];
  /** [the message, what is said back, the answer to the duration question, the question that comes next]. */
  messages: Array<[string, string[], string, string]>;
  /** Questions that must not be asked again once answered ahead. */
  skipped: RegExp;
}

const SCRIPTS: FactsScript[] = [
  {
    locale: 'zh-CN',
    toReason: [
      ['你好', '合同号'],
      ['LN-2024-0001', '后四位'],
      ['1234', '出生日期'],
      ['1990-05-20', '主要原因'],
    ],
    messages: [
      [
        '我失业了，现在每月只有两千失业金，房租一千五',
        ['收到：月收入 ¥2,000', '收到：每月必要开支 ¥1,500'],
        '长期',
        '其他贷款',
      ],
      [
        '被裁员了，工资没了，现在靠失业金一个月两千，房租要一千五',
        ['收到：月收入 ¥2,000', '收到：每月必要开支 ¥1,500'],
        '长期的',
        '其他贷款',
      ],
      [
        '生意亏了，收入就三千左右，每个月开销两千五，还有两个孩子要养',
        ['收到：月收入 ¥3,000', '收到：每月必要开支 ¥2,500', '供养的有 2 人'],
        '会持续很久',
        '其他贷款',
      ],
    ],
    skipped: /税后收入|生活开支（/,
  },
  {
    locale: 'zh-TW',
    toReason: [
      ['哈囉', '合同號'],
      ['CC-55003300', '後四位'],
      ['8642', '出生日期'],
      ['1985-04-18', '主要原因'],
    ],
    messages: [
      ['我失業了，現在每月只有兩萬失業補助，房租一萬二', ['收到：月收入', '收到：每月必要開支'], '長期', '其他貸款'],
      [
        '工作沒了，薪水歸零，失業金一個月兩萬，房租要一萬二',
        ['收到：月收入', '收到：每月必要開支'],
        '應該會持續一段時間',
        '其他貸款',
      ],
      [
        '卡債太多還不完，薪水四萬，生活費三萬，要養兩個小孩',
        ['收到：月收入', '收到：每月必要開支', '供養的有 2 人'],
        '長期的',
        '其他貸款',
      ],
    ],
    skipped: /稅後收入|生活開支（/,
  },
  {
    locale: 'en',
    toReason: [
      ['hi', 'account reference'],
      ['LN-2025-0042', 'last four'],
      ['4321', 'date of birth'],
      ['1993-07-09', 'main reason'],
    ],
    messages: [
      [
        'I lost my job, I only get 1,200 a month in unemployment benefits and rent is 900',
        ['Noted: monthly income $1,200', 'Noted: essentials $900'],
        'long term',
        'other loans',
      ],
      [
        'got laid off. income is about 2000 now, rent 1500',
        ['Noted: monthly income $2,000', 'Noted: essentials $1,500'],
        'a year or two probably',
        'other loans',
      ],
      [
        'my hours were cut, i make 2500 a month, rent and bills 1800, 2 kids',
        ['Noted: monthly income $2,500', 'Noted: essentials $1,800', '2 people depend on you'],
        'long-term',
        'other loans',
      ],
    ],
    skipped: /monthly income after tax|What do you spend/,
  },
];

describe.each(STORE_KINDS)('several facts in one message on the %s store', (kind) => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startService(storeEnv(kind));
  });
  afterAll(() => service.stop());

  describe.each(SCRIPTS)('$locale', (script) => {
    it.each(script.messages)(
      '%j – every fact said back, answered questions skipped',
      async (typed, heard, duration, next) => {
        const borrower = service.borrower({ locale: script.locale });
        await converse(borrower, script.toReason);
        const deliveries = await converse(borrower, [
          [typed, heard],
          [duration, next],
        ]);
        expect(deliveries.at(-1)!.replies.map(textOf).join('\n')).not.toMatch(script.skipped);
      },
    );
  });
});
