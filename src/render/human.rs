use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::escape::terminal_safe;
use crate::options::Lang;

/// Where a diagnostic's spans point: the text (or the part of it) that was
/// linted, and where that part starts in the file.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The file name to show.
    pub path: &'a str,
    /// The text, or one part of it (an NDJSON line).
    pub text: &'a str,
    /// Bytes of the file before `text`.
    pub byte_offset: usize,
}

impl<'a> Source<'a> {
    /// A whole file.
    ///
    /// ```
    /// let src = client_lint::render::Source::new("client.json", "{}");
    /// assert_eq!(src.byte_offset, 0);
    /// ```
    pub fn new(path: &'a str, text: &'a str) -> Self {
        Source {
            path,
            text,
            byte_offset: 0,
        }
    }
}

/// How [`human`] renders.
#[derive(Debug, Clone, Copy, Default)]
pub struct HumanStyle {
    /// ANSI colours.
    pub color: bool,
    /// Language of the labels around the messages.
    pub lang: Lang,
    /// Terminal width in columns; `0` means [`DEFAULT_WIDTH`]. A source line
    /// longer than fits is cut around the span, with `…` where it was cut.
    pub width: usize,
}

/// The width assumed when none is known (the command line reads `COLUMNS`).
pub const DEFAULT_WIDTH: usize = 100;

/// Fewest columns of source shown, however narrow the terminal.
const MIN_SOURCE: usize = 40;

/// Most characters of a fix's value shown in its note.
const FIX_SHOWN_MAX: usize = 80;

/// The part of `text`'s line around the span `s..e` that fits in `budget`
/// characters: `(from, to, cut_before, cut_after)` in bytes, with `e`
/// clipped to the span's first line. Reads at most about `budget`
/// characters on each side, however long the line: linear in the number of
/// findings, not in the length of the line.
fn window(text: &str, s: usize, e: usize, budget: usize) -> (usize, usize, usize, bool, bool) {
    // The span's first line, at most `budget` characters of it.
    let mut end = s;
    for (n, c) in text[s..e.max(s)]
        .char_indices()
        .map(|(i, c)| (s + i, c))
        .take(budget)
    {
        if c == '\n' {
            break;
        }
        end = n + c.len_utf8();
    }
    let shown = text[s..end].chars().count();
    let side = budget.saturating_sub(shown) / 2;
    // Walk out from the span, `side` characters at most; one more character
    // on the same line means the line was cut there.
    let mut from = s;
    let mut cut_before = false;
    let mut taken = 0;
    for (i, c) in text[..s].char_indices().rev() {
        if c == '\n' {
            break;
        }
        if taken == side {
            cut_before = true;
            break;
        }
        from = i;
        taken += 1;
    }
    // What the left side left unused goes to the right.
    let right = budget.saturating_sub(shown + taken);
    let mut to = end;
    let mut cut_after = false;
    for (taken, (i, c)) in text[end..].char_indices().enumerate() {
        if matches!(c, '\n' | '\r') {
            break;
        }
        if taken == right {
            cut_after = true;
            break;
        }
        to = end + i + c.len_utf8();
    }
    (from, to, end, cut_before, cut_after)
}

