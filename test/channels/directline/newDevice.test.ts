// A new device on the invitation link: nothing of the case (amounts, the agreement link) before it answers who it is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, type RunningService } from '../../helpers/service.js';
import type { Activity } from 'botframework-directlinejs';
import { directLineClient, textOf } from './nodeDirectLine.js';
import { call, generate, startWebChatService } from './webChatService.js';
import { play, TO_THE_OFFERS } from './phoneBorrower.js';

const attachmentsOf = (activity: Activity) => (activity.type === 'message' ? (activity.attachments ?? []) : []);

describe.each(STORE_KINDS)('a new device on the invitation link (%s)', (kind) => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startWebChatService(kind);
  });
  afterAll(() => service.stop());

  const PHONE = 'device-key-of-the-borrowers-phone-01';
  const LAPTOP = 'device-key-of-a-laptop-opening-it-02';

  async function opened(deviceKey: string, invite: unknown) {
    const answer = await generate(service.url, { invite, locale: 'zh-CN', deviceKey });
    return { ...answer, client: directLineClient(service.url, { token: answer.token, webSocket: false }) };
  }
  const agreementLink = (conversationId: string, token: string) =>
    call(service.url, `/v3/directline/conversations/${conversationId}/agreement`, { token, body: {} });

  it('an agreed case: the new device sees no agreement and gets 403 for its link until it answers; then the agreement and its link', async () => {
    const made = await call(service.url, '/api/admin/invites', {
      token: 'dev-admin-token',
      body: { accountRef: 'LN-2024-0001' },
    });
    const phone = await opened(PHONE, made.body.invite);
    try {
      await phone.client.waitFor((activity) => /身份证号码的后四位/.test(textOf(activity)));
      await play(phone.client, [...TO_THE_OFFERS, ['方案1', /请确认还款协议/], ['我同意', /协议已记录/]]);
      expect((await agreementLink(phone.conversationId, phone.token)).status).toBe(200);
    } finally {
      phone.client.end();
    }

    const laptop = await opened(LAPTOP, made.body.invite);
    try {
      expect(laptop.conversationId).toBe(phone.conversationId);
      await laptop.client.waitFor((activity) => /身份证号码的后四位/.test(textOf(activity)));
      const refused = await agreementLink(laptop.conversationId, laptop.token);
      expect(refused.status).toBe(403);
      expect(refused.body.error).toMatchObject({ message: expect.stringMatching(/identity/) });
      await play(laptop.client, [
        ['1234', /出生日期/],
        ['1990-05-20', /身份核实成功/],
      ]);
      const shown = await laptop.client.waitFor((activity) => attachmentsOf(activity).length > 0);
      expect(JSON.stringify(attachmentsOf(shown))).toMatch(/XS-\d{8}-[0-9A-Z]{6}/);
      const given = await agreementLink(laptop.conversationId, laptop.token);
      expect(given.status).toBe(200);
      expect(given.body.url).toMatch(/\/agreement\?t=/);
      // The phone that started the conversation keeps its link once the case is verified again.
      expect((await agreementLink(phone.conversationId, phone.token)).status).toBe(200);
    } finally {
      laptop.client.end();
    }

    // A third browser that answers wrongly is refused, and is told nothing of the case.
    const stranger = await opened('device-key-of-someone-else-0003', made.body.invite);
    try {
      await play(stranger.client, [
        ['4321', /出生日期/],
        ['1980-01-01', /不符/],
      ]);
      expect((await agreementLink(stranger.conversationId, stranger.token)).status).toBe(403);
      const seen = stranger.client.received.map(textOf).join('\n');
      expect(seen).not.toMatch(/XS-\d{8}|¥|已逾期/);
    } finally {
      stranger.client.end();
    }
  }, 90_000);

  it('offers on the table: the new device verifies and is back at the offers, not at the first interview question', async () => {
    const made = await call(service.url, '/api/admin/invites', {
      token: 'dev-admin-token',
      body: { accountRef: 'LN-2024-0001' },
    });
    const phone = await opened(PHONE, made.body.invite);
    try {
      await phone.client.waitFor((activity) => /身份证号码的后四位/.test(textOf(activity)));
      await play(phone.client, TO_THE_OFFERS);
    } finally {
      phone.client.end();
    }
    const laptop = await opened(LAPTOP, made.body.invite);
    try {
      await laptop.client.waitFor((activity) => /身份证号码的后四位/.test(textOf(activity)));
      await play(laptop.client, [
        ['1234', /出生日期/],
        ['1990-05-20', /以下方案/],
      ]);
      const offers = await laptop.client.waitFor((activity) => attachmentsOf(activity).length > 1);
      expect(attachmentsOf(offers).length).toBeGreaterThan(1);
      expect(laptop.client.received.map(textOf).join('\n')).not.toMatch(/暂时的，还是|遇到了什么困难/);
      await play(laptop.client, [['方案1', /请确认还款协议/]]);
    } finally {
      laptop.client.end();
    }
  }, 90_000);
});
