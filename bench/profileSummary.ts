// Summarises a .cpuprofile: self time by package (node_modules/<pkg>, src/<folder>, node internals, GC) and the top functions.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function bucketOf(url: string, functionName: string): string {
  if (functionName === '(garbage collector)') return '(garbage collector)';
  if (functionName === '(idle)' || functionName === '(program)') return functionName;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  const own = /\/work\/[^/]+\/((?:src|bench)\/[^/]+)/.exec(url)?.[1];
  if (own) return own;
  if (url.startsWith('node:')) return 'node internals';
  return url === '' ? '(native)' : url;
}

export function summarise(path: string, top = Number(process.env.TOP ?? 25)): string {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const buckets = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const node = byId.get(id)!;
    const micros = profile.timeDeltas[index] ?? 0;
    if (node.callFrame.functionName === '(idle)') return;
    total += micros;
    const bucket = bucketOf(node.callFrame.url, node.callFrame.functionName);
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + micros);
    const name = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/\/work\/[^/]+\//, '')}:${node.callFrame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + micros);
  });
  const rows = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => `${((100 * micros) / total).toFixed(1).padStart(5)}%  ${name}`);
  return [
    `busy ${(total / 1e6).toFixed(1)} s`,
    '',
    'self time by package:',
    ...rows(buckets),
    '',
    'self time by function:',
    ...rows(functions),
  ].join('\n');
}

if (process.argv[2]) process.stdout.write(`${summarise(process.argv[2])}\n`);
