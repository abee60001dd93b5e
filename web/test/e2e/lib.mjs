// What the end-to-end tests share: a dev node on free loopback ports in a temporary directory,
// a static server for the built app (scripts/serve.mjs), and a time limit on every wait. Everything started here is
// stopped by `stopAll()` (the runner calls it on exit, on failure and on a signal).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { serveStatic } from '../../scripts/serve.mjs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const started = [];

export function stopAll() {
  for (const stop of started.splice(0).reverse()) {
    try {
      stop();
    } catch {
      // already gone
    }
  }
}

/** A TCP port on 127.0.0.1 that nothing listens on now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves `promise` or rejects after `ms` with `what` in the message. */
export function within(ms, what, promise) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s: ${what}`)), ms);
    }),
  ]);
}

/** Polls `check` (async, truthy = done) every `intervalMs` until it passes or `ms` elapse. */
export async function waitUntil(ms, what, check, intervalMs = 250) {
  const deadline = Date.now() + ms;
  let last;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`timed out after ${ms / 1000} s: ${what}${last ? ` (last error: ${last.message})` : ''}`);
}

/** The diem-node the tests use: $DIEM_NODE, else the `ci` build in the persistent target dir. */
export function nodeBinary() {
  const target = process.env.CARGO_TARGET_DIR ?? path.join(os.homedir(), '.cache/diem-chain/target');
  const binary = process.env.DIEM_NODE ?? path.join(target, 'ci/diem-node');
  if (!existsSync(binary)) throw new Error(`no diem-node at ${binary}: build it first (scripts/test.sh does)`);
  return binary;
}

/** Starts `diem-node --dev` with a throwaway database; resolves once its RPC answers. */
export async function startDevNode() {
  const [rpcPort, p2pPort] = [await freePort(), await freePort()];
  const base = mkdtempSync(path.join(os.tmpdir(), 'diem-web-e2e-'));
  const log = [];
  const child = spawn(
    nodeBinary(),
    ['--dev', '--base-path', base, '--rpc-port', String(rpcPort), '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}`, '--no-telemetry', '--no-mdns', '--no-prometheus', '--rpc-cors', 'all'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  child.stderr.on('data', (chunk) => {
    log.push(chunk.toString());
    if (log.length > 400) log.splice(0, 200);
  });
  started.push(() => {
    child.kill('SIGTERM');
    rmSync(base, { recursive: true, force: true });
  });
  const url = `ws://127.0.0.1:${rpcPort}`;
  await waitUntil(60_000, `the dev node's RPC on port ${rpcPort}`, async () => {
    if (child.exitCode !== null) throw new Error(`diem-node exited (${child.exitCode}): ${log.join('').slice(-2000)}`);
    const response = await fetch(`http://127.0.0.1:${rpcPort}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: 1, jsonrpc: '2.0', method: 'chain_getHeader', params: [] }),
    });
    const { result } = await response.json();
    return result && Number.parseInt(result.number, 16) >= 1;
  });
  return { url, rpcPort, log };
}

/** Serves `dir` (the built app) on a free loopback port; resolves to its base URL. */
export async function serveApp(dir) {
  const { server, url } = await serveStatic(dir);
  started.push(() => server.close());
  return url;
}

/** Runs `tests` ([name, fn] pairs) one after another, prints each outcome and a summary. */
export async function runTests(suite, tests) {
  let passed = 0;
  const failed = [];
  const start = Date.now();
  for (const [name, test] of tests) {
    const t0 = Date.now();
    try {
      await test();
      passed++;
      console.log(`test ${suite}::${name} ... ok (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    } catch (error) {
      failed.push(name);
      console.log(`test ${suite}::${name} ... FAILED (${((Date.now() - t0) / 1000).toFixed(1)} s)\n${error?.stack ?? error}`);
    }
  }
  const seconds = ((Date.now() - start) / 1000).toFixed(1);
  if (failed.length) console.log(`\nfailures:\n${failed.map((n) => `    ${suite}::${n}`).join('\n')}`);
  console.log(`\n${suite} result: ${failed.length ? 'FAILED' : 'ok'}. ${passed} passed; ${failed.length} failed; finished in ${seconds}s`);
  return failed.length === 0;
}
