// extension.test.js — the extension's client, run by node's test runner with
// stand-ins for the vscode and vscode-languageclient modules: jxc is found
// on PATH or by path; a missing jxc, or one without `lsp`, leaves a clear
// message and no client; the client runs `jxc lsp` on jixiao documents.
'use strict';

const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const Module = require('module');

const { findProgram, messages } = require('../server.js');

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-vscode-'));
}
function program(dir, name, mode = 0o755) {
  const f = path.join(dir, name);
  fs.writeFileSync(f, '#!/bin/sh\nexit 0\n');
  fs.chmodSync(f, mode);
  return f;
}

test('findProgram looks a bare name up on PATH, skipping what cannot run', () => {
  const a = tempDir();
  const b = tempDir();
  program(a, 'jxc', 0o644); // not executable
  const good = program(b, 'jxc');
  const env = { PATH: [a, '', b].join(path.delimiter) };
  assert.strictEqual(findProgram('jxc', env, 'linux'), good);
  assert.strictEqual(findProgram('jxc', { PATH: a }, 'linux'), null);
  assert.strictEqual(findProgram('jxc', {}, 'linux'), null);
  assert.strictEqual(findProgram('', env, 'linux'), null);
});

test('findProgram takes a path as it is', () => {
  const d = tempDir();
  const f = program(d, 'my-jxc');
  assert.strictEqual(findProgram(f, { PATH: '' }, 'linux'), f);
  assert.strictEqual(findProgram(path.join(d, 'absent'), { PATH: '' }, 'linux'), null);
  assert.strictEqual(findProgram(d, { PATH: '' }, 'linux'), null); // a directory
});

// ---- activate() with stand-ins -------------------------------------------
// The stand-ins of the current test; extension.js loads the client lazily,
// so the hook stays in place for the whole file.
let stubs = null;
const load = Module._load;
Module._load = function (request, ...rest) {
  if (stubs && request in stubs) return stubs[request];
  return load.call(this, request, ...rest);
};

function harness(settings, startResult = () => Promise.resolve()) {
  const shown = [];
  const lines = [];
  const clients = [];
  const vscode = {
    workspace: {
      getConfiguration: () => ({ get: (k, dflt) => (k in settings ? settings[k] : dflt) }),
      onDidChangeConfiguration: () => ({ dispose() {} }),
    },
    window: {
      createOutputChannel: () => ({ appendLine: (l) => lines.push(l), dispose() {} }),
      showWarningMessage: (m) => shown.push(['warning', m]),
      showErrorMessage: (m) => shown.push(['error', m]),
    },
    commands: { registerCommand: () => ({ dispose() {} }) },
  };
  class LanguageClient {
    constructor(id, name, serverOptions, clientOptions) {
      Object.assign(this, { id, name, serverOptions, clientOptions, disposed: false });
      clients.push(this);
    }
    start() {
      return startResult();
    }
    stop() {
      return Promise.resolve();
    }
    dispose() {
      this.disposed = true;
      return Promise.resolve();
    }
  }
  const lc = { LanguageClient, TransportKind: { stdio: 0 } };
  stubs = { vscode, 'vscode-languageclient/node': lc };
  const file = require.resolve('../extension.js');
  delete require.cache[file];
  const ext = require(file);
  return { ext, shown, lines, clients, context: { subscriptions: [] } };
}

test('no jxc: one clear warning, no client, activation succeeds', async () => {
  const h = harness({ 'server.path': 'jxc-that-is-not-installed' });
  await h.ext.activate(h.context);
  assert.deepStrictEqual(h.shown, [['warning', messages.missing('jxc-that-is-not-installed')]]);
  assert.match(h.shown[0][1], /"jxc-that-is-not-installed" was not found/);
  assert.match(h.shown[0][1], /jixiao\.server\.path/);
  assert.strictEqual(h.clients.length, 0);
  await h.ext.deactivate();
});

test('a jxc is found: the client runs `jxc lsp` over stdio for jixiao documents', async () => {
  const jxc = program(tempDir(), 'jxc');
  const h = harness({ 'server.path': jxc });
  await h.ext.activate(h.context);
  assert.deepStrictEqual(h.shown, []);
  assert.strictEqual(h.clients.length, 1);
  const c = h.clients[0];
  assert.deepStrictEqual(c.serverOptions.run, { command: jxc, args: ['lsp'], transport: 0 });
  assert.deepStrictEqual(c.clientOptions.documentSelector.map((d) => d.language), ['jixiao', 'jixiao']);
  assert.ok(h.context.subscriptions.length >= 2);
  await h.ext.deactivate();
});

test('the jixiao settings reach the server at start and on change', async () => {
  const jxc = program(tempDir(), 'jxc');
  const h = harness({ 'server.path': jxc, lang: 'zh', keywords: '' });
  await h.ext.activate(h.context);
  const c = h.clients[0];
  assert.deepStrictEqual(c.clientOptions.initializationOptions, { lang: 'zh' });
  assert.deepStrictEqual(c.clientOptions.synchronize, { configurationSection: 'jixiao' });
  await h.ext.deactivate();
  const none = harness({ 'server.path': jxc });
  await none.ext.activate(none.context);
  assert.deepStrictEqual(none.clients[0].clientOptions.initializationOptions, {});
  await none.ext.deactivate();
});

test('a jxc without `lsp`: the failure is shown and the client disposed', async () => {
  const jxc = program(tempDir(), 'jxc');
  const h = harness({ 'server.path': jxc }, () => Promise.reject(new Error('Connection closed')));
  await h.ext.activate(h.context);
  assert.strictEqual(h.shown.length, 1);
  assert.strictEqual(h.shown[0][0], 'error');
  assert.match(h.shown[0][1], / lsp" did not start a language server \(Connection closed\)/);
  assert.strictEqual(h.clients[0].disposed, true);
  assert.deepStrictEqual(h.lines, [h.shown[0][1]]);
});

test('server.enabled false: nothing is started and nothing is said', async () => {
  const h = harness({ 'server.enabled': false });
  await h.ext.activate(h.context);
  assert.deepStrictEqual(h.shown, []);
  assert.strictEqual(h.clients.length, 0);
});
