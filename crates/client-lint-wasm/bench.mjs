// Per-lint time of the Node build on the documents crates/client-lint-py/bench.py
// times (best of 5 rounds):  bash build.sh && node bench.mjs
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const cl = createRequire(import.meta.url)("./pkg/node.cjs");
const root = new URL("../../", import.meta.url);
const docs = {
  "valid (examples/client.json)": readFileSync(new URL("examples/client.json", root), "utf8"),
  "18 findings (examples/client-with-mistakes.json)": readFileSync(
    new URL("examples/client-with-mistakes.json", root),
    "utf8",
  ),
  "1,000 findings (unknown keys)": "{" + Array.from({ length: 1000 }, (_, i) => `"key${i}": ${i}`).join(", ") + "}",
};
console.log("| document | Node lint |");
console.log("|---|---|");
for (const [name, text] of Object.entries(docs)) {
  const n = Math.max(1, Math.floor(20000 / (1 + cl.lint(text).length)));
  let best = Infinity;
  for (let r = 0; r < 5; r++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < n; i++) cl.lint(text);
    best = Math.min(best, Number(process.hrtime.bigint() - t) / n / 1000);
  }
  console.log(`| ${name} | ${best.toFixed(1)} µs |`);
}
