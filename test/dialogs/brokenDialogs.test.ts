// Broken copies of dialogs/ are refused by the check, start-up and reload, each with file, state or key, and the problem.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDialogs, loadDialogBundle } from '../../src/dialogs/loadDialogBundle.js';
import { formatProblems, isError } from '../../machines/flow.js';
import { copyDialogs, type DialogsCopy } from '../helpers/dialogsCopy.js';

function errorsOf(copy: DialogsCopy): string {
  const { bundle, problems } = checkDialogs(copy.dir);
  expect(bundle).toBeUndefined();
  expect(() => loadDialogBundle(copy.dir)).toThrow(/cannot be used/);
  return formatProblems(problems.filter(isError));
}

const FLOW = 'negotiation.flow.yaml';

describe('flows check – broken flows', () => {
  it('the shipped dialogs/ – no error, a bundle with a version', () => {
    const { bundle, problems } = checkDialogs('dialogs');
    expect(problems.filter(isError)).toEqual([]);
    expect(bundle?.version).toMatch(/^[0-9a-f]{12}$/);
  });

  it('an unreachable state – names the flow file with its line, the state, "unreachable"', () => {
    const copy = copyDialogs();
    copy.edit(FLOW, /target: askingDependants/g, 'target: askingStatedMonthly');
    const report = errorsOf(copy);
    expect(report).toMatch(new RegExp(`${join(copy.dir, FLOW).replace(/[.\\/]/g, '\\$&')}:\\d+: state conversation\\.interview\\.askingDependants: unreachable`));
  });

  it('a dead-end state – names the state and "dead end"', () => {
    const copy = copyDialogs();
    copy.edit(FLOW, 'stop.requested:\n        target: closed', 'stop.requested:\n        target: pausing');
    copy.edit(FLOW, '  agreed:\n    type: final', '  pausing:\n    entry:\n      - { type: say, params: { key: closing.stopped } }\n    on:\n      repeat.requested: { actions: [repeatQuestion] }\n\n  agreed:\n    type: final');
    const report = errorsOf(copy);
    expect(report).toMatch(/negotiation\.flow\.yaml:\d+: state pausing: dead end: no path from here reaches a final state/);
  });

  it('an unknown guard and an unknown action – each named with the state', () => {
    const copy = copyDialogs();
    copy.edit(FLOW, 'guard: isHardshipReason', 'guard: isReallyHard');
    copy.edit(FLOW, 'actions: [recordReason]', 'actions: [rememberReason]');
    const report = errorsOf(copy);
    expect(report).toMatch(/negotiation\.flow\.yaml:\d+: state conversation\.interview\.askingReason: unknown guard "isReallyHard"/);
    expect(report).toMatch(/negotiation\.flow\.yaml:\d+: state conversation\.interview\.askingReason: unknown action "rememberReason"/);
  });

  it('a transition on an event the machine never receives (a typo) – named with the state', () => {
    const copy = copyDialogs();
    copy.edit(FLOW, 'back.requested: { target: askingReason', 'back.request: { target: askingReason');
    expect(errorsOf(copy)).toMatch(/negotiation\.flow\.yaml:\d+: state conversation\.interview\.askingDuration: unknown event "back\.request"/);
  });

  it('a prompt missing in zh-TW – names prompts/zh-TW.yaml, the key and the locale', () => {
    const copy = copyDialogs();
    copy.edit('prompts/zh-TW.yaml', /^ {2}askIncome: .*\n/m, '');
    const report = errorsOf(copy);
    expect(report).toMatch(/prompts\/zh-TW\.yaml:\d+: prompt interview\.askIncome: missing in zh-TW/);
  });

  it('a prompt only some locales have – missing in the others, even when the flow does not say it', () => {
    const copy = copyDialogs();
    copy.edit('prompts/zh-CN.yaml', 'closing:\n', 'closing:\n  goodbye: "再见。"\n');
    const report = errorsOf(copy);
    expect(report).toMatch(/prompts\/zh-TW\.yaml:\d+: prompt closing\.goodbye: missing in zh-TW \(present in zh-CN\)/);
    expect(report).toMatch(/prompts\/en\.yaml:\d+: prompt closing\.goodbye: missing in en/);
  });

  it('a forbidden phrase in a prompt – names the file and line, the key and the phrase', () => {
    const copy = copyDialogs();
    copy.edit('prompts/zh-CN.yaml', '您在{creditor}的账户目前逾期', '如不还款将把您列入黑名单。您在{creditor}的账户目前逾期');
    copy.edit('prompts/en.yaml', /(askIncome: ")/, '$1Pay now or we will call the police. ');
    const report = errorsOf(copy);
    const line = copy.read('prompts/zh-CN.yaml').split('\n').findIndex((l) => l.includes('黑名单')) + 1;
    expect(report).toContain(`prompts/zh-CN.yaml:${line}: prompt arrears.summary: contains the forbidden phrase "黑名单"`);
    expect(report).toMatch(/prompts\/en\.yaml:\d+: prompt interview\.askIncome: contains the forbidden phrase "police"/);
  });

  it('a placeholder the service does not fill in – an error naming the key and the placeholder', () => {
    const copy = copyDialogs();
    copy.edit('prompts/en.yaml', /(askIncome: ")/, '$1{borrowerName}, ');
    expect(errorsOf(copy)).toMatch(/prompts\/en\.yaml:\d+: prompt interview\.askIncome: placeholder \{borrowerName\} is not one the service fills in/);
  });

  it('a freeze plan over 60 months under CN – names offer-policy.yaml with the line, the key and the ceiling', () => {
    const copy = copyDialogs();
    copy.edit('offer-policy.yaml', /(freeze:[^\n]*\n(?:.*\n)*? {2}maxMonths: )60/, '$172');
    const line = copy.read('offer-policy.yaml').split('\n').findIndex((l) => l.includes('maxMonths: 72')) + 1;
    expect(errorsOf(copy)).toContain(`offer-policy.yaml:${line}: key freeze.maxMonths: is 72, at most 60 allowed under jurisdiction CN`);
  });

  it('a freeze that charges the contract rate, a settlement with a reduced rate, a pause accruing on an interest-free grace – three errors with their lines', () => {
    const copy = copyDialogs();
    copy.edit('offer-policy.yaml', /(freeze:[^\n]*\n(?:.*\n)*? {2}interest: )none/, '$1contract');
    copy.edit('offer-policy.yaml', /(settlement:[^\n]*\n(?:.*\n)*? {2}interest: )none/, '$1{ reducedRate: 0.05 }');
    copy.edit('offer-policy.yaml', /(grace:[^\n]*\n(?:.*\n)*? {2}interest: )contract/, '$1none');
    copy.edit('offer-policy.yaml', /duringPause: freeze/, 'duringPause: accrue');
    const text = copy.read('offer-policy.yaml').split('\n');
    const lineOf = (section: string, key: string) => text.findIndex((l, i) => l.startsWith(key, 2) && text.slice(0, i).reverse().find((h) => /^[a-z]/.test(h))?.startsWith(section)) + 1;
    const errors = errorsOf(copy);
    expect(errors).toContain(`offer-policy.yaml:${lineOf('freeze', 'interest')}: key freeze.interest: is "contract", none expected: a freeze (停息挂账) stops interest and penalties`);
    expect(errors).toContain(`offer-policy.yaml:${lineOf('settlement', 'interest')}: key settlement.interest: is {"reducedRate":0.05}, none expected: a settlement is a discounted lump sum, it charges no interest`);
    expect(errors).toContain(`offer-policy.yaml:${lineOf('grace', 'duringPause')}: key grace.duringPause: is "accrue", freeze expected: grace.interest charges none, so nothing can accrue during the pause`);
  });

  it('an unused prompt – only a warning: the bundle still loads', () => {
    const copy = copyDialogs();
    for (const locale of ['zh-CN', 'zh-TW', 'en']) copy.edit(`prompts/${locale}.yaml`, /^common:\n/m, 'common:\n  neverSaid: "…"\n');
    const { bundle, problems } = checkDialogs(copy.dir);
    expect(bundle).toBeDefined();
    expect(problems.filter((p) => !isError(p)).map((p) => p.where)).toContain('prompt common.neverSaid');
  });
});
