// Experiments through the API (role product_owner): refused for other roles, for a version failing the check and
// while one runs; a seeded 50 % split sends each new conversation to the arm the arm function names, recorded on the case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, startService, storeEnv, type RunningService } from '../helpers/service.js';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { assignArm } from '../../src/domain/experiments/experimentArm.js';

const PO = 'test-po-token-0000000001';
const ADMIN = 'test-admin-token-000001';
const AGENT = 'test-agent-token-00000001';
const TOKENS = `admin:admin:Admin:${ADMIN};product_owner:po:PO:${PO};agent:agent-li:Li:${AGENT}`;
const SEED = 'exact-count-seed';
const N = 12;

interface Arm {
  version: string;
  started: number;
  escalated: number;
  escalatedBy: Record<string, number>;
  optedOut: number;
}
interface Answer {
  id: string;
  version: string;
  control: Arm & string;
  candidate: Arm & string;
  problems: Array<{ field?: string; message: string }>;
  error: { code: string; message: string };
  experiment: { id: string; stoppedAt?: string };
  stoppedAt?: string;
  agreement: { verdict: string; pValue: number };
  escalation: { verdict: string };
  running: string | null;
}

async function call(service: RunningService, method: string, path: string, body?: unknown, token = PO) {
  const response = await fetch(`${service.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Answer };
}

describe.each(STORE_KINDS)('experiments on %s', (kind) => {
  let service: RunningService;
  let v1: string;
  let v2: string;
  const env = storeEnv(kind);
  beforeAll(async () => {
    service = await startService({ ...env, API_TOKENS: TOKENS });
    v1 = service.app.dialogs.current().version;
    const published = await call(service, 'POST', '/api/flows/publish', {
      base: v1,
      edits: { prompts: { 'zh-CN': { 'identity.askIdLast4': '为了确认是您本人，请输入身份证号码的最后四位。' } } },
      name: 'plainer identity question',
      note: 'to try on half of the traffic',
    });
    v2 = published.body.version;
    expect((await call(service, 'POST', `/api/flows/${v1}/current`)).status).toBe(200);
  });
  afterAll(() => service?.stop());

  it('other roles – 401 without a token; 403 for an agent and an admin on start and stop, for an agent on the list', async () => {
    const writes: Array<[string, unknown?]> = [
      ['/api/flows/experiments', { candidate: v2, candidatePercent: 50 }],
      ['/api/flows/experiments/0000abcd/stop'],
    ];
    for (const [path, body] of writes) {
      expect((await fetch(`${service.url}${path}`, { method: 'POST' })).status, path).toBe(401);
      for (const token of [AGENT, ADMIN]) expect((await call(service, 'POST', path, body, token)).status).toBe(403);
    }
    expect((await fetch(`${service.url}/api/flows/experiments`)).status).toBe(401);
    expect((await call(service, 'GET', '/api/flows/experiments', undefined, AGENT)).status).toBe(403);
    expect((await call(service, 'GET', '/api/flows/experiments', undefined, ADMIN)).status).toBe(200);
  });

  it('a candidate failing the check, the current version itself, an unknown version – 422, 422, 404; nothing runs', async () => {
    const files = (await service.app.flows.dialogs.files(v1))!;
    const broken = new Map(files);
    broken.set(
      'prompts/zh-CN.yaml',
      files.get('prompts/zh-CN.yaml')!.replace(/askIncome: .*/, 'askIncome: 不说就上门找您。'),
    );
    await service.app.stores.flowVersions.save('badbad000001', broken, new Date().toISOString());
    const refused = await call(service, 'POST', '/api/flows/experiments', {
      candidate: 'badbad000001',
      candidatePercent: 50,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.problems).toContainEqual(expect.objectContaining({ message: expect.stringContaining('上门') }));
    const same = await call(service, 'POST', '/api/flows/experiments', { candidate: v1, candidatePercent: 50 });
    expect(same.status).toBe(422);
    expect(same.body.problems.map((p) => p.message).join()).toContain('already current');
    expect(
      (await call(service, 'POST', '/api/flows/experiments', { candidate: 'abcdef999999', candidatePercent: 50 }))
        .status,
    ).toBe(404);
    expect(
      (await call(service, 'POST', '/api/flows/experiments', { candidate: v2, candidatePercent: 100 })).status,
    ).toBe(400);
    expect((await call(service, 'GET', '/api/flows/experiments')).body.running).toBeNull();
  });

  it(`a seeded 50 % split – ${N} new conversations go to the arms exactly as assignArm says, each case records its arm; a second start is 409; stop: new ones get the current version, running ones keep theirs`, async () => {
    const started = await call(service, 'POST', '/api/flows/experiments', {
      candidate: v2,
      candidatePercent: 50,
      seed: SEED,
    });
    expect(started.status).toBe(201);
    const id = started.body.id;
    expect(started.body).toMatchObject({
      control: v1,
      candidate: v2,
      candidatePercent: 50,
      seed: SEED,
      startedBy: 'po',
    });
    const again = await call(service, 'POST', '/api/flows/experiments', { candidate: v2, candidatePercent: 20 });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain(id);

    const expected = {
      control: { started: 0, humanRequested: 0, optedOut: 0 },
      candidate: { started: 0, humanRequested: 0, optedOut: 0 },
    };
    const borrowers = [];
    for (let i = 0; i < N; i++) {
      const conversationId = `xp-${kind}-${i}`;
      const borrower = service.borrower({ conversationId });
      borrowers.push(borrower);
      await borrower.say('你好');
      const arm = assignArm(SEED, caseIdFor('test', conversationId), 50);
      expected[arm].started += 1;
      if (i % 3 === 1) {
        await borrower.say('人工');
        expected[arm].humanRequested += 1;
      } else if (i % 3 === 2) {
        await borrower.say('不要再联系');
        expected[arm].optedOut += 1;
      }
      const { record } = await service.app.store.load(caseIdFor('test', conversationId));
      expect(record, conversationId).toMatchObject({ flowVersion: arm === 'candidate' ? v2 : v1, experiment: id });
    }
    expect(expected.control.started).toBeGreaterThan(0);
    expect(expected.candidate.started).toBeGreaterThan(0);

    const funnel = await call(service, 'GET', `/api/flows/experiments/${id}/funnel`);
    expect(funnel.status).toBe(200);
    for (const arm of ['control', 'candidate'] as const) {
      expect(funnel.body[arm]).toMatchObject({
        version: arm === 'control' ? v1 : v2,
        started: expected[arm].started,
        escalated: expected[arm].humanRequested,
        optedOut: expected[arm].optedOut,
      });
      expect(funnel.body[arm].escalatedBy).toEqual(
        expected[arm].humanRequested > 0 ? { humanRequested: expected[arm].humanRequested } : {},
      );
    }
    expect(funnel.body.agreement.verdict).toBe('tooFew');
    // The version's own funnel (every case of the version; here only the experiment's) shows the same ends.
    for (const arm of ['control', 'candidate'] as const) {
      const version = await fetch(`${service.url}/api/flows/${arm === 'control' ? v1 : v2}/funnel`, {
        headers: { authorization: `Bearer ${PO}` },
      }).then(async (r) => (await r.json()) as { milestones: Arm });
      expect(version.milestones).toMatchObject({
        started: expected[arm].started,
        escalatedBy: funnel.body[arm].escalatedBy,
        optedOut: expected[arm].optedOut,
      });
    }

    const stopped = await call(service, 'POST', `/api/flows/experiments/${id}/stop`);
    expect(stopped.status).toBe(200);
    expect(stopped.body.stoppedAt).toBeDefined();
    expect((await call(service, 'POST', `/api/flows/experiments/${id}/stop`)).status).toBe(409);
    const listed = await call(service, 'GET', '/api/flows/experiments');
    expect(listed.body.running).toBeNull();

    const after = service.borrower({ conversationId: `xp-${kind}-after` });
    await after.say('你好');
    const { record: afterRecord } = await service.app.store.load(caseIdFor('test', `xp-${kind}-after`));
    expect(afterRecord?.flowVersion).toBe(v1);
    expect(afterRecord?.experiment).toBeUndefined();
    const candidateIndex = Array.from({ length: N }, (_, i) => i).find(
      (i) => i % 3 === 0 && assignArm(SEED, caseIdFor('test', `xp-${kind}-${i}`), 50) === 'candidate',
    );
    expect(candidateIndex, 'a talking conversation in the candidate arm').toBeDefined();
    const replies = await borrowers[candidateIndex!]!.say('LN-2024-0001');
    expect(replies.replies.map((r) => r.text).join('\n')).toContain('为了确认是您本人');
    const { record } = await service.app.store.load(caseIdFor('test', `xp-${kind}-${candidateIndex}`));
    expect(record?.flowVersion).toBe(v2);
  });
  // Only a shared store carries an experiment to another instance.
  const onSharedStore: (name: string, test: () => Promise<void>) => void = kind === 'redis' ? it : () => undefined;
  onSharedStore(
    'started on one instance – another one assigns its new conversations to the same arms; stopped there – the first one follows',
    async () => {
      const second = await startService({ ...env, API_TOKENS: TOKENS });
      try {
        const started = await call(service, 'POST', '/api/flows/experiments', {
          candidate: v2,
          candidatePercent: 50,
          seed: SEED,
        });
        expect(started.status).toBe(201);
        await second.app.flows.experiments.sync();
        const conversationId = `xp-second-${kind}`;
        await second.borrower({ conversationId }).say('你好');
        const arm = assignArm(SEED, caseIdFor('test', conversationId), 50);
        const { record } = await second.app.store.load(caseIdFor('test', conversationId));
        expect(record).toMatchObject({ flowVersion: arm === 'candidate' ? v2 : v1, experiment: started.body.id });
        expect((await call(second, 'POST', `/api/flows/experiments/${started.body.id}/stop`)).status).toBe(200);
        await service.app.flows.experiments.sync();
        expect(service.app.flows.experiments.running()).toBeUndefined();
      } finally {
        await second.stop();
      }
    },
  );
});
