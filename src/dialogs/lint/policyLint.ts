// Policy lint: each out-of-range or inconsistent value of offer-policy.yaml as its own problem, with its line.
import type { FlowProblem } from '../../../machines/flow.js';
import { parseOfferPolicy, type OfferPolicy } from '../../domain/offers/index.js';
import { XieshangError } from '../../errors.js';
import { keyLines, lineNear } from './yamlLines.js';

/** Splits the policy loader's one message into a problem per key (`freeze.maxMonths is 72, at most 60 …`). */
export function checkPolicy(text: string, file: string): { policy?: OfferPolicy; problems: FlowProblem[] } {
  try {
    return { policy: parseOfferPolicy(text, file), problems: [] };
  } catch (error) {
    if (!(error instanceof XieshangError)) throw error;
    const lines = keyLines(text);
    const body = error.message.startsWith(`${file}: `) ? error.message.slice(file.length + 2) : error.message;
    return {
      problems: body.split('; ').map((part) => {
        const key = /^([A-Za-z0-9_.[\]]+)(?: is |: )/.exec(part)?.[1];
        const path = key?.replace(/\[(\d+)\]/g, '.$1');
        return { file, line: path ? lineNear(lines, path) : undefined, where: key ? `key ${key}` : '(file)', message: key ? part.slice(key.length).replace(/^:\s*/, '').trim() : part };
      }),
    };
  }
}
