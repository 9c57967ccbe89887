#!/usr/bin/env bash
# Build the npm package: the library for wasm32 (profile `wasm`, for size),
# then wasm-bindgen's glue for Node (CommonJS) in pkg/node and for browsers
# (an ES module) in pkg/web. Needs `rustup target add wasm32-unknown-unknown`
# and wasm-bindgen-cli at the version of the wasm-bindgen crate in Cargo.lock.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cargo build --quiet --manifest-path "$root/Cargo.toml" -p client-lint-wasm \
  --target wasm32-unknown-unknown --profile wasm
wasm="$root/target/wasm32-unknown-unknown/wasm/client_lint_wasm.wasm"
rm -rf "$here/pkg"
wasm-bindgen --target nodejs --remove-name-section --remove-producers-section --out-dir "$here/pkg/node" "$wasm"
wasm-bindgen --target web --remove-name-section --remove-producers-section --out-dir "$here/pkg/web" "$wasm"
ls -l "$here/pkg/node/client_lint_wasm_bg.wasm"
