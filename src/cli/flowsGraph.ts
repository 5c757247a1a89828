// `flows graph [dir] [--out dir]`: writes the flow as Mermaid (.mmd) and as a standalone HTML/SVG picture.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadDialogBundle } from '../dialogs/loadDialogBundle.js';
import { toHtml } from '../dialogs/graph/toHtml.js';
import { toMermaid } from '../dialogs/graph/toMermaid.js';
import { flowGraph } from '../../machines/flowGraph.js';

export function runGraph(dir: string, outDir: string | undefined, out: (text: string) => void): number {
  const bundle = loadDialogBundle(dir);
  const graph = flowGraph(bundle.machine);
  const target = resolve(outDir ?? join(tmpdir(), 'xieshang-flow'));
  mkdirSync(target, { recursive: true });
  const mermaidFile = join(target, 'negotiation.flow.mmd');
  const htmlFile = join(target, 'negotiation.flow.html');
  writeFileSync(mermaidFile, toMermaid(graph, `negotiation flow ${bundle.version}`));
  writeFileSync(htmlFile, toHtml(graph, bundle.version));
  out(
    `flow ${bundle.version}: ${graph.nodes.length} states, ${graph.edges.length} transitions\n  ${mermaidFile}\n  ${htmlFile} (open in a browser)\n`,
  );
  return 0;
}
