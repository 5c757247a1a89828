// Test-only loaders: the offer policy and the lexicons read straight from files (the service reads them as one bundle).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES, type Locale } from '../../src/domain/account.js';
import { parseOfferPolicy, type OfferPolicy } from '../../src/domain/offers/offerPolicy.js';
import { parseLexicon, type Lexicon } from '../../src/dialogs/lexicon.js';
import { ConfigurationError } from '../../src/errors.js';

function readOr(path: string, code: 'XS_POLICY_INVALID' | 'XS_FLOW_INVALID'): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigurationError(
      code,
      `${path}: cannot be read — ${error instanceof Error ? error.message : String(error)}`,
      error,
    );
  }
}

export function loadOfferPolicy(path: string): OfferPolicy {
  return parseOfferPolicy(readOr(path, 'XS_POLICY_INVALID'), path);
}

export function loadLexicons(dir: string): Record<Locale, Lexicon> {
  return Object.fromEntries(
    LOCALES.map((locale) => {
      const file = join(dir, `${locale}.yaml`);
      return [locale, parseLexicon(readOr(file, 'XS_FLOW_INVALID'), file)];
    }),
  ) as Record<Locale, Lexicon>;
}