/// A rustc-style rendering of one diagnostic:
///
/// ```text
/// error[CL504]: `UK` is not an ISO 3166-1 alpha-2 country code
///  --> client.json:2:19
///   |
/// 2 |   "geo_list": "RU UK"
///   |                   ^^ unknown-country
///   |
///   = help: did you mean `GB`?
/// ```
///
/// Only the first line of the span is shown; a line longer than the style's
/// width is cut around the span, with `…` where it was cut. Rendering reads
/// at most about the width around each span, so it stays linear in the
/// number of diagnostics however long the lines are.
///
/// ```
/// use client_lint::render::{HumanStyle, Source, human};
/// let text = "{\n  \"geo_list\": \"RU UK\"\n}";
/// let report = client_lint::lint_str(text, &Default::default());
/// let out = human(&report.diagnostics()[0], &Source::new("client.json", text), None, &HumanStyle::default());
/// assert!(out.starts_with("error[CL504]: `UK` is not an ISO 3166-1 alpha-2 country code"));
/// assert!(out.contains("client.json:2:19"));
/// assert!(out.contains("help: did you mean `GB`?"));
/// ```
pub fn human(d: &Diagnostic, src: &Source<'_>, record: Option<usize>, style: &HumanStyle) -> String {
    let ru = style.lang == Lang::Ru;
    // Level names in the chosen language (rustc's in English).
    let name = |en: &'static str, ru_name: &'static str| Some(if ru { ru_name } else { en });
    let level = match d.severity() {
        Severity::Error => Level::ERROR.with_name(name("error", "ошибка")),
        Severity::Warning => Level::WARNING.with_name(name("warning", "предупреждение")),
        Severity::Info => Level::INFO.with_name(name("info", "инфо")),
    };
    let help_level = Level::HELP.with_name(name("help", "подсказка"));
    let note_level = Level::NOTE.with_name(name("note", "примечание"));
    // Messages quote the input; whatever reaches the terminal is escaped.
    let title = level.primary_title(terminal_safe(d.message())).id(d.code());
    let path = terminal_safe(src.path);
    let mut group = Group::with_title(title);
    let label = match (record, style.lang) {
        (Some(r), Lang::En) => format!("{} (record {r})", d.name()),
        (Some(r), Lang::Ru) => format!("{} (запись {r})", d.name()),
        (None, _) => d.name().to_string(),
    };
    let width = if style.width == 0 {
        DEFAULT_WIDTH
    } else {
        style.width
    };
    // The excerpt and the real position of the span, for our own `-->` line
    // (annotate-snippets would count columns from the start of the excerpt).
    let excerpt = d.span().zip(d.start()).and_then(|(span, start)| {
        let s = span.start.checked_sub(src.byte_offset)?;
        let e = span.end.checked_sub(src.byte_offset)?.max(s);
        let text = src.text;
        if s > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e.min(text.len())) {
            return None;
        }
        let e = e.min(text.len());
        let gutter = start.line.to_string().len() + 3;
        let budget = width.saturating_sub(gutter + 2).max(MIN_SOURCE);
        let (from, to, end, cut_before, cut_after) = window(text, s, e, budget);
        // Each part escaped on its own, so the caret stays under the span.
        let mut shown = String::with_capacity(to - from + 8);
        if cut_before {
            shown.push('…');
        }
        shown.push_str(&terminal_safe(&text[from..s]));
        let a = shown.len();
        shown.push_str(&terminal_safe(&text[s..end]));
        let b = shown.len();
        shown.push_str(&terminal_safe(&text[end..to]));
        if cut_after {
            shown.push('…');
        }
        Some((start, shown, a..b))
    });
    let mut origin = None;
    if let Some((start, shown, range)) = excerpt {
        origin = Some((start, shown.len()));
        let snippet = Snippet::source(shown)
            .line_start(start.line)
            .annotation(AnnotationKind::Primary.span(range).label(label));
        group = group.element(snippet);
    } else {
        group = group.element(Origin::path(path.clone()));
        let text = d.pointer_text();
        let p = text
            .as_deref()
            .map_or("", |p| if p.is_empty() { "(root)" } else { p });
        let at = if ru { "в" } else { "at" };
        group = group.element(note_level.clone().message(format!("{at} `{p}` — {label}")));
    }
    if let Some(help) = d.help() {
        group = group.element(help_level.message(terminal_safe(help)));
    }
    let mut report = vec![group];
    if let Some(fix) = d.fix() {
        let how = match (fix.applicability(), ru) {
            (Applicability::Safe, false) => "fix available with `--fix`",
            (Applicability::Unsafe, false) => "fix available with `--fix --unsafe-fixes`",
            (Applicability::Safe, true) => "исправляется с `--fix`",
            (Applicability::Unsafe, true) => "исправляется с `--fix --unsafe-fixes`",
        };
        let shown = fix.value().map(|v| {
            let v = terminal_safe(&v.to_string()).into_owned();
            match v.char_indices().nth(FIX_SHOWN_MAX) {
                Some((i, _)) => format!("{}…", &v[..i]),
                None => v,
            }
        });
        let what = match (shown, ru) {
            (Some(v), false) => format!("{how}: replace the value with `{v}`"),
            (Some(v), true) => format!("{how}: замена значения на `{v}`"),
            (None, false) => format!("{how}: remove `{}`", fix.pointer()),
            (None, true) => format!("{how}: удаление `{}`", fix.pointer()),
        };
        report.push(Group::with_title(note_level.secondary_title(what)));
    }
    let renderer = if style.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = renderer.render(&report);
    // `--> path:line:column` after the title, as rustc writes it.
    if let Some((start, _)) = origin {
        let pad = " ".repeat(start.line.to_string().len());
        let arrow = if style.color {
            "\x1b[1m\x1b[94m--> \x1b[0m"
        } else {
            "--> "
        };
        let line = format!("{pad}{arrow}{path}:{}:{}", start.line, start.column);
        let at = out.find('\n').map_or(out.len(), |i| i + 1);
        out.insert_str(at, &format!("{line}\n"));
    }
    out
}
