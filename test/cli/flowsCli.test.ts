// `npm run flows -- check | graph | try` as a product owner runs them: real processes, stdin and stdout.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyDialogs } from '../helpers/dialogsCopy.js';

function flows(args: string[], input = '') {
  const result = spawnSync(join('node_modules', '.bin', 'tsx'), ['src/cli/flows.ts', ...args], {
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('flows check', () => {
  it('the shipped dialogs/ – exit 0 with the version and no warnings', () => {
    const { code, out } = flows(['check']);
    expect(code).toBe(0);
    expect(out).toMatch(/✓ dialogs: .* sound — version [0-9a-f]{12}/);
    expect(out).not.toContain('warning');
  });

  it('a copy with a prompt nobody says – exit 0, the unused prompt listed as a warning', () => {
    const copy = copyDialogs();
    for (const locale of ['zh-CN', 'zh-TW', 'en'])
      copy.edit(`prompts/${locale}.yaml`, /^common:\n/m, 'common:\n  neverSaid: "…"\n');
    const { code, out } = flows(['check', copy.dir]);
    expect(code).toBe(0);
    expect(out).toMatch(/\.yaml:\d+: warning: prompt common\.neverSaid: unused/);
  });

  it('a copy that renames presentingOffers without its tag – exit 1 naming the file, the state and the tag', () => {
    const copy = copyDialogs();
    copy.edit('negotiation.flow.yaml', /presentingOffers:\n {12}tags: \[resume\.offers\]\n/, 'showingOffers:\n');
    copy.edit('negotiation.flow.yaml', /(target|initial): presentingOffers/g, '$1: showingOffers');
    const { code, out } = flows(['check', copy.dir]);
    expect(code).toBe(1);
    expect(out).toMatch(
      /negotiation\.flow\.yaml: state conversation\.negotiating\.presentingOffers: tag resume\.offers: no state carries it/,
    );
  });

  it('a copy with a threat in zh-TW and a 72-month freeze – exit 1, both reported with file and line', () => {
    const copy = copyDialogs();
    copy.edit('prompts/zh-TW.yaml', /(askIncome: ")/, '$1不還款就上門拜訪。');
    copy.edit('offer-policy.yaml', /(freeze:[^\n]*\n(?:.*\n)*? {2}maxMonths: )60/, '$172');
    const { code, out } = flows(['check', copy.dir]);
    expect(code).toBe(1);
    expect(out).toMatch(/✗ .*: 2 error\(s\)/);
    expect(out).toMatch(/prompts\/zh-TW\.yaml:\d+: prompt interview\.askIncome: contains the forbidden phrase "上門"/);
    expect(out).toMatch(
      /offer-policy\.yaml:\d+: key freeze\.maxMonths: is 72, at most 60 allowed under jurisdiction CN/,
    );
  });
});

describe('flows graph', () => {
  it('writes Mermaid and a standalone HTML/SVG picture with every state', () => {
    const out = mkdtempSync(join(tmpdir(), 'xs-graph-'));
    expect(flows(['graph', '--out', out]).code).toBe(0);
    const mermaid = readFileSync(join(out, 'negotiation.flow.mmd'), 'utf8');
    const html = readFileSync(join(out, 'negotiation.flow.html'), 'utf8');
    expect(mermaid).toContain('stateDiagram-v2');
    expect(mermaid).toContain(
      'conversation__negotiating__presentingOffers --> conversation__negotiating__confirming__reviewing : offer.accepted, offer.countered',
    );
    expect(html).toMatch(/<svg[^>]*>/);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    for (const state of ['askingIncome', 'presentingOffers', 'agreed', 'escalated', 'closed'])
      expect(html).toContain(`>${state}</text>`);
  });
});

describe('flows try', () => {
  it('jobLossM2 in zh-CN, driven through stdin with numbered buttons – the negotiation ends agreed', () => {
    const script = ['1234', '1990-05-20', '1', '1', '3', '8000', '三千五', '#1', '1', '两千五', '1', '1'].join('\n');
    const { code, out } = flows(['try', '--case', 'jobLossM2', '--locale', 'zh-CN'], `${script}\n`);
    expect(code).toBe(0);
    expect(out).toContain('请输入您身份证号码的后四位');
    expect(out).toMatch(/\[1\] 失业 {2}\[2\] 收入减少/);
    expect(out).toContain('(失业)');
    expect(out).toContain('(我同意)');
    expect(out).toMatch(/协议已记录，协议编号 XS-\d{8}-\w+/);
    expect(out).toMatch(/— the conversation ended: agreed/);
  });

  it('an unknown case – exit 1 and the cases there are', () => {
    const { code, err } = flows(['try', '--case', 'nobody']);
    expect(code).toBe(1);
    expect(err).toContain('LN-2024-0001 (jobLossM2)');
  });
});
