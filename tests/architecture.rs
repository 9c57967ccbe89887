//! The library's files import each other in layers, never in a circle:
//! text → syntax tree → rules → report → renderers. This test builds the
//! file-level import graph of `src/` (the binary excluded) from `crate::` and
//! `super::` paths and fails on any cycle, naming the files in it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Module path (`["rules", "email"]`) of every library file.
fn modules(src: &Path) -> BTreeMap<Vec<String>, PathBuf> {
    let mut out = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            let rel: Vec<String> = path
                .strip_prefix(src)
                .unwrap()
                .iter()
                .map(|s| s.to_string_lossy().into_owned())
                .collect();
            if rel[0] == "bin" {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else if let Some(name) = rel.last().and_then(|n| n.strip_suffix(".rs")) {
                let mut m = rel[..rel.len() - 1].to_vec();
                if !matches!(name, "mod" | "lib" | "main") {
                    m.push(name.to_string());
                }
                out.insert(m, path);
            }
        }
    }
    out
}

/// The code of a file without comments and without its `#[cfg(test)] mod tests`.
fn code(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("/*") {
        out.push_str(&rest[..i]);
        rest = rest[i..].find("*/").map_or("", |j| &rest[i + j + 2..]);
    }
    out.push_str(rest);
    let out: String = out
        .lines()
        .map(|l| l.find("//").map_or(l, |i| &l[..i]))
        .collect::<Vec<_>>()
        .join("\n");
    match out.find("#[cfg(test)]\nmod tests") {
        Some(i) => out[..i].to_string(),
        None => out,
    }
}

/// Every path in `code` that starts with `crate::` or `super::`, with
/// `use` groups (`a::{b, c::d}`) expanded to their first segment after the group.
fn paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    for start in ["crate::", "super::"] {
        let mut from = 0;
        while let Some(i) = code[from..].find(start) {
            let at = from + i;
            from = at + start.len();
            if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
                continue;
            }
            let mut end = at;
            while end < bytes.len()
                && (bytes[end].is_ascii_alphanumeric() || matches!(bytes[end], b'_' | b':'))
            {
                end += 1;
            }
            let path = code[at..end].trim_end_matches(':').to_string();
            if bytes.get(end) == Some(&b'{') {
                // `crate::rules::{document, numbers}`: each name in the group.
                let close = code[end..].find('}').map_or(code.len(), |j| end + j);
                for item in code[end + 1..close].split(',') {
                    let name: String = item
                        .trim()
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                        .collect();
                    if !name.is_empty() && name != "self" {
                        out.push(format!("{path}::{}", name.trim_end_matches(':')));
                    }
                }
            }
            out.push(path);
        }
    }
    out
}

/// The file a path resolves to: the longest module prefix that is a file.
fn resolve(from: &[String], path: &str, files: &BTreeMap<Vec<String>, PathBuf>) -> Option<Vec<String>> {
    let mut segs: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let mut base: Vec<String> = Vec::new();
    match segs.first() {
        Some(&"crate") => {
            segs.remove(0);
        }
        Some(&"super") => {
            base = from.to_vec();
            while segs.first() == Some(&"super") {
                base.pop();
                segs.remove(0);
            }
        }
        _ => return None,
    }
    let full: Vec<String> = base
        .into_iter()
        .chain(segs.iter().map(|s| s.to_string()))
        .collect();
    (0..=full.len())
        .rev()
        .map(|k| full[..k].to_vec())
        .find(|m| files.contains_key(m))
}

#[test]
fn the_library_has_no_import_cycle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = modules(&src);
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for (m, path) in &files {
        let text = code(&std::fs::read_to_string(path).unwrap());
        let targets = edges.entry(m.clone()).or_default();
        for p in paths(&text) {
            if let Some(t) = resolve(m, &p, &files) {
                // A module's own children are part of it; the root is no layer.
                if t != *m && !t.is_empty() && !t.starts_with(m) {
                    targets.insert(t);
                }
            }
        }
    }
    assert!(
        edges.values().map(BTreeSet::len).sum::<usize>() > 50,
        "the graph is too small to be real"
    );
    // A file is in a cycle when it can reach itself.
    let mut in_cycles = Vec::new();
    for start in edges.keys() {
        let mut seen = BTreeSet::new();
        let mut stack: Vec<&Vec<String>> = edges[start].iter().collect();
        while let Some(m) = stack.pop() {
            if m == start {
                in_cycles.push(start.join("/"));
                break;
            }
            if seen.insert(m) {
                stack.extend(edges.get(m).into_iter().flatten());
            }
        }
    }
    assert!(
        in_cycles.is_empty(),
        "files that import each other in a circle: {in_cycles:?}"
    );
}

/// The checker finds a cycle when there is one.
#[test]
fn the_checker_sees_groups_and_super() {
    let p = paths(
        "use crate::rules::{document, numbers};\nuse super::{Ctx, tr};\nlet x = crate::span::Span::new(1, 2);",
    );
    for want in [
        "crate::rules::document",
        "crate::rules::numbers",
        "super::Ctx",
        "crate::span::Span::new",
    ] {
        assert!(p.iter().any(|x| x == want), "{want} in {p:?}");
    }
}
