//! The crate's files import each other in layers, never in a circle:
//! text → syntax tree → rules → report → renderers → binary. This test sees
//! what the compiler sees: it builds the file-level graph of `src/` (the
//! library) and of `src/bin/client-lint/` (the binary) from every `use`
//! declaration (groups, nested groups, renames, relative paths) and every
//! `crate::`/`super::` path in code, follows re-exports (`pub use`) to the
//! file that defines the item, and fails on any cycle except a module and
//! its own child (`mod.rs` declaring a child that uses an item of it).
//! Test modules (`#[cfg(test)] mod tests`) are left out: they may reach
//! anywhere.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Module = Vec<String>;

/// One crate's files: module path (`["rules", "email"]`) → its code.
struct Crate {
    files: BTreeMap<Module, String>,
}

impl Crate {
    /// The files under `dir` (module paths relative to it), skipping `skip`.
    fn read(dir: &Path, skip: Option<&str>) -> Crate {
        let mut files = BTreeMap::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for entry in std::fs::read_dir(&d).unwrap().flatten() {
                let path: PathBuf = entry.path();
                let rel: Vec<String> = path
                    .strip_prefix(dir)
                    .unwrap()
                    .iter()
                    .map(|s| s.to_string_lossy().into_owned())
                    .collect();
                if Some(rel[0].as_str()) == skip {
                    continue;
                }
                if path.is_dir() {
                    stack.push(path);
                } else if let Some(name) = rel.last().and_then(|n| n.strip_suffix(".rs")) {
                    let mut m = rel[..rel.len() - 1].to_vec();
                    if !matches!(name, "mod" | "lib" | "main") {
                        m.push(name.to_string());
                    }
                    files.insert(m, code(&std::fs::read_to_string(&path).unwrap()));
                }
            }
        }
        Crate { files }
    }

    fn from_sources(sources: &[(&str, &str)]) -> Crate {
        let files = sources
            .iter()
            .map(|(m, text)| {
                let m: Module = m.split('/').filter(|s| !s.is_empty()).map(String::from).collect();
                (m, code(text))
            })
            .collect();
        Crate { files }
    }

    /// Where `path` (absolute segments from the crate root) is defined: the
    /// longest prefix that is a file, then through that file's re-exports of
    /// the next segment, as far as they go.
    fn resolve(&self, path: &[String], depth: usize) -> Option<Module> {
        let k = (0..=path.len())
            .rev()
            .find(|&k| self.files.contains_key(&path[..k]))?;
        let module = path[..k].to_vec();
        if depth < 8
            && let Some(name) = path.get(k)
        {
            for (target, alias) in reexports(&self.files[&module], &module) {
                if alias == *name {
                    let mut next = target.clone();
                    next.extend(path[k + 1..].iter().cloned());
                    if let Some(t) = self.resolve(&next, depth + 1)
                        && t != module
                    {
                        return Some(t);
                    }
                }
            }
        }
        Some(module)
    }

    /// Every file each file depends on (itself and the crate root left out).
    fn edges(&self) -> BTreeMap<Module, BTreeSet<Module>> {
        let mut edges = BTreeMap::new();
        for (m, text) in &self.files {
            let targets: &mut BTreeSet<Module> = edges.entry(m.clone()).or_default();
            for path in paths(text, m, self) {
                if let Some(t) = self.resolve(&path, 0)
                    && t != *m
                    && !t.is_empty()
                {
                    targets.insert(t);
                }
            }
        }
        edges
    }

    /// The cycles (strongly connected sets of two or more files), except a
    /// module and its own child.
    fn cycles(&self) -> Vec<Vec<String>> {
        let edges = self.edges();
        let mut out = Vec::new();
        let mut done = BTreeSet::new();
        for start in edges.keys() {
            if done.contains(start) {
                continue;
            }
            let reach = |from: &Module| {
                let mut seen = BTreeSet::new();
                let mut stack = vec![from.clone()];
                while let Some(x) = stack.pop() {
                    if seen.insert(x.clone()) {
                        stack.extend(edges.get(&x).into_iter().flatten().cloned());
                    }
                }
                seen
            };
            let forward = reach(start);
            let component: Vec<Module> = forward
                .iter()
                .filter(|x| reach(x).contains(start))
                .cloned()
                .collect();
            done.extend(component.iter().cloned());
            let parent_child = component.len() == 2
                && (component[0].starts_with(&component[1]) || component[1].starts_with(&component[0]))
                && component[0].len().abs_diff(component[1].len()) == 1;
            if component.len() > 1 && !parent_child {
                out.push(component.iter().map(|m| m.join("/")).collect());
            }
        }
        out
    }
}

