// The diff between two versions names what a product owner changed: a prompt, a policy number, a state and its transitions.
import { describe, expect, it } from 'vitest';
import { checkDialogs, readDialogFiles } from '../../../src/dialogs/loadDialogBundle.js';
import { diffVersions } from '../../../src/dialogs/versions/versionDiff.js';
import { applyEdits } from '../../../src/dialogs/versions/flowEdits.js';
import { copyDialogs } from '../../helpers/dialogsCopy.js';

describe('diffVersions', () => {
  it('the dependants question removed, a zh-CN prompt and maxOffersShown changed – exactly those, nothing else', () => {
    const before = readDialogFiles('dialogs');
    const copy = copyDialogs();
    copy.edit('negotiation.flow.yaml', /target: askingDependants/g, 'target: askingStatedMonthly');
    copy.edit('negotiation.flow.yaml', / {10}askingDependants:\n(?: {12}.*\n| {14}.*\n)+/, '');
    const after = applyEdits(readDialogFiles(copy.dir), {
      prompts: { 'zh-CN': { 'lookup.ask': '请告诉我您的合同号。' } },
      policy: { maxOffersShown: 2 },
    });
    const [a, b] = [checkDialogs('dialogs', before).bundle!, checkDialogs('dialogs', after).bundle!];
    const diff = diffVersions(a, b, before, after);
    expect(diff.prompts).toEqual([
      { locale: 'zh-CN', key: 'lookup.ask', before: a.prompts['zh-CN'].get('lookup.ask'), after: '请告诉我您的合同号。' },
    ]);
    expect(diff.canned).toEqual([]);
    expect(diff.policy).toEqual([{ path: 'maxOffersShown', before: 3, after: 2 }]);
    expect(diff.states).toEqual({ added: [], removed: ['conversation.interview.askingDependants'] });
    expect(diff.transitions.removed.every((t) => t.includes('askingDependants'))).toBe(true);
    expect(diff.transitions.removed.length).toBeGreaterThan(0);
    expect(diff.transitions.added.length).toBeGreaterThan(0);
    expect(diff.transitions.added.every((t) => t.includes('askingStatedMonthly'))).toBe(true);
  });
});
