//! `--diff`: a unified diff (git's `a/`/`b/` labels, two lines of context)
//! made a window of lines at a time, so that its memory is bounded by the
//! window, not the file: `similar` over a whole 60 MB array took 7.8 times
//! the file. Each window is diffed by `similar` and cut inside a run of
//! unchanged lines; the operations are grouped into hunks as they stream by,
//! exactly as `similar` groups a whole-file diff (a property test holds them
//! equal), and each hunk is written as soon as it is complete.

use std::fmt;
use std::path::Path;

use similar::{DiffOp, TextDiff};

/// Lines of context around a change.
const RADIUS: usize = 2;
/// Lines of each side diffed at a time.
pub const WINDOW: usize = 4096;

/// Git-style `a/`/`b/` labels for relative paths; absolute ones as they are.
fn label(name: &str, side: &str) -> String {
    if Path::new(name).is_absolute() {
        name.to_string()
    } else {
        format!("{side}{name}")
    }
}

/// The unified diff of `old` and `new` as a string.
pub fn diff(name: &str, old: &str, new: &str) -> String {
    Diff {
        name,
        old,
        new,
        window: WINDOW,
    }
    .to_string()
}

/// The unified diff of `old` and `new`, made as it is written.
pub struct Diff<'a> {
    pub name: &'a str,
    pub old: &'a str,
    pub new: &'a str,
    /// Lines of each side diffed at a time.
    pub window: usize,
}

/// The byte length of the first `n` lines of `text` (all of it when it has
/// fewer), and how many lines that is.
fn lines(text: &str, n: usize) -> (usize, usize) {
    let mut end = 0;
    for count in 0..n {
        if end == text.len() {
            return (end, count);
        }
        match text[end..].find('\n') {
            Some(i) => end += i + 1,
            None => return (text.len(), count + 1),
        }
    }
    (end, n)
}

/// `op` moved by `old_at` and `new_at` lines.
fn shifted(op: DiffOp, old_at: usize, new_at: usize) -> DiffOp {
    match op {
        DiffOp::Equal {
            old_index,
            new_index,
            len,
        } => DiffOp::Equal {
            old_index: old_index + old_at,
            new_index: new_index + new_at,
            len,
        },
        DiffOp::Delete {
            old_index,
            old_len,
            new_index,
        } => DiffOp::Delete {
            old_index: old_index + old_at,
            old_len,
            new_index: new_index + new_at,
        },
        DiffOp::Insert {
            old_index,
            new_index,
            new_len,
        } => DiffOp::Insert {
            old_index: old_index + old_at,
            new_index: new_index + new_at,
            new_len,
        },
        DiffOp::Replace {
            old_index,
            old_len,
            new_index,
            new_len,
        } => DiffOp::Replace {
            old_index: old_index + old_at,
            old_len,
            new_index: new_index + new_at,
            new_len,
        },
    }
}

impl fmt::Display for Diff<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let window = self.window.max(1);
        let mut hunks = Hunks::new(f, self);
        let (mut old, mut new) = (self.old, self.new);
        // Lines of each side before the window.
        let (mut old_at, mut new_at) = (0, 0);
        while !old.is_empty() || !new.is_empty() {
            let (old_len, old_count) = lines(old, window);
            let (new_len, new_count) = lines(new, window);
            let last = old_len == old.len() && new_len == new.len();
            let probe = TextDiff::from_lines(&old[..old_len], &new[..new_len]);
            let ops = probe.ops();
            // Cut inside the last run of unchanged lines (the change after
            // it may go on past the window); all of it at the end, or when
            // no line is unchanged.
            let cut = (!last)
                .then(|| ops.iter().rposition(|op| matches!(op, DiffOp::Equal { .. })))
                .flatten();
            let (old_lines, new_lines) = if let Some(i) = cut {
                let DiffOp::Equal {
                    old_index,
                    new_index,
                    len,
                } = ops[i]
                else {
                    unreachable!("rposition found an Equal")
                };
                let keep = len.div_ceil(2);
                for op in &ops[..i] {
                    hunks.push(shifted(*op, old_at, new_at))?;
                }
                hunks.push(shifted(
                    DiffOp::Equal {
                        old_index,
                        new_index,
                        len: keep,
                    },
                    old_at,
                    new_at,
                ))?;
                (old_index + keep, new_index + keep)
            } else {
                for op in ops {
                    hunks.push(shifted(*op, old_at, new_at))?;
                }
                (old_count, new_count)
            };
            old = &old[lines(old, old_lines).0..];
            new = &new[lines(new, new_lines).0..];
            old_at += old_lines;
            new_at += new_lines;
        }
        hunks.finish()
    }
}

/// One line range of a hunk header, as `similar` (and GNU diff) write it.
fn range(start: usize, end: usize) -> String {
    match end - start {
        1 => format!("{}", start + 1),
        0 => format!("{start},0"),
        len => format!("{},{len}", start + 1),
    }
}

/// A text read forward a line at a time.
struct Cursor<'a> {
    rest: &'a str,
    line: usize,
}

