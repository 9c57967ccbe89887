// The npm package's Node build against the library's behaviour:
//   bash build.sh && node --test tests/
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const cl = require("../pkg/node.cjs");
const root = new URL("../../../", import.meta.url);
const CLEAN = readFileSync(new URL("examples/client.json", root), "utf8");
const MISTAKES = readFileSync(new URL("examples/client-with-mistakes.json", root), "utf8");

test("the README example", () => {
  const text = '{"timezone": "Europe/Moskow", "type": "j"}';
  const found = cl.lint(text);
  assert.deepEqual(found.map((d) => [d.code, d.pointer]), [["CL401", "/timezone"], ["CL201", "/type"]]);
  const tz = found[0];
  assert.equal(tz.severity, "error");
  assert.match(tz.help, /Europe\/Moscow/);
  assert.equal(text.slice(tz.start, tz.end), '"Europe/Moskow"');
  assert.deepEqual([tz.line, tz.column], [1, 14]);
});

test("each diagnostic is the library's record, plus UTF-16 offsets", () => {
  // tests/data/record-shape.json: the library's records, which the CLI, the service and the
  // Python package also give; JavaScript adds only offsets in its own units.
  const shape = JSON.parse(readFileSync(new URL("tests/data/record-shape.json", root), "utf8"));
  const got = cl.lint(shape.document);
  for (const d of got) {
    assert.ok(shape.document.slice(d.start, d.end).length > 0);
    assert.equal(typeof d.utf16_column, "number");
    assert.equal(typeof d.utf16_end_column, "number");
    for (const k of ["start", "end", "utf16_column", "utf16_end_column"]) delete d[k];
    if (d.fix) {
      assert.ok(shape.document.slice(d.fix.start, d.fix.end).length > 0);
      assert.equal(typeof d.fix.replacement, "string");
      for (const k of ["start", "end", "replacement"]) delete d.fix[k];
    }
  }
  assert.deepEqual(got, shape.records);
});

test("the bundled examples", () => {
  assert.deepEqual(cl.lint(CLEAN), []);
  const found = cl.lint(MISTAKES);
  assert.equal(found.length, 18);
  for (const d of found) {
    if (d.start === undefined) continue;
    const before = MISTAKES.slice(0, d.start);
    assert.equal(d.line, before.split("\n").length);
    assert.equal(d.utf16_column, before.length - (before.lastIndexOf("\n") + 1) + 1);
  }
});

test("UTF-16 offsets and columns after Ж and 😀", () => {
  const text = '{"name": "Ж 😀 Acme", "type": "j", "timezone": "Europe/Moskow"}';
  const byCode = Object.fromEntries(cl.lint(text).map((d) => [d.code, d]));
  const type = byCode.CL201;
  assert.equal(text.slice(type.start, type.end), '"j"');
  assert.equal(text.slice(byCode.CL401.start, byCode.CL401.end), '"Europe/Moskow"');
  assert.equal(type.utf16_column, text.indexOf('"j"') + 1);
  // The code-point column is one less: 😀 is two UTF-16 units, one code point.
  assert.equal(type.column, type.utf16_column - 1);
  assert.equal(type.fix.applicability, "safe");
  assert.equal(text.slice(type.fix.start, type.fix.end), '"j"');
  assert.equal(type.fix.replacement, '"J"');
});

test("Russian", () => {
  const [d] = cl.lint('{"type": "j"}', { lang: "ru" });
  assert.equal(d.message, "тип клиента `j` пишется заглавной буквой");
  assert.match(cl.explain("CL201", "ru"), /Пример/);
  assert.notEqual(cl.rules("ru")[0].description, cl.rules()[0].description);
});

test("response mode accepts server fields", () => {
  const text = '{"id": 42, "name": "Acme"}';
  assert.deepEqual(cl.lint(text).map((d) => d.name), ["read-only-field"]);
  assert.deepEqual(cl.lint(text, { mode: "response" }), []);
});

test("rule levels", () => {
  const text = '{"type": "j", "name": " Acme"}';
  assert.deepEqual(cl.lint(text).map((d) => d.code).sort(), ["CL201", "CL803"]);
  assert.deepEqual(cl.lint(text, { levels: { CL803: "off" } }).map((d) => d.code), ["CL201"]);
  const raised = cl.lint(text, { levels: { "surrounding-whitespace": "error" } });
  assert.equal(raised.find((d) => d.code === "CL803").severity, "error");
});

test("bad options throw a clear error", () => {
  for (const [options, words] of [
    [{ lang: "de" }, /unknown lang `de`/],
    [{ mode: "reply" }, /unknown mode `reply`/],
    [{ levels: { CL999: "off" } }, /CL999/],
    [{ levels: { CL201: "loud" } }, /loud/],
    [{ langauge: "ru" }, /unknown option "langauge"/],
    [{ redact: "yes" }, /bad options/],
    ["ru", /must be an object/],
    [[], /must be an object/],
  ]) {
    assert.throws(() => cl.lint("{}", options), (e) => e instanceof Error && words.test(e.message));
  }
});

