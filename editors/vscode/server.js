// server.js — finding `jxc` and saying clearly why the language server did
// not start.  Kept apart from extension.js (and from the vscode module) so
// that node's test runner can check it without VS Code.
'use strict';

const fs = require('fs');
const path = require('path');

// The program `name` would run: a path is taken as it is, a bare name is
// looked up on PATH.  null if there is no such executable file.
function findProgram(name, env = process.env, platform = process.platform) {
  if (!name) return null;
  const exts = platform === 'win32' ? (env.PATHEXT || '.EXE;.CMD;.BAT').split(';') : [''];
  const runnable = (file) => {
    for (const ext of exts) {
      const f = file + ext;
      try {
        const st = fs.statSync(f);
        if (!st.isFile()) continue;
        if (platform !== 'win32') fs.accessSync(f, fs.constants.X_OK);
        return f;
      } catch {
        // not this one
      }
    }
    return null;
  };
  if (name.includes('/') || name.includes('\\')) return runnable(path.resolve(name));
  for (const dir of (env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    const f = runnable(path.join(dir, name));
    if (f) return f;
  }
  return null;
}

const messages = {
  missing: (name) =>
    `jixiao: the language server was not started: "${name}" was not found. ` +
    'Highlighting works without it; for diagnostics, hover and formatting install jxc ' +
    '(make install) or set "jixiao.server.path" to the jxc program.',
  failed: (file, err) =>
    `jixiao: "${file} lsp" did not start a language server (${err && err.message ? err.message : err}). ` +
    'This jxc may be older than the language server; highlighting still works.',
};

module.exports = { findProgram, messages };
