// Whole interviews as borrowers type them on a phone — reasons in their own words, spans in years and halves,
// spending given in parts — each answer understood and said back, never "did not understand".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, storeEnv, type RunningService } from '../helpers/service.js';
import { converse, type Line } from '../helpers/conversation.js';
import { textOf } from '../helpers/borrowerChannel.js';

const INTERVIEWS: Array<[string, 'zh-CN' | 'en' | 'zh-TW', Line[]]> = [
  [
    'laid off, unsure how long, wife helps',
    'zh-CN',
    [
      ['喂', '合同号'],
      ['LN-2024-0001', '后四位'],
      ['1234', '出生日期'],
      ['90年5月20号', '主要原因'],
      ['被公司裁了', '暂时的'],
      ['不好说，可能要好几个月', '几个月'],
      ['半年吧', ['收到：大约 6 个月后收入能恢复', '税后收入']],
      ['现在没收入', ['收到：月收入 ¥0.00', '生活开支']],
      // Another answer, given early: recorded and said back, and the spending question asked again (not answered by it).
      ['信用卡每个月还八百', ['收到：每月还其他贷款 ¥800.00', '生活开支']],
      ['房租两千，吃饭一千多', ['收到：每月必要开支 ¥3,000.00', '供养']],
      ['一个孩子', ['收到：需要您供养的有 1 人', '每月能还多少']],
      ['最多一千', ['收到：您每月能还 ¥1,000.00', '方案1']],
      ['这几个方案有什么区别', ['方案是根据以下信息得出的', '方案1']],
    ],
  ],
  [
    'hours cut, for a while, spending in parts',
    'en',
    [
      ['hey', 'account reference'],
      ['my account is LN-2025-0042', 'last four'],
      ['4321', 'date of birth'],
      ['July 9th 1993', 'main reason'],
      ['my hours got cut at work', 'temporary'],
      ['probably for a while', 'monthly income'],
      ['around 2k a month', ['Noted: monthly income $2,000.00', 'essentials']],
      ['rent is 900, food and bills maybe 600', ['Noted: essentials $1,500.00', 'other loans']],
      ['car loan is 150, credit card 100', ['Noted: $250.00 a month on other debts', 'depend on you']],
      ['two kids', ['Noted: 2 people depend on you', 'each month']],
      ['maybe 300?', ['Noted: you can pay $300.00', 'Plan 1']],
      ["what's the difference between these", ['These plans come from', 'Plan 1']],
    ],
  ],
  [
    'business slow, a year and a half',
    'zh-TW',
    [
      ['你好', '合同號'],
      ['CC-55003300', '後四位'],
      ['8642', '出生日期'],
      ['民國74年4月18日', '主要原因'],
      ['生意不好做', '暫時'],
      ['應該是暫時的吧', '幾個月'],
      ['大概一年半', ['收到：大約 18 個月後收入能恢復', '稅後收入']],
      ['薪水三萬，兼職收入五千', ['收到：月收入 NT$35,000', '生活開支']],
    ],
  ],
];

describe('borrowers in their own words (memory store)', () => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startService(storeEnv('memory'));
  });
  afterAll(() => service.stop());

  it.each(INTERVIEWS)('%s (%s) – every answer understood and said back', async (_, locale, lines) => {
    const deliveries = await converse(service.borrower({ locale }), lines);
    for (const delivery of deliveries)
      expect(delivery.replies.map(textOf).join('\n')).not.toMatch(/没有理解|沒有理解|did not understand|必要开支 ¥800/);
  });

  it('"撤销协议" at the confirmation, before anything is signed – back to the plans, nothing recorded', async () => {
    const borrower = service.borrower({ locale: 'zh-CN' });
    await converse(borrower, [...INTERVIEWS[0]![2].slice(0, -1), ['方案1', '请确认还款协议']]);
    const [back] = await converse(borrower, [['撤销协议', '方案1']]);
    expect(back!.replies.map(textOf).join('\n')).not.toMatch(/协议已记录|没有理解/);
  });
});