impl<'a> Cursor<'a> {
    /// Line `n` (0-based, never before the last one read).
    fn line(&mut self, n: usize) -> &'a str {
        while self.line < n {
            self.next();
        }
        self.next()
    }

    fn next(&mut self) -> &'a str {
        let end = self.rest.find('\n').map_or(self.rest.len(), |i| i + 1);
        let (line, rest) = self.rest.split_at(end);
        self.rest = rest;
        self.line += 1;
        line
    }
}

/// Operations grouped into hunks as they come, as `similar`'s
/// `group_diff_ops` groups them, each written once complete.
struct Hunks<'f, 'w, 'a> {
    f: &'f mut fmt::Formatter<'w>,
    header: Option<(String, String)>,
    old: Cursor<'a>,
    new: Cursor<'a>,
    group: Vec<DiffOp>,
    /// Unchanged lines not yet placed (runs are merged across windows).
    equal: Option<(usize, usize, usize)>,
    /// No operation seen yet: a leading run keeps only its last lines.
    first: bool,
}

impl<'f, 'w, 'a> Hunks<'f, 'w, 'a> {
    fn new(f: &'f mut fmt::Formatter<'w>, diff: &Diff<'a>) -> Self {
        Hunks {
            f,
            header: Some((label(diff.name, "a/"), label(diff.name, "b/"))),
            old: Cursor {
                rest: diff.old,
                line: 0,
            },
            new: Cursor {
                rest: diff.new,
                line: 0,
            },
            group: Vec::new(),
            equal: None,
            first: true,
        }
    }

    fn push(&mut self, op: DiffOp) -> fmt::Result {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            if len == 0 {
                return Ok(());
            }
            self.equal = Some(match self.equal {
                Some((o, n, l)) => (o, n, l + len),
                None => (old_index, new_index, len),
            });
            return Ok(());
        }
        self.place_equal(false)?;
        self.first = false;
        // A change cut by a window's end goes on in the next: one operation,
        // as a whole-file diff has it.
        if let Some(prev) = self.group.last_mut()
            && !matches!(prev, DiffOp::Equal { .. })
            && prev.old_range().end == op.old_range().start
            && prev.new_range().end == op.new_range().start
        {
            let (old, new) = (
                prev.old_range().start..op.old_range().end,
                prev.new_range().start..op.new_range().end,
            );
            *prev = match (old.is_empty(), new.is_empty()) {
                (false, true) => DiffOp::Delete {
                    old_index: old.start,
                    old_len: old.len(),
                    new_index: new.start,
                },
                (true, false) => DiffOp::Insert {
                    old_index: old.start,
                    new_index: new.start,
                    new_len: new.len(),
                },
                _ => DiffOp::Replace {
                    old_index: old.start,
                    old_len: old.len(),
                    new_index: new.start,
                    new_len: new.len(),
                },
            };
            return Ok(());
        }
        self.group.push(op);
        Ok(())
    }

    /// Place the pending run of unchanged lines: context for the hunk before
    /// it and the one after, or the end of a hunk when the run is long.
    fn place_equal(&mut self, at_end: bool) -> fmt::Result {
        let Some((mut o, mut n, mut len)) = self.equal.take() else {
            return Ok(());
        };
        if self.first {
            let skip = len.saturating_sub(RADIUS);
            (o, n, len) = (o + skip, n + skip, len - skip);
        }
        if at_end {
            len = len.min(RADIUS);
        }
        if len > 2 * RADIUS {
            self.group.push(DiffOp::Equal {
                old_index: o,
                new_index: n,
                len: RADIUS,
            });
            self.write_group()?;
            let skip = len - RADIUS;
            self.group.push(DiffOp::Equal {
                old_index: o + skip,
                new_index: n + skip,
                len: RADIUS,
            });
        } else {
            self.group.push(DiffOp::Equal {
                old_index: o,
                new_index: n,
                len,
            });
        }
        Ok(())
    }

    fn finish(mut self) -> fmt::Result {
        self.place_equal(true)?;
        self.write_group()
    }

    /// Write the group as a hunk, unless it holds no change.
    fn write_group(&mut self) -> fmt::Result {
        let group = std::mem::take(&mut self.group);
        if group.iter().all(|op| matches!(op, DiffOp::Equal { .. })) {
            return Ok(());
        }
        let (Some(first), Some(last)) = (group.first(), group.last()) else {
            return Ok(());
        };
        if let Some((a, b)) = self.header.take() {
            writeln!(self.f, "--- {a}\n+++ {b}")?;
        }
        writeln!(
            self.f,
            "@@ -{} +{} @@",
            range(first.old_range().start, last.old_range().end),
            range(first.new_range().start, last.new_range().end),
        )?;
        for op in &group {
            let (old, new) = (op.old_range(), op.new_range());
            if let DiffOp::Equal { .. } = op {
                for i in old {
                    let line = self.old.line(i);
                    self.new.line(new.start);
                    line_out(self.f, ' ', line)?;
                }
                continue;
            }
            for i in old {
                line_out(self.f, '-', self.old.line(i))?;
            }
            for i in new {
                line_out(self.f, '+', self.new.line(i))?;
            }
        }
        Ok(())
    }
}