/// The code of a file without comments, string contents and its
/// `#[cfg(test)] mod tests`.
fn code(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => text,
    };
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        if text[i..].starts_with("//") {
            i = text[i..].find('\n').map_or(b.len(), |j| i + j);
        } else if text[i..].starts_with("/*") {
            i = text[i..].find("*/").map_or(b.len(), |j| i + j + 2);
        } else if b[i] == b'"' {
            // A string: its contents could look like paths.
            i += 1;
            while i < b.len() && b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else {
            let c = text[i..].chars().next().unwrap();
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// Expand a use tree (`a::{b, c::{d, e as f}, self}`) into paths, each with
/// the name it binds.
fn expand(tree: &str) -> Vec<(Vec<String>, String)> {
    let tree: String = tree.chars().filter(|c| !c.is_whitespace() || *c == ' ').collect();
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        let (path, alias) = match tree.split_once(" as ") {
            Some((p, a)) => (p.trim(), Some(a.trim().to_string())),
            None => (tree, None),
        };
        let segs: Vec<String> = path
            .split("::")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        let mut segs = segs;
        if segs.last().is_some_and(|s| s == "self") {
            segs.pop();
        }
        let name = alias.unwrap_or_else(|| segs.last().cloned().unwrap_or_default());
        return vec![(segs, name)];
    };
    let prefix: Vec<String> = tree[..open]
        .split("::")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect();
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut parts = Vec::new();
    let (mut depth, mut cur) = (0, String::new());
    for c in inner.chars().chain([',']) {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        if c == ',' && depth == 0 {
            if !cur.trim().is_empty() {
                parts.push(std::mem::take(&mut cur));
            }
            cur.clear();
        } else {
            cur.push(c);
        }
    }
    let mut out = Vec::new();
    for part in parts {
        for (segs, name) in expand(&part) {
            let mut full = prefix.clone();
            full.extend(segs);
            let name = if name == "self" || name.is_empty() {
                full.last().cloned().unwrap_or_default()
            } else {
                name
            };
            out.push((full, name));
        }
    }
    out
}

/// The `use` trees of a file: (is `pub`, tree).
fn use_trees(code: &str) -> Vec<(bool, String)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = code[from..].find("use ") {
        let at = from + i;
        from = at + 4;
        let before = code[..at].trim_end();
        if at > 0 && (code.as_bytes()[at - 1].is_ascii_alphanumeric() || code.as_bytes()[at - 1] == b'_') {
            continue;
        }
        // A declaration starts a statement: after `;`, `{`, `}`, an attribute, or `pub…`.
        let public =
            before.ends_with("pub") || before.ends_with("pub(crate)") || before.ends_with("pub(super)");
        let starts = before.is_empty()
            || before.ends_with([';', '{', '}', ']'])
            || before.ends_with("pub")
            || before.ends_with("pub(crate)")
            || before.ends_with("pub(super)");
        if !starts {
            continue;
        }
        if let Some(end) = code[at..].find(';') {
            out.push((public, code[at + 4..at + end].to_string()));
        }
    }
    out
}

/// Absolute segments of a path written in module `m` (`crate::`, `super::`,
/// `self::`, a child module, or an extern crate: `None`).
fn absolute(segs: &[String], m: &Module, krate: &Crate) -> Option<Vec<String>> {
    let first = segs.first()?;
    let mut base: Vec<String>;
    let mut rest = segs;
    match first.as_str() {
        "crate" => {
            base = Vec::new();
            rest = &segs[1..];
        }
        "self" => {
            base = m.clone();
            rest = &segs[1..];
        }
        "super" => {
            base = m.clone();
            while rest.first().is_some_and(|s| s == "super") {
                base.pop();
                rest = &rest[1..];
            }
        }
        _ => {
            // A child module of this one, or a module of the crate root
            // named from the root file itself.
            let mut child = m.clone();
            child.push(first.clone());
            if krate.files.contains_key(&child) {
                base = m.clone();
            } else {
                return None;
            }
        }
    }
    base.extend(rest.iter().cloned());
    Some(base)
}

/// What a module re-exports: (absolute target, name it is known by here).
fn reexports(code: &str, m: &Module) -> Vec<(Vec<String>, String)> {
    let mut out = Vec::new();
    for (public, tree) in use_trees(code) {
        if !public {
            continue;
        }
        for (segs, name) in expand(&tree) {
            // Without the crate at hand, resolve the relative forms only.
            let abs = match segs.first().map(String::as_str) {
                Some("crate") => segs[1..].to_vec(),
                Some("super") => {
                    let mut base = m.clone();
                    let mut rest = &segs[..];
                    while rest.first().is_some_and(|s| s == "super") {
                        base.pop();
                        rest = &rest[1..];
                    }
                    base.extend(rest.iter().cloned());
                    base
                }
                Some("self") => m.iter().chain(&segs[1..]).cloned().collect(),
                Some(_) => m.iter().chain(&segs).cloned().collect(),
                None => continue,
            };
            out.push((abs, name));
        }
    }
    out
}

