// Prompt lint: keys missing in a locale, prompts nothing says (warning), placeholders the service cannot fill.
import { LOCALES, type Locale } from '../../domain/account.js';
import type { FlowProblem } from '../../../machines/flow.js';
import { placeholdersOf } from '../prompts.js';
import type { PromptSource } from './conductLint.js';
import { variablesFor } from './groupVariables.js';
import { keyLinesWhenAsked, lineNear } from './yamlLines.js';

/**
 * Placeholders of a said prompt must be ones the service fills in (src/dialogs/promptVariables.ts,
 * ./groupVariables.ts); in a prompt nobody says they are only a warning. `used` is every key the flow or the service can say. A key one locale has and another lacks is
 * an error (that locale's borrowers would see the bare key); a key nobody says is a warning.
 */
export function lintPrompts(sources: Partial<Record<Locale, PromptSource>>, used: ReadonlySet<string>): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const present = LOCALES.filter((locale) => sources[locale]);
  const allKeys = new Set(present.flatMap((locale) => [...sources[locale]!.prompts.keys()]));
  for (const locale of present) {
    const source = sources[locale]!;
    const lines = keyLinesWhenAsked(source.text);
    for (const key of allKeys) {
      if (!source.prompts.has(key) && !used.has(key)) {
        const has = present.filter((other) => sources[other]!.prompts.has(key));
        problems.push({ file: source.file, line: lineNear(lines, key), where: `prompt ${key}`, message: `missing in ${locale} (present in ${has.join(', ')})` });
      }
    }
    for (const [key, sentence] of source.prompts) {
      const known = variablesFor(key);
      for (const name of placeholdersOf(sentence)) {
        if (known.has(name)) continue;
        const severity = used.has(key) ? {} : { severity: 'warning' as const };
        problems.push({ file: source.file, line: lines.get(key), where: `prompt ${key}`, message: `placeholder {${name}} is not one the service fills in here (known: ${[...known].join(', ')}); it would show as nothing`, ...severity });
      }
    }
  }
  const reference = present[0];
  if (reference) {
    const source = sources[reference]!;
    const lines = keyLinesWhenAsked(source.text);
    for (const key of source.prompts.keys()) {
      if (!used.has(key)) problems.push({ file: source.file, line: lines.get(key), where: `prompt ${key}`, message: 'unused: neither the flow nor the service says it', severity: 'warning' });
    }
  }
  return problems;
}
