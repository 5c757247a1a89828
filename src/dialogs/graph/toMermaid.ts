// The flow graph as a Mermaid stateDiagram-v2: parent states as composites, edges labelled with their events.
import { START, type FlowGraph } from '../../../machines/flowGraph.js';

const idOf = (path: string) => (path === START ? START : path.replace(/\./g, '__'));

export function toMermaid(graph: FlowGraph, title?: string): string {
  const lines: string[] = [...(title ? ['---', `title: ${title}`, '---'] : []), 'stateDiagram-v2'];
  const declare = (parent: string | undefined, indent: string) => {
    for (const group of graph.groups.filter((g) => g.parent === parent)) {
      lines.push(`${indent}state "${group.label}" as ${idOf(group.id)} {`);
      declare(group.id, `${indent}  `);
      lines.push(`${indent}}`);
    }
    for (const node of graph.nodes.filter((n) => n.parent === parent)) lines.push(`${indent}state "${node.label}" as ${idOf(node.id)}`);
  };
  declare(undefined, '  ');
  for (const edge of graph.edges) {
    const label = edge.events.filter((event) => event !== 'start' && event !== 'always').join(', ');
    lines.push(`  ${idOf(edge.from)} --> ${idOf(edge.to)}${label ? ` : ${label}` : ''}`);
  }
  for (const node of graph.nodes.filter((n) => n.final)) lines.push(`  ${idOf(node.id)} --> [*]`);
  for (const node of graph.nodes.filter((n) => n.description)) lines.push(`  note right of ${idOf(node.id)} : ${node.description!.replace(/[:\n]/g, ' ')}`);
  return `${lines.join('\n')}\n`;
}
