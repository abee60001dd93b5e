// Generates the app's chain types from the runtime's metadata (client/metadata/diem.scale, the
// artifact `scripts/metadata.sh` keeps equal to the node's runtime): the lookup types of every
// pallet and runtime-API type, and the augmentation of `api.query`, `api.tx`, `api.call`,
// `api.consts`, `api.events` and `api.errors`. Output: src/interfaces/ (not committed; every
// build and test regenerates it, so the app cannot drift from the runtime).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const metadataFile = path.resolve(web, '../client/metadata/diem.scale');
const out = path.join(web, 'src/interfaces');
const work = path.join(web, '.typegen');

if (!fs.existsSync(metadataFile)) {
  console.error(`typegen: ${metadataFile} is missing (scripts/metadata.sh writes it)`);
  process.exit(1);
}
fs.mkdirSync(work, { recursive: true });
fs.mkdirSync(out, { recursive: true });
const metadataJson = path.join(work, 'metadata.json');
const hex = '0x' + fs.readFileSync(metadataFile).toString('hex');
fs.writeFileSync(metadataJson, JSON.stringify({ jsonrpc: '2.0', id: 1, result: hex }));
// The chain has no types beyond its metadata's: one empty definitions module.
fs.writeFileSync(path.join(out, 'definitions.ts'), 'export {};\n');

const generator = (name) => path.join(web, 'node_modules/@polkadot/typegen/scripts', `${name}.mjs`);
const relative = path.relative(web, metadataJson);
// The generators import the definitions they wrote (plain objects in .ts files): a module hook
// lets Node load those (scripts/ts-as-js.mjs), so the augmentation knows every lookup type.
const run = (name, args) => {
  const result = spawnSync(process.execPath, ['--import', './scripts/ts-as-js.mjs', generator(name), ...args], {
    cwd: web,
    encoding: 'utf8',
  });
  if (result.stderr) process.stderr.write(result.stderr);
  if (result.status !== 0) {
    console.error(`typegen: ${name} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
};
run('polkadot-types-from-defs', ['--package', 'diem-web/interfaces', '--input', 'src/interfaces', '--endpoint', relative]);
run('polkadot-types-from-chain', ['--package', 'diem-web/interfaces', '--endpoint', relative, '--output', 'src/interfaces', '--strict']);
// The lookup names the runtime's call enum `Call`, but the runtime-API augmentation refers to it
// by its path name, which nothing declares; the argument's other member, `IMethod`, is the call.
const runtimeAugment = path.join(out, 'augment-api-runtime.ts');
fs.writeFileSync(
  runtimeAugment,
  fs.readFileSync(runtimeAugment, 'utf8').replaceAll('DiemRuntimeRuntimeCall | IMethod', 'IMethod'),
);
console.log(`typegen: src/interfaces from ${path.relative(web, metadataFile)} (${fs.readFileSync(metadataFile).length} bytes)`);
