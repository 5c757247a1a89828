// The bench scripts still run: one short cell of every row, each producing a figure without errors (no timing asserted).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROWS } from '../../bench/options.js';
import { STORE_KINDS, storeEnv } from '../helpers/service.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TIMEOUT_MS = 240_000;

interface Cell {
  turns: number;
  errors: number;
  turnsPerSecond: number;
}
interface BenchJson {
  rows: Record<string, { closed: Record<string, Cell>; open: Record<string, Cell>; cpuMsPerTurn?: number }>;
}

describe.skipIf(!STORE_KINDS.includes('redis'))('npm run bench (a one-second smoke run of every row)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xs-bench-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    'every row – closed and open loop each answered turns with no errors, and the server CPU per turn was measured',
    async () => {
      const out = join(dir, 'bench.json');
      // The shared test Redis when redis-server cannot be started privately; each row uses its own key prefix.
      await promisify(execFile)(
        process.execPath,
        [
          '--import',
          'tsx',
          'bench/run.ts',
          ...['--duration', '1', '--warmup', '0', '--connections', '2', '--rates', '10', '--skip-extras'],
          ...['--json', out],
        ],
        { cwd: ROOT, env: { ...process.env, REDIS_URL: storeEnv('redis').REDIS_URL }, timeout: TIMEOUT_MS },
      );
      const result = JSON.parse(readFileSync(out, 'utf8')) as BenchJson;
      expect(Object.keys(result.rows)).toEqual([...ROWS]);
      for (const [row, figures] of Object.entries(result.rows)) {
        const cells = [...Object.values(figures.closed), ...Object.values(figures.open)];
        expect(cells, row).toHaveLength(2);
        for (const cell of cells) {
          expect(cell.turns, row).toBeGreaterThan(0);
          expect(cell.errors, row).toBe(0);
        }
        expect(figures.cpuMsPerTurn, row).toBeGreaterThan(0);
      }
    },
    TIMEOUT_MS,
  );
});
