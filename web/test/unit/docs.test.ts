// The JavaScript on the docs pages is the code the examples run: every ```js block of docs/ must
// appear, line for line, in a program of web/examples/ (which the end-to-end suite runs against a
// dev node), and the Python type definitions must be those the runtime's metadata gives.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without type declarations
import { OUTPUT, render } from '../../scripts/python-types.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const docs = readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md'));
const examples = readdirSync(path.join(root, 'web/examples'))
  .filter((f) => f.endsWith('.mjs'))
  .map((f) => readFileSync(path.join(root, 'web/examples', f), 'utf8'));
const normalise = (code: string) => code.split('\n').map((line) => line.trimEnd()).join('\n').trim();

const blocks = docs.flatMap((file) =>
  [...readFileSync(path.join(root, 'docs', file), 'utf8').matchAll(/```(?:js|javascript|ts|typescript)\n([\s\S]*?)```/g)].map(
    (match, i) => [`${file} #${i + 1}`, match[1] ?? ''] as const,
  ),
);

describe('docs examples', () => {
  it('finds the JavaScript blocks', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
  });
  it.each(blocks)('%s is code an example program runs', (_, code) => {
    const wanted = normalise(code);
    expect(examples.some((program) => normalise(program).includes(wanted))).toBe(true);
  });
  it('ships the Python runtime-API definitions the metadata gives', () => {
    expect(readFileSync(OUTPUT, 'utf8')).toBe(render());
  });
});
