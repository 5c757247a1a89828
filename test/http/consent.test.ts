// Consent at the written confirmation, as borrowers type it, in three locales through the real HTTP pipeline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { STORE_KINDS, startService, storeEnv, type RunningService } from '../helpers/service.js';
import { converse, type Line } from '../helpers/conversation.js';
import { CONFIRMING, type ConsentScript } from './consentScripts.js';

describe.each(STORE_KINDS)('consent on the %s store', (kind) => {
  let service: RunningService;
  let now = new Date('2026-12-01T09:00:00Z');
  beforeAll(async () => {
    service = await startService(storeEnv(kind), { clock: () => now });
  });
  afterAll(() => service.stop());

  const open = async (script: ConsentScript) => {
    const borrower = service.borrower({ locale: script.locale });
    await converse(borrower, script.toReview);
    return { borrower, caseId: caseIdFor(borrower.channelId, borrower.conversationId) };
  };
  const noAgreement = async (caseId: string) => {
    expect(await service.app.store.agreement(caseId)).toBeUndefined();
    expect((await service.app.store.load(caseId)).record?.status).toBe('active');
  };

  describe.each(CONFIRMING)('$locale', (script) => {
    it.each(script.hedges)('hedges "%s" – told nothing is signed, no agreement', async (hedge) => {
      const { borrower, caseId } = await open(script);
      await converse(borrower, [[hedge, [script.says.notSigned, script.says.agreeButton]]]);
      await noAgreement(caseId);
    });

    it.each(script.softYes)('answers only "%s" – asked outright, then a plain yes signs', async (soft) => {
      const { borrower, caseId } = await open(script);
      await converse(borrower, [[soft, script.says.askConsent]]);
      await noAgreement(caseId);
      await converse(borrower, [[soft, script.says.askConsent]]);
      await noAgreement(caseId);
      await converse(borrower, [[script.plainYes, script.says.recorded]]);
      expect(await service.app.store.agreement(caseId)).toBeDefined();
    });

    it.each(script.otherPlan)(
      'picks another plan "%s" at the confirmation – that plan is reviewed, nothing signed',
      async (pick, plan) => {
        const { borrower, caseId } = await open(script);
        await converse(borrower, [[pick, [script.says.review, plan]]]);
        await noAgreement(caseId);
      },
    );

    it.each(script.negations)('says no "%s" – back to the plans, nothing signed', async (no) => {
      const { borrower, caseId } = await open(script);
      await converse(borrower, [[no, script.says.offers]]);
      await noAgreement(caseId);
    });

    it.each(script.unclear)('types "%s" – the summary and the button again, nothing signed', async (text) => {
      const { borrower, caseId } = await open(script);
      await converse(borrower, [[text, [script.says.review, script.says.agreeButton]]]);
      await noAgreement(caseId);
    });

    it.each(script.amounts)('names an amount "%s" – read as a counter-offer, nothing signed', async (amount, reply) => {
      const { borrower, caseId } = await open(script);
      await converse(borrower, [[amount, reply]]);
      await noAgreement(caseId);
    });

    it.each(script.explicit)('agrees explicitly "%s" – the agreement is recorded', async (agree) => {
      const { borrower, caseId } = await open(script);
      await converse(borrower, [[agree, script.says.recorded]]);
      expect((await service.app.store.load(caseId)).record?.status).toBe('agreed');
    });

    it('cancels within the window – the agreement stays stored unchanged, a cancellation is appended, back to the offers; agreeing again records a new one', async () => {
      const { borrower, caseId } = await open(script);
      await converse(borrower, [[script.explicit[0]!, script.says.recorded]]);
      const first = await service.app.store.agreement(caseId);
      now = new Date(now.getTime() + 3 * 3_600_000);
      await converse(borrower, [[script.cancels[0]!, [first!.reference, script.says.offers]]]);
      expect(await service.app.store.agreement(caseId)).toEqual(first);
      expect(await service.app.store.cancellations(caseId)).toEqual([
        { reference: first!.reference, caseId, cancelledAt: now.toISOString(), by: 'borrower' },
      ]);
      const record = (await service.app.store.load(caseId)).record;
      expect(record?.status).toBe('active');
      expect(record?.agreementRef).toBeUndefined();
      const transcript = await service.app.store.transcript(caseId);
      expect(transcript.find((entry) => entry.text === 'agreement.cancelled')?.data).toEqual({
        reference: first!.reference,
        by: 'borrower',
      });

      now = new Date(now.getTime() + 60_000);
      await converse(borrower, [
        [script.toReview.at(-1)![0], script.says.review],
        [script.explicit[1]!, script.says.recorded],
      ]);
      const second = await service.app.store.agreement(caseId);
      expect(second?.reference).not.toBe(first!.reference);
      expect((await service.app.store.load(caseId)).record?.agreementRef).toBe(second!.reference);
    });

    it('asks to cancel after the window – refused politely, the agreement stays in force', async () => {
      const { borrower, caseId } = await open(script);
      await converse(borrower, [[script.explicit[0]!, script.says.recorded]]);
      const agreement = await service.app.store.agreement(caseId);
      now = new Date(now.getTime() + 25 * 3_600_000);
      await converse(borrower, [[script.cancels[1]!, [agreement!.reference, script.says.cancelClosed]]]);
      expect(await service.app.store.cancellations(caseId)).toEqual([]);
      expect((await service.app.store.load(caseId)).record?.status).toBe('agreed');
    });
  });

  it.each([
    ['我同意', '我同意'],
    ['同意！', '确认签署'],
  ] as const)(
    'a plan beyond the borrower\'s means – "%s" brings a second, explicit warning with a person offered; "%s" then signs',
    async (first, second) => {
      const borrower = service.borrower({ locale: 'zh-TW' });
      const beyondMeans: Line[] = [
        ['在嗎', '合同號'],
        ['CC-55003300', '後四位'],
        ['8642', '出生日期'],
        ['1985-04-18', '主要原因'],
        ['卡債太多了', '暫時'],
        ['長期的', '收入'],
        ['30000', '開支'],
        ['兩萬', '其他貸款'],
        ['5000', '供養'],
        ['1', '每月能還多少'],
        ['跳過', '一次性'],
        ['沒有', '方案1'],
        ['方案1', '請確認還款協議'],
      ];
      await converse(borrower, beyondMeans);
      const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
      await converse(borrower, [[first, ['超出了', '轉人工', '我同意']]]);
      await noAgreement(caseId);
      await converse(borrower, [[second, '協議已記錄']]);
      expect((await service.app.store.load(caseId)).record?.status).toBe('agreed');
    },
  );
});
