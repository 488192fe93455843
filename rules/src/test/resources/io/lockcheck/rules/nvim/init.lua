-- The README's Neovim setup, with the command from the test (the jar under test, not the
-- launcher, which may rebuild). vim.lsp.start is Neovim 0.8+; Debian 12 ships 0.7, where
-- start_client plus buf_attach_client do the same.
local cmd = vim.split(os.getenv("LOCKCHECK_LSP_CMD"), "\t", { plain = true })

vim.api.nvim_create_autocmd("FileType", {
  pattern = "c",
  callback = function(args)
    local root = vim.fn.fnamemodify(args.file, ":p:h")
    if vim.lsp.start then
      vim.lsp.start({ name = "lockcheck", cmd = cmd, root_dir = root })
    else
      local id = vim.lsp.start_client({ name = "lockcheck", cmd = cmd, root_dir = root })
      vim.lsp.buf_attach_client(args.buf, id)
    end
  end,
})
