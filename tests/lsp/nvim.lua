-- nvim.lua — one session of Neovim's built-in LSP client with `jxc lsp`
-- (run headless by nvim.sh): open a plan with a mistake, wait for the
-- diagnostic through vim.diagnostic.get(), ask for a hover and a quick
-- fix, apply the fix, and write what was seen to $JX_OUT.
-- Neovim 0.7's API (vim.lsp.start_client), which later versions keep.
local jxc, file, out = os.getenv('JXC'), os.getenv('JX_FILE'), os.getenv('JX_OUT')
local lines = {}
local function say(s) table.insert(lines, s) end
local function finish(status)
  vim.fn.writefile(lines, out)
  vim.cmd((status == 0) and 'qall!' or 'cquit! ' .. status)
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
vim.bo.filetype = 'jixiao'
local id = vim.lsp.start_client({
  name = 'jixiao',
  cmd = { jxc, 'lsp' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
  init_options = { lang = 'en' },
})
if not id then say('no client'); return finish(1) end
vim.lsp.buf_attach_client(0, id)

if not vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 20) then
  say('no diagnostics'); return finish(1)
end
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  say(string.format('diagnostic %d:%d %s %s', d.lnum + 1, d.col + 1,
                    tostring(code), (d.message:gsub('\n.*', ''))))
end

local client = vim.lsp.get_client_by_id(id)
local function request(method, params)
  local r = vim.lsp.buf_request_sync(0, method, params, 10000)
  return r and r[id] and r[id].result
end
local uri = vim.uri_from_bufnr(0)

-- Hover on the second project's satisfaction category (line 15).
local hover = request('textDocument/hover', {
  textDocument = { uri = uri }, position = { line = 14, character = 8 } })
if hover then
  say('hover ' .. (hover.contents.value:gsub('\n.*', '')))
else
  say('no hover')
end

-- The quick fix for the diagnostic, applied as the client applies edits.
-- The client keeps the server's diagnostic (UTF-16 range) in user_data;
-- its own columns are bytes.
local d = vim.diagnostic.get(0)[1]
local lsp_d = d.user_data and d.user_data.lsp
local text = vim.api.nvim_buf_get_lines(0, d.lnum, d.lnum + 1, false)[1]
local range = lsp_d and lsp_d.range or {
  start = { line = d.lnum, character = vim.str_utfindex(text, d.col) },
  ['end'] = { line = d.lnum, character = vim.str_utfindex(text, d.end_col) } }
local actions = request('textDocument/codeAction', {
  textDocument = { uri = uri }, range = range,
  context = { diagnostics = {} } })
if actions and actions[1] then
  say('action ' .. actions[1].title)
  vim.lsp.util.apply_workspace_edit(actions[1].edit, client.offset_encoding or 'utf-16')
  say('line ' .. vim.api.nvim_buf_get_lines(0, 6, 7, false)[1])
else
  say('no action')
end
-- The fixed text reaches the server: its diagnostics clear.
if vim.wait(20000, function() return #vim.diagnostic.get(0) == 0 end, 20) then
  say('diagnostics cleared')
else
  say('diagnostics not cleared')
end
client.stop()
finish(0)
