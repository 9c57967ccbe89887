-- A real editor against `client-lint lsp`: neovim, headless.
--
--   CLIENT_LINT=target/debug/client-lint nvim --headless --clean -u NONE \
--     -l tests/editor/neovim.lua examples/client-with-mistakes.json     (0.9+)
--   nvim --headless --clean -u NONE -c "luafile tests/editor/neovim.lua" FILE (0.7+)
--
-- Opens a copy of FILE, starts the server, waits for its diagnostics,
-- asks for the quick fix of `client-type-wrong-case` (CL201), applies it the way
-- the editor's own code-action menu does, and waits for the re-lint that the
-- edit triggers to drop CL201 while the other findings stay. Exits 0 on
-- success, 1 with a message on stderr otherwise. Written for neovim 0.7 (the
-- Debian package CI installs): `vim.lsp.start_client`, not `vim.lsp.start`.

local function fail(msg)
  io.stderr:write("neovim.lua: " .. msg .. "\n")
  vim.cmd("cquit 1")
end

local function codes(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    out[#out + 1] = tostring(d.code)
  end
  table.sort(out)
  return out
end

local function has(list, code)
  for _, c in ipairs(list) do
    if c == code then return true end
  end
  return false
end

local ok, err = pcall(function()
  local binary = os.getenv("CLIENT_LINT") or "client-lint"
  local source = os.getenv("CLIENT_LINT_FILE") or "examples/client-with-mistakes.json"
  local dir = vim.fn.tempname()
  vim.fn.mkdir(dir, "p")
  local path = dir .. "/client.json"
  vim.fn.writefile(vim.fn.readfile(source, "b"), path, "b")
  vim.cmd("edit " .. vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()

  local client_id = vim.lsp.start_client({
    name = "client-lint",
    cmd = { binary, "lsp" },
    root_dir = dir,
  })
  if not client_id then fail("the server did not start: " .. binary) end
  vim.lsp.buf_attach_client(bufnr, client_id)

  if not vim.wait(20000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50) then
    fail("no diagnostics within 20 s")
  end
  local before = codes(bufnr)
  if not has(before, "CL201") then
    fail("expected CL201 among the diagnostics, got " .. table.concat(before, " "))
  end
  local diag
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if tostring(d.code) == "CL201" then diag = d end
  end
  local client = vim.lsp.get_client_by_id(client_id)

  -- The request the code-action menu sends for the cursor on that finding.
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = {
      start = { line = diag.lnum, character = diag.col },
      ["end"] = { line = diag.end_lnum, character = diag.end_col },
    },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, diag.lnum) },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, 10000)
  if not responses or not responses[client_id] or not responses[client_id].result then
    fail("no code actions for CL201")
  end
  local chosen
  for _, action in ipairs(responses[client_id].result) do
    if action.kind == "quickfix" and action.isPreferred and action.edit then chosen = action end
  end
  if not chosen then fail("no preferred quick fix among the code actions for CL201") end
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)

  local line = vim.api.nvim_buf_get_lines(bufnr, diag.lnum, diag.lnum + 1, false)[1]
  if not line:find('"type": "J"', 1, true) then
    fail("the quick fix did not write \"J\": " .. line)
  end

  -- The edit goes to the server as didChange; its new diagnostics drop CL201.
  if not vim.wait(20000, function() return not has(codes(bufnr), "CL201") end, 50) then
    fail("CL201 still reported after the fix: " .. table.concat(codes(bufnr), " "))
  end
  local after = codes(bufnr)
  if #after ~= #before - 1 then
    fail(("expected one finding fewer: before %d (%s), after %d (%s)"):format(
      #before, table.concat(before, " "), #after, table.concat(after, " ")))
  end

  -- shutdown, then exit: the server must leave with status 0.
  local exit_code
  client.config.on_exit = function(code) exit_code = code end
  vim.lsp.stop_client(client_id)
  if not vim.wait(10000, function() return exit_code ~= nil end, 50) then
    fail("the server did not exit within 10 s of shutdown")
  end
  if exit_code ~= 0 then fail("the server exited with status " .. exit_code .. " after shutdown") end
  io.stdout:write(("neovim: %d diagnostics, quick fix applied, re-linted to %d\n"):format(#before, #after))
end)
if not ok then fail(tostring(err)) end
vim.cmd("qall!")
