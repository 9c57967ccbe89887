//! `client-lint` for JavaScript (Node and browsers): the library's rules as
//! WebAssembly, called, never copied.
//!
//! Diagnostics become plain JavaScript objects straight from Rust structs
//! (`serde-wasm-bindgen`, no JSON text in between). `start` and `end` are
//! UTF-16 offsets, as JavaScript indexes strings, so
//! `text.slice(d.start, d.end)` is the flagged text; `column` counts code
//! points as the command line prints it, `utf16Column` counts UTF-16 units as
//! editors do.

#![allow(
    clippy::needless_pass_by_value,
    reason = "wasm-bindgen exports take JavaScript values by value: that is the ABI"
)]
#![allow(
    clippy::missing_errors_doc,
    reason = "what each export throws is documented in the TypeScript declarations below"
)]

use client_lint::{Diagnostic, Lang, Mode, OffsetUnit, Options, Rule, UnsafeFixes};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;

/// What `lint` and `fix` accept; anything else is an error naming it.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct JsOptions {
    lang: Option<String>,
    mode: Option<String>,
    redact: Option<bool>,
    levels: Option<BTreeMap<String, String>>,
    unsafe_fixes: Option<bool>,
}

#[derive(Serialize)]
struct JsFixed {
    text: String,
    fixed: usize,
}

#[derive(Serialize)]
struct JsRule {
    code: &'static str,
    name: &'static str,
    severity: &'static str,
    fix: &'static str,
    fields: String,
    description: &'static str,
}

fn error(msg: String) -> JsError {
    JsError::new(&msg)
}

/// The document, or a `TypeError` thrown before the module is entered with
/// anything else (`lint(5)`, `lint({})`).
fn text_of(text: &JsValue, function: &str) -> Result<String, JsValue> {
    text.as_string().ok_or_else(|| {
        let got = text.js_typeof().as_string().unwrap_or_default();
        js_sys::TypeError::new(&format!(
            "client-lint: {function} takes the document as a string, not {got}"
        ))
        .into()
    })
}

/// A document as the linter reads a file: UTF-8 text; or, when the string
/// holds a lone surrogate (which `String` would turn into U+FFFD without a
/// word, and which no UTF-8 file can hold), the bytes a file would hold
/// (WTF-8), which the linter reports as `invalid-encoding`.
enum Document {
    Text(String),
    Bytes(Vec<u8>),
}

fn document_of(value: &JsValue, function: &str) -> Result<Document, JsValue> {
    let text = text_of(value, function)?;
    // A lone surrogate arrives as U+FFFD: only then ask the engine.
    let js: &js_sys::JsString = value.unchecked_ref();
    if !text.contains('\u{FFFD}') || js.is_well_formed() {
        return Ok(Document::Text(text));
    }
    let mut bytes = Vec::with_capacity(text.len());
    for unit in char::decode_utf16(js.iter()) {
        match unit {
            Ok(c) => bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
            Err(e) => {
                let u = e.unpaired_surrogate();
                bytes.extend_from_slice(&[
                    0xE0 | (u >> 12) as u8,
                    0x80 | ((u >> 6) & 0x3F) as u8,
                    0x80 | (u & 0x3F) as u8,
                ]);
            }
        }
    }
    Ok(Document::Bytes(bytes))
}

/// The members `JsOptions` reads.
const OPTION_NAMES: [&str; 5] = ["lang", "mode", "redact", "levels", "unsafeFixes"];

fn lang_of(lang: Option<&str>) -> Result<Lang, JsError> {
    lang.unwrap_or("en")
        .parse()
        .map_err(|e| error(format!("client-lint: {e}")))
}

fn parse_options(value: JsValue) -> Result<(Options, JsOptions), JsError> {
    let js: JsOptions = if value.is_undefined() || value.is_null() {
        JsOptions::default()
    } else {
        if !value.is_object() || js_sys::Array::is_array(&value) {
            return Err(error(
                "client-lint: options must be an object, like { lang: \"ru\" }".into(),
            ));
        }
        // serde-wasm-bindgen reads only the fields it knows: name the others.
        for key in js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter() {
            let key = key.as_string().unwrap_or_default();
            if !OPTION_NAMES.contains(&key.as_str()) {
                return Err(error(format!(
                    "client-lint: unknown option {key:?}: the options are {}",
                    OPTION_NAMES.join(", ")
                )));
            }
        }
        serde_wasm_bindgen::from_value(value).map_err(|e| error(format!("client-lint: bad options: {e}")))?
    };
    let mode: Mode = js
        .mode
        .as_deref()
        .unwrap_or("request")
        .parse()
        .map_err(|e| error(format!("client-lint: {e}")))?;
    let mut o = Options::new()
        .with_lang(lang_of(js.lang.as_deref())?)
        .with_mode(mode)
        .with_redact(js.redact.unwrap_or(false));
    for (k, v) in js.levels.iter().flatten() {
        o = o
            .with_level_str(k, v)
            .map_err(|e| error(format!("client-lint: {e}")))?;
    }
    Ok((o, js))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    // One JSON text parsed by the engine: far fewer crossings between wasm
    // and JavaScript than setting each property (3x faster with findings).
    let json = serde_json::to_string(value).map_err(|e| error(e.to_string()))?;
    js_sys::JSON::parse(&json).map_err(|_| error("client-lint: internal JSON".into()))
}

