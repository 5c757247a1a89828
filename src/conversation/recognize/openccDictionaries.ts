// OpenCC's Traditional → Simplified dictionaries read as data: which characters they can change, and the same
// conversions cut down to the entries a known set of characters can reach.

// The Traditional → Simplified presets alone (a tenth of the full package; the same dictionaries, tested against it).
import * as OpenCC from 'opencc-js/t2cn';
import { ConverterBuilder } from 'opencc-js/core';
import { z } from 'zod';

/** The conversions applied one after the other: Taiwan forms, then Hong Kong forms, to Simplified. */
const CONVERSIONS = [
  { from: 'tw', to: 'cn', config: 'tw2s' },
  { from: 'hk', to: 'cn', config: 'hk2s' },
] as const;

type Entry = readonly [from: string, to: string];
/** "a alpha|b beta" or [["a", "alpha"], ["b", "beta"]], as opencc-js keeps them. */
type Dictionary = string | readonly Entry[];
type Group = readonly Dictionary[];

/** opencc-js keeps its dictionaries in `Locale.configs` without typing them: checked in shape, not entry by entry. */
const DictionarySchema = z.custom<Dictionary>((value) => typeof value === 'string' || Array.isArray(value));
const GroupSchema = z.array(DictionarySchema);
const ConfigsSchema = z.record(
  z.string(),
  z.looseObject({
    normalizationChain: z.array(GroupSchema).optional(),
    segmentation: GroupSchema.optional(),
    conversionChain: z.array(GroupSchema),
  }),
);

/** One config with every dictionary read into entries. */
interface Entries {
  normalizationChain?: Entry[][][];
  segmentation?: Entry[][];
  conversionChain: Entry[][][];
}

/** OpenCC's conversions of CONVERSIONS, one after the other: every dictionary loaded (tens of ms, over 10 MB). */
export function fullConverter(): (text: string) => string {
  const steps = CONVERSIONS.map(({ from, to }) => OpenCC.Converter({ from, to }));
  return (text) => steps.reduce((converted, convert) => convert(converted), text);
}

/** Every entry of a dictionary, read as opencc-js's Trie.loadDict reads it (the first replacement of a line). */
function entriesOf(dictionary: Dictionary): Entry[] {
  if (typeof dictionary !== 'string') return [...dictionary];
  return dictionary.split('|').map((line) => {
    const space = line.indexOf(' ');
    const next = line.indexOf(' ', space + 1);
    return [line.slice(0, space), line.slice(space + 1, next < 0 ? undefined : next)] as const;
  });
}

function everyCharIn(text: string, characters: ReadonlySet<number>): boolean {
  for (const char of text) if (!characters.has(char.codePointAt(0)!)) return false;
  return true;
}

/** OpenCC's dictionaries of CONVERSIONS, read once: what they can change, and converters cut down to some characters. */
export interface OpenCCDictionaries {
  /**
   * Every character a dictionary entry needs in the text to change it: where an entry keeps its length, the
   * characters it replaces; otherwise all of its characters. A text with none of them is left as it is by every
   * stage (an entry that changes something cannot match it), so OpenCC need not run on it — most Simplified and all
   * ASCII messages.
   */
  charactersThatChange(): Set<number>;
  /**
   * The conversions one after the other, built only from the entries that can match a text made of `characters`
   * at the stage they belong to: an entry with a character the stage's text cannot hold never matches, so leaving
   * it out changes no result, and the tries stay small. What a stage may bring in (its entries' replacements) is
   * added before the next. Exact for texts of those characters only.
   */
  restrictedConverter(characters: Iterable<number>): (text: string) => string;
}

/** Undefined when this opencc-js does not expose its dictionaries (then every text is converted by OpenCC). */
export function readOpenCCDictionaries(): OpenCCDictionaries | undefined {
  const configs = ConfigsSchema.safeParse(Reflect.get(OpenCC.Locale, 'configs')).data;
  const chosen = CONVERSIONS.map(({ config }) => configs?.[config]);
  if (!chosen.every((config) => config !== undefined)) return undefined;
  const read = (group: Group) => group.map(entriesOf);
  const entries: Entries[] = chosen.map((config) => ({
    normalizationChain: config.normalizationChain?.map(read),
    segmentation: config.segmentation && read(config.segmentation),
    conversionChain: config.conversionChain.map(read),
  }));
  return {
    charactersThatChange: () => charactersThatChange(entries),
    restrictedConverter: (characters) => restrictedConverter(entries, characters),
  };
}

/** The groups of one config in the order a text passes through them (segmentation only splits, it changes nothing). */
const changingGroups = (config: Entries): Entry[][][] => [
  ...(config.normalizationChain ?? []),
  ...config.conversionChain,
];

function charactersThatChange(configs: readonly Entries[]): Set<number> {
  const changing = new Set<number>();
  for (const config of configs)
    for (const group of changingGroups(config))
      for (const dictionary of group)
        for (const [from, to] of dictionary) {
          if (from === to) continue;
          const source = [...from];
          const target = [...to];
          source.forEach((char, i) => {
            if (source.length !== target.length || char !== target[i]) changing.add(char.codePointAt(0)!);
          });
        }
  return changing;
}

function restrictedConverter(configs: readonly Entries[], characters: Iterable<number>): (text: string) => string {
  const reachable = new Set(characters);
  const reachableEntries = (dictionary: Entry[]): Entry[] =>
    dictionary.filter(([from]) => everyCharIn(from, reachable));
  // A stage's tries get the entries that can match; the next stage's text may hold their replacements too.
  const keep = (group: Entry[][]): Entry[][] => {
    const kept = group.map(reachableEntries);
    for (const dictionary of kept)
      for (const [, to] of dictionary) for (const char of to) reachable.add(char.codePointAt(0)!);
    return kept;
  };
  const converters = configs.map((config, i) => {
    const normalizationChain = config.normalizationChain?.map(keep);
    // Segmentation splits the text once normalised and only by where entries end: one dictionary of its entries.
    // (No dictionary splits nothing, as no segmentation does.)
    const segmentation = config.segmentation?.flatMap(reachableEntries) ?? [];
    const conversionChain = config.conversionChain.map(keep);
    const { from, to, config: name } = CONVERSIONS[i]!;
    const preset = {
      from: { [from]: [] },
      to: { [to]: [] },
      configs: { [name]: { normalizationChain, segmentation, conversionChain } },
    };
    return ConverterBuilder(preset)({ from, to });
  });
  return (text) => converters.reduce((converted, convert) => convert(converted), text);
}
