// extension.js — the jixiao extension: the language itself (grammar,
// brackets, comments) is declared in package.json; this starts the
// language server, `jxc lsp`, over stdio for diagnostics, hover and
// formatting.  A missing or older jxc costs only those: the extension says
// why once and keeps highlighting.  The user's `jixiao.lang` and
// `jixiao.keywords` settings go to the server at start
// (initializationOptions) and whenever they change (the client's
// configuration synchronisation sends workspace/didChangeConfiguration).
'use strict';

const vscode = require('vscode');
const { findProgram, messages } = require('./server.js');

let client = null;
let output = null;

// The settings the server reads; an empty one is left out, so the server
// keeps its own default (the display language VS Code sends as `locale`).
function serverOptions(config) {
  const opts = {};
  for (const key of ['lang', 'keywords']) {
    const v = config.get(key, '');
    if (v) opts[key] = v;
  }
  return opts;
}

async function start() {
  const config = vscode.workspace.getConfiguration('jixiao');
  if (!config.get('server.enabled', true)) return;
  const name = config.get('server.path', 'jxc') || 'jxc';
  const file = findProgram(name);
  if (!file) {
    output.appendLine(messages.missing(name));
    vscode.window.showWarningMessage(messages.missing(name));
    return;
  }
  // Loaded only now: a missing jxc needs none of it.
  const { LanguageClient, TransportKind } = require('vscode-languageclient/node');
  const run = { command: file, args: ['lsp'], transport: TransportKind.stdio };
  client = new LanguageClient('jixiao', 'jixiao', { run, debug: run }, {
    documentSelector: [
      { scheme: 'file', language: 'jixiao' },
      { scheme: 'untitled', language: 'jixiao' },
    ],
    outputChannel: output,
    initializationOptions: serverOptions(config),
    synchronize: { configurationSection: 'jixiao' },
  });
  try {
    await client.start();
  } catch (err) {
    output.appendLine(messages.failed(file, err));
    vscode.window.showErrorMessage(messages.failed(file, err));
    const c = client;
    client = null;
    try {
      await c.dispose();
    } catch {
      // already gone
    }
  }
}

async function stop() {
  if (!client) return;
  const c = client;
  client = null;
  await c.stop();
}

async function activate(context) {
  output = vscode.window.createOutputChannel('jixiao');
  context.subscriptions.push(output);
  context.subscriptions.push(
    vscode.commands.registerCommand('jixiao.restartServer', async () => {
      await stop();
      await start();
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('jixiao.server')) {
        await stop();
        await start();
      }
    }),
  );
  await start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
