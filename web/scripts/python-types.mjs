// py-substrate-interface (1.8) knows a runtime API only from type definitions of its own format:
// it reads neither the V15/V16 metadata's runtime-API section nor its types, and answers
// "Runtime API Call 'DiemApi.curve_status' not found in registry". This script writes those
// definitions for every DIEM runtime API from the runtime's metadata, so they cannot drift:
//
//   node scripts/python-types.mjs           # writes docs/examples/diem_runtime_api.json
//   node scripts/python-types.mjs --check   # fails if the committed file is stale
//
// A Python client loads the file with `substrate.runtime_config.update_type_registry(...)`
// (docs/examples/runtime_apis.py; docs/rpc.md).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Metadata, TypeRegistry } from '@polkadot/types';

/** The runtime APIs of the DIEM pallets (the SDK's own are in py-substrate-interface or unused). */
export const DIEM_APIS = ['ComputeStakingApi', 'DiemApi', 'DiemMarketApi', 'DiemLedgerApi', 'InferenceCreditsApi', 'MarketApi', 'LendingApi', 'ValidatorSetApi'];

/** The py-substrate-interface type registry (`runtime_api` section) for `metadataBytes`. */
export function pythonTypes(metadataBytes) {
  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, metadataBytes);
  registry.setMetadata(metadata);
  const latest = metadata.asLatest;
  const lookup = registry.lookup;
  const types = {};
  const names = new Map();

  const nameOf = (id) => {
    const siType = lookup.getSiType(id);
    const lookupName = lookup.getName(id);
    return lookupName ?? `Diem${siType.path.map((p) => p.toString()).join('')}${id}`;
  };

  // Returns the type string py-scalecodec understands for lookup id `id`, defining structs
  // and enums in `types` on the way.
  const typeString = (id) => {
    const key = Number(id.toString());
    if (names.has(key)) return names.get(key);
    const siType = lookup.getSiType(key);
    const def = siType.def;
    const pathName = siType.path.map((p) => p.toString()).join('::');
    let result;
    if (def.isPrimitive) {
      const primitive = def.asPrimitive.type.toLowerCase();
      result = primitive === 'str' ? 'Text' : primitive;
    } else if (def.isCompact) {
      result = `Compact<${typeString(def.asCompact.type)}>`;
    } else if (def.isSequence) {
      const inner = typeString(def.asSequence.type);
      result = inner === 'u8' ? 'Bytes' : `Vec<${inner}>`;
    } else if (def.isArray) {
      result = `[${typeString(def.asArray.type)}; ${def.asArray.len.toNumber()}]`;
    } else if (def.isTuple) {
      const members = def.asTuple.map((t) => typeString(t));
      result = members.length === 0 ? 'Null' : `(${members.join(', ')})`;
    } else if (def.isComposite) {
      const fields = def.asComposite.fields;
      if (pathName.endsWith('AccountId32')) result = 'AccountId';
      else if (pathName === 'primitive_types::H256') result = 'H256';
      else if (fields.length === 0) result = 'Null';
      else if (fields.length === 1 && fields[0].name.isNone) result = typeString(fields[0].type);
      else {
        result = nameOf(key);
        names.set(key, result);
        types[result] = {
          type: 'struct',
          type_mapping: fields.map((f, i) => [f.name.isSome ? f.name.unwrap().toString() : `_${i}`, typeString(f.type)]),
        };
      }
    } else if (def.isVariant) {
      const variants = [...def.asVariant.variants].sort((a, b) => a.index.toNumber() - b.index.toNumber());
      if (pathName === 'Option') {
        result = `Option<${typeString(variants[1].fields[0].type)}>`;
      } else {
        result = pathName === 'Result'
          ? `Result${variants.map((v) => typeString(v.fields[0].type).replace(/\W/g, '')).join('')}`
          : nameOf(key);
        names.set(key, result);
        variants.forEach((v, i) => {
          if (v.index.toNumber() !== i) throw new Error(`${pathName}: variant indices are not 0..n; py-scalecodec enums cannot say so`);
        });
        const mapping = variants.map((v) => {
          const fields = v.fields;
          if (fields.length === 0) return [v.name.toString(), 'Null'];
          if (fields.length === 1 && fields[0].name.isNone) return [v.name.toString(), typeString(fields[0].type)];
          const structName = `${result}${v.name.toString()}`;
          types[structName] = {
            type: 'struct',
            type_mapping: fields.map((f, j) => [f.name.isSome ? f.name.unwrap().toString() : `_${j}`, typeString(f.type)]),
          };
          return [v.name.toString(), structName];
        });
        types[result] = { type: 'enum', type_mapping: mapping };
      }
    } else {
      throw new Error(`type ${key} (${pathName}): ${def.type} has no py-scalecodec form`);
    }
    names.set(key, result);
    return result;
  };

  const runtimeApi = {};
  for (const api of latest.apis) {
    const name = api.name.toString();
    if (!DIEM_APIS.includes(name)) continue;
    const methods = {};
    for (const method of api.methods) {
      methods[method.name.toString()] = {
        description: method.docs.map((d) => d.toString().trim()).join(' '),
        params: method.inputs.map((input) => ({ name: input.name.toString(), type: typeString(input.type) })),
        type: typeString(method.output),
      };
    }
    runtimeApi[name] = { methods, types: {} };
  }
  const missing = DIEM_APIS.filter((name) => !(name in runtimeApi));
  if (missing.length) throw new Error(`the metadata has no ${missing.join(', ')}`);
  // The types once, at the top: `SubstrateInterface(url, type_registry=...)` loads them with the
  // runtime APIs, and again whenever it reloads its registry (a runtime upgrade).
  const sorted = Object.fromEntries(Object.keys(types).sort().map((k) => [k, types[k]]));
  return { types: sorted, runtime_api: runtimeApi };
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const METADATA = path.resolve(here, '../../client/metadata/diem.scale');
export const OUTPUT = path.resolve(here, '../../docs/examples/diem_runtime_api.json');
export const render = () => JSON.stringify(pythonTypes(new Uint8Array(fs.readFileSync(METADATA))), null, 1) + '\n';

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const text = render();
  if (process.argv.includes('--check')) {
    if (!fs.existsSync(OUTPUT) || fs.readFileSync(OUTPUT, 'utf8') !== text) {
      console.error(`${path.relative(process.cwd(), OUTPUT)} is stale: run node web/scripts/python-types.mjs`);
      process.exit(1);
    }
  } else {
    fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
    fs.writeFileSync(OUTPUT, text);
    console.log(`wrote ${path.relative(process.cwd(), OUTPUT)} (${Object.keys(JSON.parse(text).runtime_api).length} APIs)`);
  }
}
