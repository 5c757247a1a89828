// Publishing a version from the API (role product_owner): checked per field, named with a note, used by new conversations only; roll back; export.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, startService, storeEnv, type RunningService } from '../helpers/service.js';

const PO = 'test-po-token-0000000001';
const ADMIN = 'test-admin-token-000001';
const AGENT = 'test-agent-token-00000001';
const TOKENS = `admin:admin:Admin:${ADMIN};product_owner:po:PO:${PO};agent:agent-li:Li:${AGENT}`;
const OLD = '為保護您的隱私，請先核實身份：請輸入您身分證號碼的後四位。';
const NEW = '為了確認是您本人，請輸入身分證號碼的最後四碼。';

interface Answer {
  version: string;
  ok: boolean;
  current: string;
  problems: Array<{ field?: string; severity: string; message: string }>;
  error: { message: string };
  prompts: Array<{ key: string; texts: Record<string, string> }>;
  versions: Array<{ version: string }>;
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

const askIdLast4 = (text: string) => ({ prompts: { 'zh-TW': { 'identity.askIdLast4': text } } });

describe.each(STORE_KINDS)('publishing a flow version on %s', (kind) => {
  let service: RunningService;
  const env = { ...storeEnv(kind), API_TOKENS: TOKENS };
  beforeAll(async () => {
    service = await startService(env);
  });
  afterAll(() => service?.stop());

  it('other roles – 401 without a token, 403 for an agent and an admin on the form, the check, publish and make current', async () => {
    const v1 = service.app.dialogs.current().version;
    const routes: Array<[string, string, unknown?]> = [
      ['GET', `/api/flows/${v1}/form`],
      ['POST', '/api/flows/check', { base: v1, edits: {} }],
      ['POST', '/api/flows/publish', { base: v1, edits: {}, name: 'x', note: 'y' }],
      ['POST', `/api/flows/${v1}/current`],
    ];
    for (const [method, path, body] of routes) {
      const response = await fetch(`${service.url}${path}`, { method });
      expect(response.status, `${method} ${path}`).toBe(401);
      for (const token of [AGENT, ADMIN]) expect((await call(service, method, path, body, token)).status).toBe(403);
    }
  });

  it('a forbidden phrase in a zh-TW prompt – the check names the field, publish is refused, nothing changes', async () => {
    const v1 = service.app.dialogs.current().version;
    const form = await call(service, 'GET', `/api/flows/${v1}/form`);
    expect(form.status).toBe(200);
    expect(form.body.prompts.find((p) => p.key === 'identity.askIdLast4')?.texts['zh-TW']).toBe(OLD);
    const edits = askIdLast4('不輸入就起訴您。請輸入身分證號碼的後四位。');
    const checked = await call(service, 'POST', '/api/flows/check', { base: v1, edits });
    expect(checked.status).toBe(200);
    expect(checked.body.ok).toBe(false);
    expect(checked.body.problems).toContainEqual(
      expect.objectContaining({
        field: 'prompts.zh-TW.identity.askIdLast4',
        severity: 'error',
        message: expect.stringContaining('起訴您'),
      }),
    );
    const refused = await call(service, 'POST', '/api/flows/publish', { base: v1, edits, name: 'stern', note: 'try' });
    expect(refused.status).toBe(422);
    expect(refused.body.problems.map((p) => p.field)).toContain('prompts.zh-TW.identity.askIdLast4');
    expect(service.app.dialogs.current().version).toBe(v1);
    const unknown = await call(service, 'POST', '/api/flows/check', { base: v1, edits: { policy: { 'no.such': 1 } } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('policy.no.such');
  });

  it('published with a note – listed with who, when and why; a running conversation keeps the old wording, a new one gets the new; make current rolls back', async () => {
    const v1 = service.app.dialogs.current().version;
    const running = service.borrower({ locale: 'zh-TW' });
    await running.say('你好');
    const published = await call(service, 'POST', '/api/flows/publish', {
      base: v1,
      edits: askIdLast4(NEW),
      name: '身份核實更口語',
      note: '借款人看不懂「核實」',
    });
    expect(published.status).toBe(201);
    const v2 = published.body.version;
    expect(v2).not.toBe(v1);
    expect(service.app.dialogs.current().version).toBe(v2);
    const listed = await call(service, 'GET', '/api/flows/versions');
    expect(listed.body.current).toBe(v2);
    expect(listed.body.versions.find((v) => v.version === v2)).toMatchObject({
      current: true,
      published: { name: '身份核實更口語', note: '借款人看不懂「核實」', by: 'po', basedOn: v1 },
    });

    expect((await running.say('LN-2024-0001')).replies.map((r) => r.text).join('\n')).toContain(OLD);
    const fresh = service.borrower({ locale: 'zh-TW' });
    await fresh.say('你好');
    const asked = (await fresh.say('LN-2024-0001')).replies.map((r) => r.text).join('\n');
    expect(asked).toContain(NEW);
    expect(asked).not.toContain(OLD);

    expect((await call(service, 'POST', `/api/flows/${v1}/current`)).status).toBe(200);
    expect(service.app.dialogs.current().version).toBe(v1);
    const after = service.borrower({ locale: 'zh-TW' });
    await after.say('你好');
    expect((await after.say('LN-2024-0001')).replies.map((r) => r.text).join('\n')).toContain(OLD);
  });

  // Only a shared store carries a published version to another instance and to `flows export`.
  const onSharedStore: (name: string, test: () => Promise<void>) => void = kind === 'redis' ? it : () => undefined;
  onSharedStore(
    'another instance follows the published version; `flows export` writes it as files that pass `flows check`',
    async () => {
      const v1 = service.app.dialogs.current().version;
      const second = await startService(env);
      try {
        const published = await call(service, 'POST', '/api/flows/publish', {
          base: v1,
          edits: askIdLast4(`${NEW}（二）`),
          name: 'second wording',
          note: 'for the export',
        });
        expect(published.status).toBe(201);
        await second.app.flows.dialogs.sync();
        expect(second.app.dialogs.current().version).toBe(published.body.version);
        const out = join(mkdtempSync(join(tmpdir(), 'xs-export-')), 'dialogs');
        const cli = (args: string[]) =>
          spawnSync(join('node_modules', '.bin', 'tsx'), ['src/cli/flows.ts', ...args], {
            encoding: 'utf8',
            timeout: 60_000,
            env: { ...process.env, ...env },
          });
        const exported = cli(['export', published.body.version, '--out', out]);
        expect(exported.stderr).toBe('');
        expect(exported.status).toBe(0);
        expect(exported.stdout).toContain('"second wording" by po');
        expect(readFileSync(join(out, 'prompts/zh-TW.yaml'), 'utf8')).toContain(`${NEW}（二）`);
        const checked = cli(['check', out]);
        expect(checked.status).toBe(0);
        expect(checked.stdout).toContain(`version ${published.body.version}`);
      } finally {
        await second.stop();
      }
    },
  );
});
