// Offers and agreements state their cost through the real HTTP pipeline, in zh-CN, en and zh-TW: interest, fees, waiver, annualised rate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { converse, JOB_LOSS_TO_OFFERS } from '../helpers/conversation.js';
import { startService, storeEnv, type RunningService } from '../helpers/service.js';

describe('offers state their cost', () => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startService(storeEnv('memory'));
  });
  afterAll(() => service.stop());

  it('zh-CN jobLossM2 – every offer card says 其中利息, 其中费用 and 年化利率; the installment says its total covers the overdue part only', async () => {
    const borrower = service.borrower();
    const offers = (await converse(borrower, JOB_LOSS_TO_OFFERS)).at(-1);
    const cards = offers!.replies
      .flatMap((reply) => reply.attachments ?? [])
      .map((card) => JSON.stringify(card.content));
    expect(cards.length).toBeGreaterThan(1);
    for (const card of cards) expect(card).toMatch(/其中利息[\s\S]*其中费用[\s\S]*年化利率/);
    const all = cards.join('\n');
    expect(all).toContain('逾期金额分期');
    expect(all).toContain('合计应还（仅逾期部分');
  }, 30_000);

  it('zh-CN job loss, income 2 000, spending 3 000, recovery in 3 months – a 3-month pause first, before a plan beyond means', async () => {
    const borrower = service.borrower();
    const [offers] = await converse(borrower, [
      ...JOB_LOSS_TO_OFFERS.slice(0, 7),
      ['2000', '生活开支'],
      ['3000', '其他贷款'],
      ['没有', '供养'],
      ['1', '每月能还多少'],
      ['跳过', ['方案1', '宽限期', '暂停还款: 3 个月', '方案2', '超出']],
    ]).then((deliveries) => deliveries.slice(-1));
    const titles = offers!.replies
      .flatMap((reply) => reply.attachments ?? [])
      .map((card) => JSON.stringify(card.content));
    expect(titles[0]).toContain('宽限期');
    expect(titles[0]).not.toContain('超出');
  }, 30_000);

  it('en familyEmergencyM2En (USD) – the review and the agreement state interest, fees, waiver and APR; the counter-offer amount equals the card’s', async () => {
    const borrower = service.borrower({ locale: 'en' });
    await converse(borrower, [
      ['hello', 'account reference'],
      ['LN-2025-0042', 'last four'],
      ['4321', 'date of birth'],
      ['1993-07-09', 'main reason'],
      ['Family emergency', 'temporary or long-term'],
      ['Long-term', 'income'],
      ['5000', 'essentials'],
      ['3000', 'other loans'],
      ['None', 'depend'],
      ['0', 'each month'],
      ['Skip', ['Plan 1', 'Of which interest', 'Annualised rate (APR)']],
    ]);
    const [counter] = await converse(borrower, [['I can pay 400 a month', [/can be arranged/]]]);
    const text = counter!.replies.map((reply) => reply.text ?? '').join('\n');
    const amount = /(\$[\d,]+\.\d\d) a month can be arranged/.exec(text)?.[1];
    expect(amount).toBeDefined();
    const card = JSON.stringify(counter!.replies.flatMap((reply) => reply.attachments ?? []).map((a) => a.content));
    expect(card).toContain(`"value":"${amount}"`);
    await converse(borrower, [['I agree', ['Reference XS-', 'Of which interest', 'Annualised rate (APR)', 'Waived']]]);
  }, 30_000);

  it('zh-TW tooManyDebtsM4Tw (TWD) – amounts as NT$ without cents, 年化利率 on the cards and the agreement', async () => {
    const borrower = service.borrower({ locale: 'zh-TW' });
    const [, , , , , , , , , , , offers] = await converse(borrower, [
      ['您好', '合同號'],
      ['CC-55003300', '後四位'],
      ['8642', '出生日期'],
      ['1985-04-18', ['NT$90,000', '主要原因']],
      ['負債太多', '暫時'],
      ['長期的', '收入'],
      ['60000', '生活開支'],
      ['20000', '其他貸款'],
      ['沒有', '供養'],
      ['0', '每月能還多少'],
      ['跳過', '一次性結清'],
      ['沒有', ['方案1', '其中利息', '年化利率']],
    ]);
    const text = JSON.stringify(offers!.replies);
    expect(text).toMatch(/NT\$[\d,]+[^.\d]/);
    expect(text).not.toMatch(/NT\$[\d,]+\.\d/);
    await converse(borrower, [
      ['方案1', ['請確認還款協議', '年化利率']],
      ['我同意', ['協議編號', '年化利率', '其中費用']],
    ]);
  }, 30_000);
});
