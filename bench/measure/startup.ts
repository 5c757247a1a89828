// Cold start and idle RSS of the compiled service on the memory store (issue #19: < 500 ms, < 120 MB), for one or more
// checkouts run in turn (A/B interleaved), median of the runs: spawn to the first /readyz 200 (wall), the CPU the
// process used until then, and its RSS one second after.
// Run: npx tsx bench/measure/startup.ts [--runs 7] [--root /path/to/other/checkout ...]   (each root needs its dist/ built)
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startCompiled } from '../servers/compiledService.js';

const HERE = fileURLToPath(new URL('../..', import.meta.url));
const IDLE_AFTER_MS = 1000;

interface Run {
  wallMs: number;
  cpuMs: number;
  rssMb: number;
}

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '7' }, root: { type: 'string', multiple: true } },
});
const roots = values.root?.length ? values.root : [HERE];
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);

async function measure(root: string): Promise<Run> {
  const service = await startCompiled('startup', {}, root);
  try {
    await new Promise((resolve) => setTimeout(resolve, IDLE_AFTER_MS));
    const { rssBytes } = await service.stats();
    return { wallMs: service.coldStartMs, cpuMs: service.coldStartCpuMs, rssMb: rssBytes / 2 ** 20 };
  } finally {
    await service.stop();
  }
}

const median = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return Number.isInteger(mid) ? (sorted[mid - 1]! + sorted[mid]!) / 2 : sorted[Math.floor(mid)]!;
};

const results = new Map<string, Run[]>(roots.map((root) => [root, []]));
for (let i = 0; i < runs; i++) for (const root of roots) results.get(root)!.push(await measure(root));

const pad = (text: string, width: number) => text.padStart(width);
process.stdout.write(
  `median of ${runs} (min–max)\n${'checkout'.padEnd(28)}${pad('wall ms', 18)}${pad('CPU ms', 18)}${pad('RSS MB', 18)}\n`,
);
for (const [root, measured] of results) {
  const column = (pick: (run: Run) => number) => {
    const numbers = measured.map(pick);
    return pad(
      `${median(numbers).toFixed(0)} (${Math.min(...numbers).toFixed(0)}–${Math.max(...numbers).toFixed(0)})`,
      18,
    );
  };
  process.stdout.write(
    `${root.slice(-28).padEnd(28)}${column((r) => r.wallMs)}${column((r) => r.cpuMs)}${column((r) => r.rssMb)}\n`,
  );
}
