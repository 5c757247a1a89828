// Start-up refuses broken configuration and broken dialogs, naming what is wrong.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyDialogs } from '../helpers/dialogsCopy.js';
import { COMPILED_MAIN } from '../helpers/childService.js';

function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, [COMPILED_MAIN], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', PORT: '0', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, stderr: result.stderr };
}

function brokenDialogs(from: string | RegExp, to: string): string {
  const copy = copyDialogs();
  copy.edit('negotiation.flow.yaml', from, to);
  return copy.dir;
}

describe('start-up', () => {
  it('a flow with a state nothing leads to – exits 1 naming the file, the state and the problem', () => {
    const dir = brokenDialogs(
      '  closed:\n',
      '  forgotten:\n    entry: [{ type: say, params: { key: closing.stopped } }]\n    type: final\n\n  closed:\n',
    );
    const { code, stderr } = start({ DIALOGS_DIR: dir });
    expect(code).toBe(1);
    expect(stderr).toContain('XS_FLOW_INVALID');
    expect(stderr).toContain(join(dir, 'negotiation.flow.yaml'));
    expect(stderr).toMatch(/state forgotten: unreachable/);
  });

  it('a flow naming a guard that does not exist – exits 1 naming it', () => {
    const dir = brokenDialogs('guard: hasIdentityTriesLeft', 'guard: hasIdentityTriesLeftt');
    const { code, stderr } = start({ DIALOGS_DIR: dir });
    expect(code).toBe(1);
    expect(stderr).toContain('unknown guard "hasIdentityTriesLeftt"');
    expect(stderr).toContain('conversation.verifyingIdentity');
  });

  it('PORT=abc – exits 1 naming PORT and what it expects', () => {
    const { code, stderr } = start({ PORT: 'abc' });
    expect(code).toBe(1);
    expect(stderr).toContain('XS_CONFIG_INVALID');
    expect(stderr).toMatch(/PORT="abc": .*number/);
  });
});

describe('workers', () => {
  it('WORKERS=2 on the memory store – exits 1 saying more than one worker needs Redis', () => {
    const { code, stderr } = start({ WORKERS: '2' });
    expect(code).toBe(1);
    expect(stderr).toContain('WORKERS=2');
    expect(stderr).toContain('set REDIS_URL');
  });

  it('WORKERS=many – exits 1 naming WORKERS and what it accepts', () => {
    const { code, stderr } = start({ WORKERS: 'many' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/WORKERS="many": a number from 1 to 64, or auto/);
  });
});
