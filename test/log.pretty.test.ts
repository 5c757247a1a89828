// Pretty logs only on a developer's terminal; JSON lines in production and whenever stdout is not a terminal.
import { describe, expect, it } from 'vitest';
import { wantsPrettyLogs } from '../src/log.js';

describe('log format', () => {
  it('a terminal in development – pretty; production or a pipe – JSON', () => {
    expect(wantsPrettyLogs('development', true)).toBe(true);
    expect(wantsPrettyLogs('production', true)).toBe(false);
    expect(wantsPrettyLogs('development', undefined)).toBe(false);
    expect(wantsPrettyLogs('test', false)).toBe(false);
  });
});
