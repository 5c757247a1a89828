// Each browser of one conversation reads what it is entitled to: a device that has not passed the identity check
// reads (stream and polling) only its own exchange, even after another device passed it, and cannot act on the case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from 'botframework-directlinejs';
import { caseIdFor } from '../../../src/conversation/caseIdentity.js';
import { STORE_KINDS, type RunningService } from '../../helpers/service.js';
import { directLineClient, textOf } from './nodeDirectLine.js';
import { call, generate, startWebChatService } from './webChatService.js';
import { play, TO_THE_OFFERS } from './phoneBorrower.js';

const VERIFY: Array<[string, RegExp]> = [
  ['1234', /出生日期/],
  ['1990-05-20', /身份核实成功/],
];
/** Anything of the case: an amount, the agreement reference, the arrears, the plan. */
const CASE_FACTS = /XS-\d{8}|¥|已逾期|还款计划|协议 XS|工作人员正在处理|协商已结束/;
const IDENTITY_PROMPTS = /新的设备或浏览器|身份证号码的后四位|出生日期|核实/;

const botTexts = (activities: readonly Activity[]) => activities.filter((a) => a.from?.role !== 'user').map(textOf);

describe.each(STORE_KINDS)('what each device of a conversation reads (%s)', (kind) => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startWebChatService(kind);
  });
  afterAll(() => service.stop());

  const invite = async () =>
    (await call(service.url, '/api/admin/invites', { token: 'dev-admin-token', body: { accountRef: 'LN-2024-0001' } }))
      .body.invite;
  async function opened(deviceKey: string, link: unknown, webSocket: boolean) {
    const answer = await generate(service.url, { invite: link, locale: 'zh-CN', deviceKey });
    return { ...answer, client: directLineClient(service.url, { token: answer.token, webSocket }) };
  }
  /** What polling GET /activities answers this device's token, from the start of the log. */
  async function polled(conversationId: string, token: string): Promise<Activity[]> {
    const response = await fetch(
      `${service.url}/v3/directline/conversations/${conversationId}/activities?watermark=0`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(response.status).toBe(200);
    return ((await response.json()) as { activities: Activity[] }).activities;
  }
  const key = (name: string) => `device-key-${name}-${kind}-0123456789`;

  it('an unverified device reads nothing after another device verifies and the conversation goes on; its cancellation is refused', async () => {
    const link = await invite();
    const phone = await opened(key('phone'), link, false);
    await phone.client.waitFor((activity) => /身份证号码的后四位/.test(textOf(activity)));
    await play(phone.client, [...TO_THE_OFFERS, ['方案1', /请确认还款协议/], ['我同意', /协议已记录/]]);
    const caseId = caseIdFor('directline', phone.conversationId);
    const reference = (await service.app.store.agreement(caseId))!.reference;

    // The laptop opens the link over WebSocket and does not answer; the tablet answers and is shown the agreement.
    const laptop = await opened(key('laptop'), link, true);
    await laptop.client.waitFor((activity) => /身份证号码的后四位/.test(textOf(activity)));
    const agreementLink = (token: string) =>
      call(service.url, `/v3/directline/conversations/${phone.conversationId}/agreement`, { token, body: {} });
    // The phone is not asked who it is again because another device joined: answered, its agreement link kept.
    await play(phone.client, [['我的计划', new RegExp(reference)]]);
    expect((await agreementLink(phone.token)).status).toBe(200);
    const tablet = await opened(key('tablet'), link, false);
    await tablet.client.waitFor((activity) => /身份证号码的后四位/.test(textOf(activity)));
    await play(tablet.client, VERIFY);
    await tablet.client.waitFor((activity) =>
      JSON.stringify(activity.type === 'message' ? (activity.attachments ?? []) : []).includes(reference),
    );
    // The phone goes on: it is not asked who it is again, and is answered.
    await play(phone.client, [['我的计划', new RegExp(reference)]]);
    expect(botTexts(phone.client.received.slice(-1)).join('\n')).not.toMatch(/身份证号码的后四位/);

    // The laptop's refused cancellation: asked again who it is, the agreement stands.
    await play(laptop.client, [['我要取消协议', /身份证号码的后四位/]]);
    expect(await service.app.store.cancellations(caseId)).toEqual([]);
    expect((await service.app.store.load(caseId)).record?.status).toBe('agreed');
    await play(phone.client, [['我的计划', new RegExp(reference)]]);

    const streamed = laptop.client.received;
    expect(botTexts(streamed).join('\n')).not.toMatch(CASE_FACTS);
    for (const text of botTexts(streamed)) expect(text).toMatch(IDENTITY_PROMPTS);
    expect(streamed.map(textOf)).not.toContain('我的计划');
    expect(streamed.map(textOf)).not.toContain('1234');
    expect(streamed.map(textOf)).not.toContain('1990-05-20');
    const seenByPolling = await polled(laptop.conversationId, laptop.token);
    expect(seenByPolling.map(textOf)).toEqual(streamed.map(textOf));
    expect(seenByPolling.every((a) => !('xsAudience' in a))).toBe(true);
    // The phone (which started it) and the tablet (verified) read everything, the laptop's exchange too.
    expect((await polled(phone.conversationId, phone.token)).map(textOf)).toEqual(
      expect.arrayContaining(['我的计划', '我要取消协议']),
    );
    expect((await agreementLink(laptop.token)).status).toBe(403);
    expect((await agreementLink(tablet.token)).status).toBe(200);
    expect((await agreementLink(phone.token)).status).toBe(200);
    for (const device of [phone, laptop, tablet]) device.client.end();
  }, 120_000);

  it.each([
    ['escalated', /工作人员正在处理/],
    ['closed', /协商已结束/],
  ])(
    'a new device on the %s case: only its identity questions, nothing said after it joined, then where the case stands',
    async (status, shown) => {
      const link = await invite();
      const phone = await opened(key(`phone-${status}`), link, false);
      await phone.client.waitFor((activity) => /身份证号码的后四位/.test(textOf(activity)));
      await play(phone.client, [...TO_THE_OFFERS.slice(0, 2), ['转人工', /工作人员|排队/]]);
      const caseId = caseIdFor('directline', phone.conversationId);
      if (status === 'closed') {
        const agent = { token: 'dev-agent-token', body: {} };
        expect((await call(service.url, `/api/agent/cases/${encodeURIComponent(caseId)}/claim`, agent)).status).toBe(
          200,
        );
        const closed = await call(service.url, `/api/agent/cases/${encodeURIComponent(caseId)}/close`, {
          ...agent,
          body: { outcome: 'disputeUpheld' },
        });
        expect(closed.status).toBe(200);
      }
      expect((await service.app.store.load(caseId)).record?.status).toBe(status);

      const laptop = await opened(key(`laptop-${status}`), link, true);
      await laptop.client.waitFor((activity) => /身份证号码的后四位/.test(textOf(activity)));
      const before = laptop.client.received.length;
      await phone.client.say('我的情况是失业了，收入 8000');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(laptop.client.received.length).toBe(before);
      expect((await polled(laptop.conversationId, laptop.token)).map(textOf)).not.toContain(
        '我的情况是失业了，收入 8000',
      );
      expect(botTexts(laptop.client.received).join('\n')).not.toMatch(CASE_FACTS);
      await play(laptop.client, VERIFY);
      await laptop.client.waitFor((activity) => shown.test(textOf(activity)));
      for (const device of [phone, laptop]) device.client.end();
    },
    90_000,
  );
});
