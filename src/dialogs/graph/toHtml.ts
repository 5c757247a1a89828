// A standalone HTML page of the flow: the SVG picture, the Mermaid source, and each state's description.
import type { FlowGraph } from '../../../machines/flowGraph.js';
import { toMermaid } from './toMermaid.js';
import { escapeXml, toSvg } from './toSvg.js';

export function toHtml(graph: FlowGraph, version: string): string {
  const described = graph.nodes.filter((node) => node.description);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Negotiation flow ${escapeXml(version)}</title>
<style>body{font-family:system-ui,sans-serif;margin:24px;color:#1f2937}svg{max-width:100%;height:auto;border:1px solid #e5e7eb;border-radius:8px}pre{background:#f3f4f6;padding:12px;overflow:auto}dt{font-weight:600}</style>
</head><body>
<h1>Negotiation flow <small>version ${escapeXml(version)}</small></h1>
<p>Solid arrows: what a borrower's answer leads to. Dashed: what works from any state inside a group (a person, a dispute, stop). Thick border: the conversation ends there.</p>
${toSvg(graph)}
<h2>States with a description</h2>
<dl>${described.map((node) => `<dt>${escapeXml(node.id)}</dt><dd>${escapeXml(node.description!)}</dd>`).join('')}</dl>
<details><summary>Mermaid source</summary><pre>${escapeXml(toMermaid(graph))}</pre></details>
</body></html>
`;
}
