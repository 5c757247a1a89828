// Prompts split once and joined per sentence say exactly what filling them with a regular expression says.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillTemplate, parsePrompts, placeholdersOf } from '../../src/dialogs/prompts.js';
import { renderPrompt } from '../../src/conversation/render/promptTemplates.js';

const promptSets = ['zh-CN', 'zh-TW', 'en'].map((locale) => {
  const file = new URL(`../../dialogs/prompts/${locale}.yaml`, import.meta.url).pathname;
  return { locale, prompts: parsePrompts(readFileSync(file, 'utf8'), file) };
});

describe('renderPrompt', () => {
  it('every prompt of the three locales, twice (split once, then from the cache) – the same text as fillTemplate, extras over the turn’s values, an unknown value as nothing', () => {
    let withPlaceholders = 0;
    for (const { locale, prompts } of promptSets) {
      for (const [key, template] of prompts) {
        const names = placeholdersOf(template);
        if (names.length > 0) withPlaceholders += 1;
        // Every other placeholder gets a value, the first an extra that replaces the turn's, one an explicit nothing.
        const vars = Object.fromEntries(names.map((name, i) => [name, i % 2 === 0 ? `«${name}»` : i]));
        const extra = names[0] ? { [names[0]]: 'EXTRA', ...(names[1] ? { [names[1]]: undefined } : {}) } : {};
        const expected = fillTemplate(template, { ...vars, ...extra });
        expect(renderPrompt(prompts, key, vars, extra), `${locale} ${key}`).toBe(expected);
        expect(renderPrompt(prompts, key, vars, extra), `${locale} ${key}`).toBe(expected);
        expect(renderPrompt(prompts, key, {}), `${locale} ${key}`).toBe(fillTemplate(template, {}));
      }
    }
    expect(withPlaceholders).toBeGreaterThan(50);
  });

  it('a key the prompt set does not have – the fallback filled (the key itself unless given)', () => {
    const { prompts } = promptSets[0]!;
    expect(renderPrompt(prompts, 'no.such.key', {})).toBe('no.such.key');
    expect(renderPrompt(prompts, 'no.such.key', { offerName: '宽限期' }, undefined, '{offerName}')).toBe('宽限期');
  });
});
