-- Waits for the current buffer's diagnostics, asks for hover on the first one, writes both to
-- $LOCKCHECK_NVIM_OUT ("diag LINE:COL:CODE:SEVERITY:SOURCE" lines, then "hover FIRST-LINE"), quits.
local buf = vim.api.nvim_get_current_buf()
local out = {}
vim.wait(180000, function() return #vim.diagnostic.get(buf) > 0 end, 100)
local diagnostics = vim.diagnostic.get(buf)
table.sort(diagnostics, function(a, b) return a.lnum < b.lnum end)
for _, d in ipairs(diagnostics) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  table.insert(out, string.format("diag %d:%d:%s:%d:%s", d.lnum + 1, d.col + 1, tostring(code), d.severity,
    tostring(d.source)))
end
if diagnostics[1] then
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = diagnostics[1].lnum, character = diagnostics[1].col },
  }
  local replies = vim.lsp.buf_request_sync(buf, "textDocument/hover", params, 60000) or {}
  for _, reply in pairs(replies) do
    if reply.result and reply.result.contents then
      table.insert(out, "hover " .. vim.split(reply.result.contents.value, "\n", { plain = true })[1])
    end
  end
end
local f = assert(io.open(os.getenv("LOCKCHECK_NVIM_OUT"), "w"))
f:write(table.concat(out, "\n"), "\n")
f:close()
vim.cmd("qa!")