/// The library's serialised record of each diagnostic (the CLI's
/// `--format json`, Python's `to_dict()`), plus offsets in JavaScript's own
/// units: `start`/`end` and `utf16_column`/`utf16_end_column` in UTF-16, and
/// the fix's text edit (`start`, `end`, `replacement`). Only these are added;
/// every other member is the library's, by its own `Serialize`.
fn convert(text: &str, diags: &[Diagnostic]) -> Result<JsValue, JsError> {
    use std::fmt::Write;
    let json_err = |e: serde_json::Error| error(e.to_string());
    let mut out = String::from("[");
    for (i, at) in client_lint::render::locate(text, diags, OffsetUnit::Utf16)
        .into_iter()
        .enumerate()
    {
        let d = at.diagnostic;
        if i > 0 {
            out.push(',');
        }
        // The record's members are in a documented order and `fix`, when
        // there is one, is the last: its edit goes inside it, then the
        // record's own offsets. record-shape.json's test holds this.
        let mut record = String::with_capacity(512);
        client_lint::render::json_diagnostic(&mut record, d);
        record.pop();
        if let Some(f) = d.fix() {
            record.pop();
            for (key, v) in [("start", at.fix_start), ("end", at.fix_end)] {
                if let Some(v) = v {
                    let _ = write!(record, ",\"{key}\":{v}");
                }
            }
            if let Some((_, r)) = f.edit() {
                let r = serde_json::to_string(r).map_err(json_err)?;
                let _ = write!(record, ",\"replacement\":{r}");
            }
            record.push('}');
        }
        let own = [
            ("utf16_column", at.column),
            ("utf16_end_column", at.end_column),
            ("start", at.start),
            ("end", at.end),
        ];
        for (key, v) in own {
            if let Some(v) = v {
                let _ = write!(record, ",\"{key}\":{v}");
            }
        }
        record.push('}');
        out.push_str(&record);
    }
    out.push(']');
    js_sys::JSON::parse(&out).map_err(|_| error("client-lint: internal JSON".into()))
}

/// Lint one client document (JSON text). Options: `lang` (`"en"`, `"ru"`),
/// `mode` (`"request"`, `"response"`), `redact`, `levels` (`{"CL803": "off"}`).
#[wasm_bindgen(skip_typescript)]
pub fn lint(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let document = document_of(&text, "lint")?;
    let (options, _) = parse_options(options)?;
    match document {
        Document::Text(text) => {
            let report = client_lint::lint_str(&text, &options);
            Ok(convert(&text, report.diagnostics())?)
        }
        Document::Bytes(bytes) => {
            let report = client_lint::lint_slice(&bytes, &options);
            // The spans point into the valid text before the surrogate.
            let valid = match std::str::from_utf8(&bytes) {
                Ok(all) => all,
                Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default(),
            };
            Ok(convert(valid, report.diagnostics())?)
        }
    }
}

/// Apply the safe fixes (the unsafe ones too with `unsafeFixes: true`):
/// `{text, fixed}`.
#[wasm_bindgen(skip_typescript)]
pub fn fix(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let document = document_of(&text, "fix")?;
    let (options, js) = parse_options(options)?;
    // Not UTF-8 (a lone surrogate): never rewritten, as a file that is not
    // UTF-8 is not; the very string comes back, every code unit kept.
    let Document::Text(owned) = document else {
        let out = to_js(&JsFixed {
            text: String::new(),
            fixed: 0,
        })?;
        js_sys::Reflect::set(&out, &JsValue::from_str("text"), &text)?;
        return Ok(out);
    };
    let text = owned.as_str();
    let u = if js.unsafe_fixes.unwrap_or(false) {
        UnsafeFixes::Apply
    } else {
        UnsafeFixes::Skip
    };
    let f = client_lint::fix_str(text, &options, u);
    Ok(to_js(&JsFixed {
        text: f.text,
        fixed: f.applied,
    })?)
}

