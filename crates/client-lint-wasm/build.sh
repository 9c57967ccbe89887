#!/usr/bin/env bash
# Build the npm package in pkg/: the library for wasm32 (profile `wasm`),
# wasm-bindgen's ES-module glue for browsers and bundlers, and the Node
# entries around the same single .wasm:
#   client_lint_wasm.js, .d.ts   browsers and bundlers: `await init()` first
#   client_lint_wasm_bg.wasm     the module, once
#   node.mjs, node.d.mts         Node, `import`: ready on import
#   node.cjs, node.d.cts, glue.cjs   Node, `require`: ready on require
# Needs `rustup target add wasm32-unknown-unknown`, wasm-bindgen-cli at the
# version of the wasm-bindgen crate in Cargo.lock, and npm (esbuild turns the
# glue into CommonJS).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cargo build --quiet --manifest-path "$root/Cargo.toml" -p client-lint-wasm \
  --target wasm32-unknown-unknown --profile wasm
wasm="$root/target/wasm32-unknown-unknown/wasm/client_lint_wasm.wasm"
rm -rf "$here/pkg"
wasm-bindgen --target web --remove-name-section --remove-producers-section --out-dir "$here/pkg" "$wasm"
rm -f "$here/pkg/client_lint_wasm_bg.wasm.d.ts"
(cd "$here" && npm install --no-audit --no-fund --silent)

# The API's declarations (the glue's own, without init and the raw exports).
api=$(awk '/^export type InitInput/ { exit } { print }' "$here/pkg/client_lint_wasm.d.ts")
printf '%s\n' "$api" > "$here/pkg/node.d.mts"
printf '%s\n' "$api" > "$here/pkg/node.d.cts"

cat > "$here/pkg/node.mjs" <<'JS'
// Node, ES modules: the WebAssembly module is compiled when this is imported.
import { readFileSync } from "node:fs";
import { initSync } from "./client_lint_wasm.js";

initSync({ module: readFileSync(new URL("./client_lint_wasm_bg.wasm", import.meta.url)) });

export { lint, fix, rules, explain, schema } from "./client_lint_wasm.js";
JS

"$here/node_modules/.bin/esbuild" "$here/pkg/client_lint_wasm.js" --format=cjs --platform=node \
  --log-level=error --outfile="$here/pkg/glue.cjs"
cat > "$here/pkg/node.cjs" <<'JS'
// Node, CommonJS: the WebAssembly module is compiled when this is required.
"use strict";
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const glue = require("./glue.cjs");

glue.initSync({ module: readFileSync(join(__dirname, "client_lint_wasm_bg.wasm")) });

module.exports = {
  lint: glue.lint,
  fix: glue.fix,
  rules: glue.rules,
  explain: glue.explain,
  schema: glue.schema,
};
JS
ls -l "$here/pkg"
