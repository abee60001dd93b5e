// A Node module hook for the type generators: they import the `definitions.ts` and `lookup.ts`
// they wrote, which hold plain JavaScript objects (no type syntax), so they load as ES modules.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
import { readFile } from 'node:fs/promises';
export async function load(url, context, next) {
  if (url.startsWith('file:') && url.endsWith('.ts')) {
    return { format: 'module', source: await readFile(new URL(url), 'utf8'), shortCircuit: true };
  }
  return next(url, context);
}`),
);
