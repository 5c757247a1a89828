// Tiny argument reading for the CLIs: `--name value` options and the positional words around them.
export interface Args {
  positional: string[];
  options: Map<string, string>;
}

export function parseArgs(argv: readonly string[]): Args {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word.startsWith('--')) {
      const [name, inline] = word.slice(2).split('=', 2);
      if (inline !== undefined) options.set(name!, inline);
      else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) options.set(name!, argv[++i]!);
      else options.set(name!, 'true');
    } else positional.push(word);
  }
  return { positional, options };
}