test("fix: safe, unsafe, never a broken document", () => {
  const text = '{"type": "j", "timezone": "Europe/Moskow"}';
  assert.deepEqual(cl.fix(text), { text: '{"type": "J", "timezone": "Europe/Moskow"}', fixed: 1 });
  assert.deepEqual(cl.fix(text, { unsafeFixes: true }), {
    text: '{"type": "J", "timezone": "Europe/Moscow"}',
    fixed: 2,
  });
  assert.deepEqual(cl.fix('{"type": "j",'), { text: '{"type": "j",', fixed: 0 });
});

test("rules, explain, schema", () => {
  const rules = cl.rules();
  assert.ok(rules.length > 40);
  assert.equal(new Set(rules.map((r) => r.code)).size, rules.length);
  assert.equal(cl.explain("unknown-timezone"), cl.explain("CL401"));
  assert.throws(() => cl.explain("no-such-rule"), /no-such-rule/);
  assert.ok("timezone" in cl.schema().properties);
});

test("hostile input gets diagnostics, not crashes", () => {
  const deep = "[".repeat(100000) + "]".repeat(100000);
  assert.ok(cl.lint(deep).some((d) => d.name === "nesting-too-deep"));
  assert.equal(cl.lint("")[0].code, "CL001");
  assert.equal(cl.lint('{"name": "\\ud800"}')[0].name, "lone-surrogate");
  const many = "{" + Array.from({ length: 20000 }, (_, i) => `"k${i}": ${i}`).join(", ") + "}";
  assert.ok(cl.lint(many).length >= 1000);
  assert.equal(cl.lint("\u0000")[0].severity, "error");
});

test("a lone surrogate in the string itself is reported, and fix keeps every code unit", () => {
  // Not the escape `\ud800` but the code unit itself, as a file cannot hold it.
  const doc = '{"type": "j", "name": "a\ud800b"}';
  const found = cl.lint(doc);
  assert.equal(found[0].name, "invalid-encoding");
  assert.equal(found[0].severity, "error");
  const fixed = cl.fix(doc);
  assert.equal(fixed.fixed, 0);
  assert.equal(fixed.text, doc);
  assert.equal(fixed.text.charCodeAt(24), 0xd800);
  // A real U+FFFD is text like any other: linted and fixed.
  const replacement = '{"type": "j", "name": "a\ufffdb"}';
  assert.equal(cl.fix(replacement).text, '{"type": "J", "name": "a\ufffdb"}');
  assert.ok(!cl.lint(replacement).some((d) => d.name === "invalid-encoding"));
});

test("the TypeScript declarations name every export", () => {
  const dts = readFileSync(new URL("../pkg/client_lint_wasm.d.ts", import.meta.url), "utf8");
  for (const name of ["lint", "fix", "rules", "explain", "schema"]) {
    assert.match(dts, new RegExp(`export function ${name}\\(`));
    assert.equal(typeof cl[name], "function");
  }
  for (const t of ["Diagnostic", "Fix", "Rule", "Options"]) {
    assert.match(dts, new RegExp(`export interface ${t} `));
  }
});

test("numbers by their JSON meaning, as the library reads them", () => {
  for (const [number, names] of [
    ["90", []],
    ["90.0", ["non-canonical-integer"]],
    ["9e1", ["non-canonical-integer"]],
    ["-0", ["non-canonical-integer"]],
    ["1.5e2", ["threshold-out-of-range"]],
    ["90.5", ["number-not-integer"]],
    ["1e400", ["threshold-out-of-range"]],
  ]) {
    const doc = `{"disk_space_notify_threshold": ${number}, "disk_space_notify_email": "ops@example.com"}`;
    assert.deepEqual(cl.lint(doc).map((d) => d.name), names, number);
  }
});

test("non-string documents throw a TypeError before entering the module", () => {
  for (const bad of [5, {}, null, undefined, ["{}"]]) {
    assert.throws(() => cl.lint(bad), TypeError, String(bad));
    assert.throws(() => cl.fix(bad), TypeError, String(bad));
  }
  // And the module still works afterwards.
  assert.deepEqual(cl.lint("{}"), []);
});

test("the ES-module entry for Node is ready on import and agrees with CommonJS", async () => {
  const esm = await import("../pkg/node.mjs");
  for (const name of ["lint", "fix", "rules", "explain", "schema"]) {
    assert.equal(typeof esm[name], "function", name);
  }
  assert.deepEqual(esm.lint(MISTAKES), cl.lint(MISTAKES));
  // The Node declarations are the API without init; the browser's have init.
  const nodeTypes = readFileSync(new URL("../pkg/node.d.mts", import.meta.url), "utf8");
  assert.match(nodeTypes, /export function lint\(/);
  assert.doesNotMatch(nodeTypes, /InitInput|initSync/);
  const webTypes = readFileSync(new URL("../pkg/client_lint_wasm.d.ts", import.meta.url), "utf8");
  assert.match(webTypes, /export default function __wbg_init/);
});
