// Lexicon files: the shipped ones load, bad ones fail naming the file and key, and how phrases match.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/errors.js';
import { INTENT_NAMES, findPhrase, longestMatch, parseLexicon } from '../../src/dialogs/lexicon.js';
import { loadLexicons } from '../helpers/dialogFiles.js';

const LEXICON_DIR = fileURLToPath(new URL('../../dialogs/lexicon', import.meta.url));
const intentsYaml = INTENT_NAMES.map((name) => `  ${name}: [${name}]`).join('\n');
const minimal = (extra = '') => `intents:\n${intentsYaml}\nchoices:\n  jobLoss: [失業]\nswitchLocale:\n  en: [english]\n  zh-TW: [繁體]\n  zh-CN: [中文]\n${extra}`;

function configurationErrorOf(load: () => unknown): ConfigurationError {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('loadLexicons', () => {
  it('dialogs/lexicon → a lexicon per locale with every intent and the flow\'s choice ids', () => {
    const lexicons = loadLexicons(LEXICON_DIR);
    for (const locale of ['zh-CN', 'zh-TW', 'en'] as const) {
      for (const intent of INTENT_NAMES) expect(lexicons[locale].intents[intent].length, `${locale} ${intent}`).toBeGreaterThan(0);
    }
    for (const id of ['jobLoss', 'reducedIncome', 'illness', 'business', 'family', 'tooManyDebts', 'other', 'temporary', 'longTerm', 'skip', 'none']) {
      expect(lexicons['zh-CN'].choices[id], id).toBeDefined();
      expect(lexicons.en.choices[id], id).toBeDefined();
    }
  });

  it('zh-TW phrases → stored in Simplified, as the text they are matched against', () => {
    const lexicons = loadLexicons(LEXICON_DIR);
    expect(lexicons['zh-TW'].intents.human).toContain('转人工');
    expect(lexicons['zh-TW'].switchLocale['zh-TW']).toContain('繁体');
  });

  it('a missing directory → XS_FLOW_INVALID naming the file', () => {
    const error = configurationErrorOf(() => loadLexicons('/nonexistent/lexicon'));
    expect(error.code).toBe('XS_FLOW_INVALID');
    expect(error.message).toContain('zh-CN.yaml');
  });
});

describe('parseLexicon', () => {
  it('a minimal valid file → phrases normalised (失業 → 失业, upper case → lower case)', () => {
    const lexicon = parseLexicon(minimal().replace('[english]', '[English Please]'), 'test.yaml');
    expect(lexicon.choices.jobLoss).toEqual(['失业']);
    expect(lexicon.switchLocale.en).toEqual(['english please']);
  });

  it.each([
    ['a missing intent', minimal().replace('  human: [human]\n', ''), 'intents.human'],
    ['a misspelt intent', minimal().replace('  human:', '  humna:'), 'intents'],
    ['a phrase that is a number', minimal().replace('jobLoss: [失業]', 'jobLoss: [5]'), 'choices.jobLoss.0'],
    ['an empty phrase', minimal().replace('jobLoss: [失業]', "jobLoss: ['  ']"), 'choices.jobLoss.0'],
    ['an emoji-only phrase', minimal().replace('jobLoss: [失業]', 'jobLoss: [😀]'), 'choices.jobLoss.0'],
    ['a bad choice id', minimal().replace('jobLoss:', 'Job Loss:'), 'choices'],
    ['an unknown locale', minimal().replace('  zh-CN: [中文]', '  fr: [français]'), 'switchLocale'],
    ['broken YAML', 'intents: [unclosed', 'not valid YAML'],
  ])('%s → XS_FLOW_INVALID naming the file and %s', (_case, yamlText, where) => {
    const error = configurationErrorOf(() => parseLexicon(yamlText, 'dialogs/lexicon/xx.yaml'));
    expect(error.code).toBe('XS_FLOW_INVALID');
    expect(error.message).toContain('dialogs/lexicon/xx.yaml');
    expect(error.message).toContain(where);
  });
});

describe('findPhrase and longestMatch', () => {
  it.each([
    ['i know the answer', 'no', -1],
    ['no, thanks', 'no', 0],
    ['stopped', 'stop', -1],
    ['please stop!', 'stop', 7],
    ['我要转人工', '人工', 3],
    ['方案23', '方案2', -1],
  ])('findPhrase(%j, %j) → %d (Latin words on word boundaries, Chinese anywhere)', (text, phrase, expected) => {
    expect(findPhrase(text, phrase)).toBe(expected);
  });

  it('不同意 with 同意 (yes) and 不同意 (no) → no, the longest phrase wins', () => {
    expect(longestMatch('我不同意', [['yes', ['同意']], ['no', ['不同意']]])?.key).toBe('no');
  });

  it('都不接受 with 接受 (accept) and 都不接受 (decline) → decline', () => {
    expect(longestMatch('这些我都不接受', [['accept', ['接受']], ['decline', ['不接受', '都不接受']]])).toMatchObject({ key: 'decline', phrase: '都不接受' });
  });

  it('two phrases of equal length → the one found first in the text', () => {
    expect(longestMatch('no, ok', [['yes', ['ok']], ['no', ['no']]])?.key).toBe('no');
  });
});
