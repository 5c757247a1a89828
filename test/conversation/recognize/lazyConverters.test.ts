// OpenCC's converters are built for the first message that needs one, never for Simplified text or loading dialogs.
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

const built = vi.hoisted(() => ({ converters: [] as string[] }));
vi.mock('opencc-js/t2cn', async (importOriginal) => {
  const original = await importOriginal<typeof import('opencc-js/t2cn')>();
  return {
    ...original,
    Converter: (options: { from: string; to: string }) => {
      built.converters.push(`${options.from}→${options.to}`);
      return original.Converter(options);
    },
  };
});

const { loadDialogBundle } = await import('../../../src/dialogs/loadDialogBundle.js');
const { normalizeText } = await import('../../../src/conversation/recognize/normalize.js');

describe('OpenCC converters, built lazily', () => {
  it('loading the shipped dialogs (Traditional lexicon and FAQ included), then Simplified and English messages → none built', () => {
    const bundle = loadDialogBundle(fileURLToPath(new URL('../../../dialogs', import.meta.url)));
    expect(bundle.lexicons['zh-TW'].intents.human.length).toBeGreaterThan(0);
    expect(normalizeText('我要转人工，收入两千五')).toBe('我要转人工,收入两千五');
    expect(normalizeText('I lost my job')).toBe('i lost my job');
    expect(built.converters).toEqual([]);
  });

  it('the first Traditional message → both built once (Taiwan, then Hong Kong forms), and it is converted', () => {
    expect(normalizeText('我要轉人工')).toBe('我要转人工');
    expect(normalizeText('還款計劃')).toBe('还款计划');
    expect(built.converters).toEqual(['tw→cn', 'hk→cn']);
  });
});
