// The agent API's door: bearer tokens and roles, the OpenAPI document, and the claim race.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { startService, STORE_KINDS, storeEnv, type RunningService } from '../helpers/service.js';
import { deskClient, escalateAtOffers, openStream, TOKENS } from './deskClient.js';

describe.each(STORE_KINDS)('agent desk access (%s)', (kind) => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startService(storeEnv(kind));
  });
  afterAll(() => service.stop());

  test('no token – 401; unknown token – 401; admin token – 403 naming the roles', async () => {
    expect((await deskClient(service.url).get('/api/agent/queue')).status).toBe(401);
    expect((await deskClient(service.url, 'not-a-real-token-at-all').get('/api/agent/queue')).status).toBe(401);
    const admin = await deskClient(service.url, TOKENS.admin).get<{ error: { message: string } }>('/api/agent/queue');
    expect(admin.status).toBe(403);
    expect(admin.body.error.message).toContain('agent or supervisor');
    const stream = await fetch(`${service.url}/api/agent/events?access_token=${TOKENS.admin}`);
    expect(stream.status).toBe(403);
  });

  test('GET /api/agent/openapi.json – every operation with its request and response schema', async () => {
    const { status, body } = await deskClient(service.url).get<{
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>>;
    }>('/api/agent/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/api/agent/queue',
        '/api/agent/cases/{caseId}/claim',
        '/api/agent/cases/{caseId}/offers',
        '/api/agent/events',
      ]),
    );
    expect(body.paths['/api/agent/cases/{caseId}/offers']!.post!.requestBody).toBeDefined();
    expect(body.paths['/api/agent/cases/{caseId}/close']!.post!.responses['403']).toBeDefined();
  });

  test('invalid body – 400 naming the field', async () => {
    const borrower = service.borrower();
    await escalateAtOffers(borrower);
    const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
    const li = deskClient(service.url, TOKENS.li);
    await li.post(`/api/agent/cases/${caseId}/claim`);
    const answer = await li.post<{ error: { message: string } }>(`/api/agent/cases/${caseId}/close`, {
      outcome: 'whatever',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain('outcome');
    expect((await li.get('/api/agent/cases/c-unknown')).status).toBe(404);
  });

  test('two agents claim the same case at once – exactly one holds it; a supervisor may reassign, an agent may not', async () => {
    const borrower = service.borrower();
    await escalateAtOffers(borrower);
    const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
    const li = deskClient(service.url, TOKENS.li);
    const amy = deskClient(service.url, TOKENS.amy);
    expect(
      (await li.get<{ cases: Array<{ caseId: string }> }>('/api/agent/queue')).body.cases.map((c) => c.caseId),
    ).toContain(caseId);
    const answers = await Promise.all([
      li.post(`/api/agent/cases/${caseId}/claim`),
      amy.post(`/api/agent/cases/${caseId}/claim`),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const winner = answers.find((a) => a.status === 200)!.body.agentId as string;
    const view = await li.get<{ handoff: { agentId: string } }>(`/api/agent/cases/${caseId}`);
    expect(view.body.handoff.agentId).toBe(winner);
    expect(
      (await li.get<{ cases: Array<{ caseId: string }> }>('/api/agent/queue')).body.cases.map((c) => c.caseId),
    ).not.toContain(caseId);
    expect(service.connector.of(borrower.conversationId).filter((a) => a.name === 'handoff.status')).toHaveLength(1);

    expect((await amy.post(`/api/agent/cases/${caseId}/claim`, { reassign: true })).status).toBe(403);
    const reassigned = await deskClient(service.url, TOKENS.supervisor).post(`/api/agent/cases/${caseId}/claim`, {
      reassign: true,
    });
    expect(reassigned.status).toBe(200);
    expect(reassigned.body.agentId).toBe('sup-zhang');
  });

  test('stopping the service with a console still streaming – ends the stream instead of hanging', async () => {
    const other = await startService(storeEnv(kind));
    const stream = await openStream(other.url, TOKENS.li);
    const stopped = await Promise.race([
      other.stop().then(() => 'stopped'),
      new Promise((resolve) => setTimeout(() => resolve('hung'), 5000)),
    ]);
    stream.close();
    expect(stopped).toBe('stopped');
  });
});
