// flows check: a prompt may use only what the conversation surely knows where the flow says it.
import { describe, expect, it } from 'vitest';
import { checkDialogs } from '../../src/dialogs/loadDialogBundle.js';
import { isError } from '../../machines/flow.js';
import { copyDialogs } from '../helpers/dialogsCopy.js';

const errorsAfter = (edit: (copy: ReturnType<typeof copyDialogs>) => void) => {
  const copy = copyDialogs();
  edit(copy);
  return checkDialogs(copy.dir).problems.filter(isError).map((problem) => `${problem.where}: ${problem.message}`);
};

describe('placeholders by state', () => {
  it('{overdue} in the handoff sentence – refused: a borrower can ask for a person before any account is found', () => {
    const errors = errorsAfter((copy) => copy.edit('prompts/en.yaml', /(humanRequested: ")/, '$1You owe {overdue}. '));
    expect(errors).toContainEqual(expect.stringMatching(/^prompt escalation\.humanRequested: \{overdue\} needs the account.*\(escalated\)/));
  });

  it('{reference} in the offers introduction – refused: there is no agreement before the borrower agrees', () => {
    const errors = errorsAfter((copy) => copy.edit('prompts/zh-TW.yaml', /( {2}intro: ")/, '$1協議 {reference}：'));
    expect(errors).toContainEqual(expect.stringMatching(/^prompt offers\.intro: \{reference\} needs the agreement/));
  });

  it('{overdue} in the birth-date question – refused: an unknown reference is asked the same questions, with no account', () => {
    const errors = errorsAfter((copy) => copy.edit('prompts/en.yaml', /(askBirthDate: ")/, '$1About your {overdue} arrears: '));
    expect(errors).toContainEqual(expect.stringMatching(/^prompt identity\.askBirthDate: \{overdue\} needs the account/));
  });

  it('{counterMinimum} in the offers list – refused: only known after a counter-offer that did not fit', () => {
    const errors = errorsAfter((copy) => copy.edit('prompts/zh-CN.yaml', /( {2}choose: ")/, '$1最少 {counterMinimum}。'));
    expect(errors).toContainEqual(expect.stringMatching(/^prompt offers\.choose: \{counterMinimum\} needs the counter/));
  });
});