/// Every rule, in code order.
#[wasm_bindgen(skip_typescript)]
pub fn rules(lang: Option<String>) -> Result<JsValue, JsError> {
    let lang = lang_of(lang.as_deref())?;
    let list: Vec<JsRule> = client_lint::rule::RULES
        .iter()
        .map(|r| JsRule {
            code: r.code,
            name: r.name,
            severity: r.default_severity.as_str(),
            fix: r.fix.as_str(),
            fields: r.rule.fields_label(),
            description: r.rule.explanation().what.get(lang),
        })
        .collect();
    to_js(&list)
}

/// A rule's explanation, by code (`"CL401"`) or name (`"unknown-timezone"`).
#[wasm_bindgen(skip_typescript)]
pub fn explain(code: &str, lang: Option<String>) -> Result<String, JsError> {
    let rule: Rule = code.parse().map_err(|e| error(format!("client-lint: {e}")))?;
    Ok(rule.explain(lang_of(lang.as_deref())?))
}

/// The JSON Schema of a client, as `JSON.parse` reads it (so the `id`
/// maximum, 2^63 - 1, is the nearest JavaScript number).
#[wasm_bindgen(skip_typescript)]
pub fn schema() -> Result<JsValue, JsError> {
    js_sys::JSON::parse(&client_lint::schema().to_string()).map_err(|_| error("client-lint: schema".into()))
}

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
export type Lang = "en" | "ru";
export type Mode = "request" | "response";
export type LevelName = "error" | "deny" | "warning" | "warn" | "info" | "off" | "allow";
export interface Options {
  lang?: Lang;
  mode?: Mode;
  redact?: boolean;
  levels?: Record<string, LevelName>;
  unsafeFixes?: boolean;
}
/**
 * A fix: as a JSON edit, `value` to put at `pointer` or `remove` the member there (the library's
 * record); as a text edit, `replacement` for `text.slice(start, end)`.
 */
export interface Fix {
  pointer: string;
  /** The new value; absent when the fix removes the member. */
  value?: unknown;
  /** Present (true) when the fix removes the member at `pointer`. */
  remove?: true;
  applicability: "safe" | "unsafe";
  /** UTF-16 offsets of the replaced text: `text.slice(start, end)`. */
  start?: number;
  end?: number;
  replacement?: string;
}
/**
 * The library's diagnostic record (the same members and names as the command line's
 * `--format json` and Python's `to_dict()`; absent members are left out), plus offsets in
 * JavaScript's units: `start`, `end`, `utf16_column`, `utf16_end_column`.
 */
export interface Diagnostic {
  code: string;
  name: string;
  severity: "error" | "warning" | "info";
  /** JSON Pointer of the value (`""`: the whole document); null when the finding has none. */
  pointer: string | null;
  message: string;
  help?: string;
  /** 1-based line. */
  line?: number;
  /** 1-based column in code points, as the command line prints it. */
  column?: number;
  end_line?: number;
  end_column?: number;
  /** UTF-8 byte offsets, as in every other output of client-lint. */
  span?: { start: number; end: number };
  fix?: Fix;
  /** 1-based column in UTF-16 units, as editors count. */
  utf16_column?: number;
  utf16_end_column?: number;
  /** UTF-16 offsets: `text.slice(start, end)` is the flagged text. */
  start?: number;
  end?: number;
}
export interface Rule {
  code: string;
  name: string;
  severity: "error" | "warning" | "info";
  fix: "safe" | "unsafe" | "sometimes" | "none";
  fields: string;
  description: string;
}
/** Lint one client document. Throws an Error on bad options. */
export function lint(text: string, options?: Options): Diagnostic[];
/**
 * Apply the safe fixes (and the unsafe ones with `unsafeFixes: true`). A document holding a
 * lone surrogate is not UTF-8 and is never rewritten: `text` is the very string given
 * (`lint` reports it as `invalid-encoding`).
 */
export function fix(text: string, options?: Options): { text: string; fixed: number };
/** Every rule, in code order. */
export function rules(lang?: Lang): Rule[];
/** A rule's explanation, by code ("CL401") or name ("unknown-timezone"). */
export function explain(code: string, lang?: Lang): string;
/** The JSON Schema of a client. */
export function schema(): object;
"#;