fn line_out(f: &mut fmt::Formatter<'_>, tag: char, line: &str) -> fmt::Result {
    write!(f, "{tag}{line}")?;
    if !line.ends_with('\n') {
        writeln!(f, "\n\\ No newline at end of file")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What `similar` writes for the whole texts at once: the reference.
    fn whole(name: &str, old: &str, new: &str) -> String {
        TextDiff::from_lines(old, new)
            .unified_diff()
            .context_radius(RADIUS)
            .header(&label(name, "a/"), &label(name, "b/"))
            .to_string()
    }

    /// Apply a unified diff to `old`: the text it describes.
    fn apply(old: &str, diff: &str) -> String {
        let old: Vec<&str> = old.split_inclusive('\n').collect();
        let mut out = String::new();
        let mut at = 0;
        let mut lines = diff.split_inclusive('\n').peekable();
        while let Some(line) = lines.next() {
            if let Some(h) = line.strip_prefix("@@ -") {
                let old_range = h.split(' ').next().unwrap();
                let mut parts = old_range.split(',');
                let start: usize = parts.next().unwrap().parse().unwrap();
                let len: usize = parts.next().map_or(1, |l| l.parse().unwrap());
                let start = if len == 0 { start } else { start - 1 };
                while at < start {
                    out.push_str(old[at]);
                    at += 1;
                }
            } else if line.starts_with("---") || line.starts_with("+++") {
            } else if let Some(rest) = line.strip_prefix('+') {
                let no_newline = lines.peek().is_some_and(|l| l.starts_with("\\ No newline"));
                out.push_str(if no_newline {
                    rest.strip_suffix('\n').unwrap()
                } else {
                    rest
                });
            } else if line.starts_with('-') || line.starts_with(' ') {
                if line.starts_with(' ') {
                    out.push_str(old[at]);
                }
                at += 1;
            }
        }
        while at < old.len() {
            out.push_str(old[at]);
            at += 1;
        }
        out
    }

    /// A text of `n` records, one per line or pretty-printed, some changed
    /// as fixes change them (a value's case, a member removed).
    fn texts() -> impl Strategy<Value = (String, String)> {
        (
            prop::collection::vec((0u8..4, any::<bool>()), 0..120),
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(|(records, pretty, final_newline)| {
                let (mut old, mut new) = (String::new(), String::new());
                for (i, (change, _)) in records.iter().enumerate() {
                    let (a, b) = match change {
                        0 => ("\"type\": \"j\"", "\"type\": \"J\""),
                        1 => ("\"extra\": 1, \"type\": \"F\"", "\"type\": \"F\""),
                        _ => ("\"type\": \"F\"", "\"type\": \"F\""),
                    };
                    if pretty {
                        old.push_str(&format!("{{\n  \"id\": {i},\n  {a}\n}}\n"));
                        new.push_str(&format!("{{\n  \"id\": {i},\n  {b}\n}}\n"));
                    } else {
                        old.push_str(&format!("{{\"id\": {i}, {a}}}\n"));
                        new.push_str(&format!("{{\"id\": {i}, {b}}}\n"));
                    }
                }
                if !final_newline {
                    old.pop();
                    new.pop();
                }
                (old, new)
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        /// In windows of any size, the diff is the whole-file diff, and it
        /// applies to give the fixed text.
        #[test]
        fn windows_give_the_whole_diff((old, new) in texts(), window in 1usize..60) {
            let ours = Diff { name: "a.json", old: &old, new: &new, window }.to_string();
            prop_assert_eq!(&ours, &whole("a.json", &old, &new));
            prop_assert_eq!(apply(&old, &ours), new);
        }

        /// Texts with little in common give a diff that applies (and is the
        /// whole-file diff when the window holds them).
        #[test]
        fn unrelated_texts_give_a_diff_that_applies(
            old in "([a-c]{0,3}\n){0,40}[a-c]{0,2}",
            new in "([a-c]{0,3}\n){0,40}[a-c]{0,2}",
            window in 1usize..30,
        ) {
            let ours = Diff { name: "/abs.json", old: &old, new: &new, window }.to_string();
            prop_assert_eq!(apply(&old, &ours), new.clone());
            let one = Diff { name: "/abs.json", old: &old, new: &new, window: 100 }.to_string();
            prop_assert_eq!(one, whole("/abs.json", &old, &new));
        }
    }

    #[test]
    fn small_texts_are_one_window_and_similar_s_own_diff() {
        let (old, new) = ("{\"type\": \"j\"}\n", "{\"type\": \"J\"}\n");
        assert_eq!(diff("c.json", old, new), whole("c.json", old, new));
        assert_eq!(
            diff("c.json", old, new),
            "--- a/c.json\n+++ b/c.json\n@@ -1 +1 @@\n-{\"type\": \"j\"}\n+{\"type\": \"J\"}\n"
        );
        assert_eq!(diff("c.json", "a", "b"), whole("c.json", "a", "b"));
        assert_eq!(diff("c.json", "", "b\n"), whole("c.json", "", "b\n"));
        assert_eq!(diff("c.json", "x\n", "x\n"), "");
    }
}
