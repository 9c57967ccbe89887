use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::Source;
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::options::Lang;

/// How [`human`] renders.
#[derive(Debug, Clone, Copy, Default)]
pub struct HumanStyle {
    /// ANSI colours.
    pub color: bool,
    /// Language of the labels around the messages.
    pub lang: Lang,
}

/// Most characters of a fix's value shown in its note.
const FIX_SHOWN_MAX: usize = 80;

/// Most bytes of context shown on each side of a span on a long line.
const CONTEXT: usize = 60;

fn floor_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
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
/// Only the first line of the span is shown, cut to a window around the span
/// on long lines, so rendering stays linear in the number of diagnostics.
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
    let title = level.primary_title(d.message()).id(d.code());
    let mut group = Group::with_title(title);
    let excerpt = d.span().zip(d.start()).and_then(|(span, start)| {
        let s = span.start.checked_sub(src.byte_offset)?;
        let e = span.end.checked_sub(src.byte_offset)?.max(s);
        let text = src.text;
        if s > text.len() || !text.is_char_boundary(s) {
            return None;
        }
        let line_start = text[..s].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[s..].find('\n').map_or(text.len(), |i| s + i);
        let from = floor_char(text, line_start.max(s.saturating_sub(CONTEXT)));
        let to = ceil_char(text, line_end.min(e + CONTEXT)).max(s);
        let snippet_text = text[from..to].trim_end_matches('\r');
        // Both ends inside the (trimmed) excerpt: annotate-snippets panics otherwise.
        let a = (s - from).min(snippet_text.len());
        let b = (e.min(to) - from).clamp(a, snippet_text.len());
        Some((start, from == line_start, snippet_text, a..b))
    });
    let label = match (record, style.lang) {
        (Some(r), Lang::En) => format!("{} (record {r})", d.name()),
        (Some(r), Lang::Ru) => format!("{} (запись {r})", d.name()),
        (None, _) => d.name().to_string(),
    };
    match excerpt {
        Some((start, whole_line, snippet_text, range)) => {
            if !whole_line {
                // A window of a long line: state the real column, and mark the cut.
                group = group.element(Origin::path(src.path).line(start.line).char_column(start.column));
            }
            let snippet = Snippet::source(snippet_text)
                .line_start(start.line)
                .annotation(AnnotationKind::Primary.span(range).label(label));
            group = group.element(if whole_line {
                snippet.path(src.path)
            } else {
                snippet
            });
        }
        None => {
            group = group.element(Origin::path(src.path));
            let p = d
                .pointer()
                .map_or("", |p| if p.is_empty() { "(root)" } else { p });
            let at = if ru { "в" } else { "at" };
            group = group.element(note_level.clone().message(format!("{at} `{p}` — {label}")));
        }
    }
    if let Some(help) = d.help() {
        group = group.element(help_level.message(help));
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
            let v = v.to_string();
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
    renderer.render(&report)
}
