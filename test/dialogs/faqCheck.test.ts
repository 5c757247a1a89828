// flows check on dialogs/faq/: every question answered in every locale, every answer within the conduct rules.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDialogs } from '../../src/dialogs/loadDialogBundle.js';
import { formatProblems, isError } from '../../machines/flow.js';
import { copyDialogs } from '../helpers/dialogsCopy.js';

const errors = (dir: string) => {
  const { bundle, problems } = checkDialogs(dir);
  expect(bundle).toBeUndefined();
  return formatProblems(problems.filter(isError));
};

describe('flows check – FAQ files', () => {
  it('the shipped FAQ – the same questions answered in every locale, each answer a prompt faq.<id>', () => {
    const { bundle } = checkDialogs('dialogs');
    const ids = (locale: 'zh-CN' | 'zh-TW' | 'en') => bundle!.faq[locale]!.map((entry) => entry.id).sort();
    expect(ids('zh-CN')).toEqual(ids('en'));
    expect(ids('zh-TW')).toEqual(ids('en'));
    expect(ids('en')).toEqual(
      ['creditReport', 'freezeMeaning', 'howToPay', 'isThisReal', 'notPaying', 'payEarly', 'penaltyWaiver', 'planLength'].sort(),
    );
    expect(bundle!.prompts.en.get('faq.isThisReal')).toMatch(/never ask for passwords/);
  });

  it('a question answered in zh-CN only – names the other files and the question', () => {
    const copy = copyDialogs();
    copy.edit('faq/zh-CN.yaml', 'questions:\n', 'questions:\n  - id: newQuestion\n    asks: [新问题]\n    answer: "回答。"\n');
    const report = errors(copy.dir);
    expect(report).toMatch(/faq\/en\.yaml: question newQuestion: no answer here, answered in faq\/zh-CN\.yaml/);
    expect(report).toMatch(/faq\/zh-TW\.yaml: question newQuestion/);
  });

  it('an answer with a threat – refused by the conduct check', () => {
    const copy = copyDialogs();
    copy.edit('faq/zh-CN.yaml', '逾期记录也会保留。', '逾期记录也会保留，我们会起诉你。');
    expect(errors(copy.dir)).toMatch(/faq\.notPaying.*起诉你|起诉你.*faq\.notPaying/);
  });

  it('a missing FAQ file – an error naming it', () => {
    const copy = copyDialogs();
    rmSync(join(copy.dir, 'faq/zh-TW.yaml'));
    expect(errors(copy.dir)).toMatch(/faq\/zh-TW\.yaml: \(file\): missing/);
  });
});
