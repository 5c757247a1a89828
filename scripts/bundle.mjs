// The service's entry as one file (dist/src/main.js): start-up reads and links one module instead of hundreds.
import { readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

/**
 * Left to Node at run time: what is loaded only when needed (the Bot Framework stack after listen, Redis clients
 * with REDIS_URL), what must stay a file of its own (pino's transports start worker threads from their files), and
 * what is only looked up on disk (the web chat's bundle).
 */
const EXTERNAL = [
  'botbuilder',
  'botbuilder-*',
  'botframework-*',
  'ioredis',
  'bullmq',
  'pino',
  'pino-*',
  'thread-stream',
  'dtrace-provider',
];

/**
 * Our modules find files beside them (pages, scripts) from `import.meta.url`: in the bundle that is main.js's, so
 * each says the address of its own compiled file in dist/src instead, where the build copies those files.
 */
function ownAddresses(root) {
  const source = join(root, 'src');
  return {
    name: 'own-addresses',
    setup(build) {
      build.onLoad({ filter: /\/src\/.*\.ts$/ }, async ({ path }) => {
        const contents = await readFile(path, 'utf8');
        if (!contents.includes('import.meta.url')) return undefined;
        const compiled = `./${relative(source, path).replace(/\.ts$/, '.js').split('\\').join('/')}`;
        const address = `new URL(${JSON.stringify(compiled)}, import.meta.url).href`;
        return { contents: contents.replaceAll('import.meta.url', address), loader: 'ts', resolveDir: dirname(path) };
      });
    },
  };
}

/** Chunks of the last bundle: what modules load only on demand (the bot, Redis) and what they share with main.js. */
const CHUNK_PREFIX = 'bundled-';

/**
 * Bundles src/main.ts with its libraries into dist/src/main.js and its chunks beside it, with source maps to the
 * TypeScript. Chunks sit in the same folder as main.js, so every module's address (ownAddresses) holds in any.
 */
export async function bundle(root) {
  const out = join(root, 'dist/src');
  for (const name of await readdir(out)) if (name.startsWith(CHUNK_PREFIX)) await rm(join(out, name));
  // esbuild comes with tsx (a dependency), so it is there whenever the service can be built.
  const tsx = createRequire(join(root, 'package.json')).resolve('tsx/package.json');
  const { build } = await import(createRequire(tsx).resolve('esbuild'));
  await build({
    absWorkingDir: root,
    entryPoints: ['src/main.ts'],
    outdir: 'dist/src',
    allowOverwrite: true,
    // Without splitting, the modules imported on demand would be in main.js with their external imports at its top.
    splitting: true,
    chunkNames: `${CHUNK_PREFIX}[name]-[hash]`,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    external: EXTERNAL,
    // The libraries bundled here that are CommonJS still require Node's modules (and the external ones).
    banner: {
      js: "import { createRequire as createRequireOfBundle } from 'node:module';\nconst require = createRequireOfBundle(import.meta.url);",
    },
    plugins: [ownAddresses(root)],
    logLevel: 'error',
  });
}