/// Every path a file names, made absolute: its `use` trees, and paths in
/// its code that start with `crate::`, `super::`, `self::` or a child
/// module's name.
fn paths(code: &str, m: &Module, krate: &Crate) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for (_, tree) in use_trees(code) {
        for (segs, _) in expand(&tree) {
            out.extend(absolute(&segs, m, krate));
        }
    }
    let b = code.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let word_start = (b[i].is_ascii_alphabetic() || b[i] == b'_')
            && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_' || b[i - 1] == b':'));
        if !word_start {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < b.len() && (b[end].is_ascii_alphanumeric() || b[end] == b'_' || b[end] == b':') {
            end += 1;
        }
        let path = &code[i..end];
        if path.contains("::") {
            let segs: Vec<String> = path
                .split("::")
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            out.extend(absolute(&segs, m, krate));
        }
        i = end;
    }
    out
}

fn library() -> Crate {
    Crate::read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), Some("bin"))
}

fn binary() -> Crate {
    Crate::read(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/bin/client-lint"),
        None,
    )
}

#[test]
fn the_library_has_no_import_cycle() {
    let lib = library();
    let edges: usize = lib.edges().values().map(BTreeSet::len).sum();
    assert!(edges > 150, "the graph is too small to be real: {edges} edges");
    let cycles = lib.cycles();
    assert!(
        cycles.is_empty(),
        "library files that import each other in a circle: {cycles:?}"
    );
}

#[test]
fn the_binary_has_no_import_cycle() {
    let bin = binary();
    let edges: usize = bin.edges().values().map(BTreeSet::len).sum();
    assert!(edges > 10, "the graph is too small to be real: {edges} edges");
    let cycles = bin.cycles();
    assert!(
        cycles.is_empty(),
        "binary files that import each other in a circle: {cycles:?}"
    );
}

/// The library's layers, bottom to top: no file of a lower layer names a
/// file of a higher one.
#[test]
fn arrows_point_down() {
    let layer = |m: &Module| match m.first().map(String::as_str) {
        Some("syntax") => 1,
        Some("rules" | "lint" | "batch" | "ndjson" | "parts" | "fix" | "typed") => 2,
        Some("render") => 4,
        _ => 0,
    };
    let mut wrong = Vec::new();
    for (from, to) in library().edges() {
        for t in to {
            if layer(&t) > layer(&from) && layer(&from) > 0 {
                wrong.push(format!("{} -> {}", from.join("/"), t.join("/")));
            }
        }
    }
    assert!(wrong.is_empty(), "arrows pointing up: {wrong:?}");
}

/// The checker sees a circle through a relative `use`, a nested group, a
/// rename and a re-export, which the earlier test missed.
#[test]
fn the_checker_sees_what_the_compiler_sees() {
    let krate = Crate::from_sources(&[
        ("", "mod table; mod rules;"),
        (
            "table",
            "use crate::rules::{self as r, family::{check as c}};\nfn f() { c() }",
        ),
        ("rules", "mod family; pub(crate) use family::Ctx;"),
        ("rules/family", "pub struct Ctx; pub fn check() {}"),
        ("rules/other", "use super::Ctx;\nfn g() { crate::table::f() }"),
    ]);
    let edges = krate.edges();
    let of = |m: &str| -> Vec<String> {
        edges[&m.split('/').map(String::from).collect::<Module>()]
            .iter()
            .map(|t| t.join("/"))
            .collect()
    };
    assert_eq!(of("table"), ["rules", "rules/family"]);
    // `super::Ctx` is `rules/family`'s, through the parent's re-export.
    assert_eq!(of("rules/other"), ["rules/family", "table"]);
    assert!(krate.cycles().is_empty());
    // A circle: the family names the table back.
    let circle = Crate::from_sources(&[
        ("", "mod table; mod rules;"),
        ("table", "use crate::rules::{self as r, family::{check as c}};"),
        ("rules", "mod family; pub(crate) use family::Ctx;"),
        ("rules/family", "pub fn check() { crate::table::ROWS; }"),
    ]);
    assert_eq!(circle.cycles(), vec![vec!["rules", "rules/family", "table"]]);
    // A module and its own child are one unit.
    let parent_child = Crate::from_sources(&[
        ("", "mod rules;"),
        ("rules", "mod family; use family::check;\npub fn trim() {}"),
        ("rules/family", "use super::trim;\npub fn check() {}"),
    ]);
    assert!(parent_child.cycles().is_empty());
}

#[test]
fn use_trees_expand_like_rustc() {
    let got: Vec<(String, String)> = expand("crate::a::{b, c::{d, e as f}, self}")
        .into_iter()
        .map(|(p, n)| (p.join("::"), n))
        .collect();
    let want = [
        ("crate::a::b", "b"),
        ("crate::a::c::d", "d"),
        ("crate::a::c::e", "f"),
        ("crate::a", "a"),
    ];
    assert_eq!(got, want.map(|(p, n)| (p.to_string(), n.to_string())));
}
