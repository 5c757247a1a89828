// The flow as a graph: leaf states, groups, edges with their events, and the funnel built on it.
import { describe, expect, it } from 'vitest';
import { loadDialogBundle } from '../../src/dialogs/loadDialogBundle.js';
import { START, flowGraph } from '../../machines/flowGraph.js';
import { leafPathOf } from '../../machines/stateNodes.js';
import { summarizeFunnel } from '../../src/metrics/funnel.js';

const graph = flowGraph(loadDialogBundle('dialogs').machine);

describe('flowGraph', () => {
  it('the shipped flow – starts at opening, every leaf once, finals marked', () => {
    expect(graph.initial).toBe('opening');
    expect(graph.nodes.filter((n) => n.final).map((n) => n.id)).toEqual(['agreed', 'escalated', 'closed']);
    expect(new Set(graph.nodes.map((n) => n.id)).size).toBe(graph.nodes.length);
    expect(graph.edges).toContainEqual({ from: START, to: 'opening', events: ['start'] });
    expect(graph.edges).toContainEqual({
      from: 'conversation',
      to: 'escalated',
      events: ['vulnerability.disclosed', 'dispute.raised', 'human.requested'],
    });
  });

  it('a snapshot value – its dotted leaf path', () => {
    expect(leafPathOf({ conversation: { interview: 'askingIncome' } })).toBe('conversation.interview.askingIncome');
    expect(leafPathOf('agreed')).toBe('agreed');
    expect(leafPathOf(undefined)).toBeUndefined();
  });

  it('transition counts – entered, left to each next state, stopped', () => {
    const funnel = summarizeFunnel(graph, {
      transitions: {
        '[*]>opening': 2,
        'opening>conversation.findingAccount': 2,
        'conversation.findingAccount>escalated': 1,
      },
      shown: { grace: 1 },
      accepted: {},
    });
    const byId = new Map(funnel.states.map((s) => [s.id, s]));
    expect(funnel.started).toBe(2);
    expect(byId.get('conversation.findingAccount')).toEqual({
      id: 'conversation.findingAccount',
      entered: 2,
      left: { escalated: 1 },
      stopped: 1,
    });
    expect(byId.get('escalated')).toMatchObject({ entered: 1, stopped: 1 });
    expect(funnel.offers).toEqual([{ kind: 'grace', shown: 1, accepted: 0 }]);
  });
});
