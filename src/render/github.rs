use crate::diagnostic::{Diagnostic, Severity};
use crate::escape::terminal_safe;

/// Escape a workflow-command value (`%`, CR, LF; and `:` `,` in properties).
/// Text from the input is made safe for the log first (`terminal_safe`).
fn escape(s: &str, property: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' if property => out.push_str("%3A"),
            ',' if property => out.push_str("%2C"),
            c => out.push(c),
        }
    }
    out
}

/// A GitHub Actions workflow command that annotates the line:
/// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
///
/// ```
/// let report = client_lint::lint_str(r#"{"type": "x"}"#, &Default::default());
/// let line = client_lint::render::github(&report.diagnostics()[0], "a.json");
/// assert!(line.starts_with("::error file=a.json,line=1,col=10,"));
/// assert!(line.contains("title=CL202 unknown-client-type::"));
/// ```
pub fn github(d: &Diagnostic, file: &str) -> String {
    let level = match d.severity() {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let mut props = format!("file={}", escape(&terminal_safe(file), true));
    if let (Some(s), Some(e)) = (d.start(), d.end()) {
        props.push_str(&format!(
            ",line={},col={},endLine={},endColumn={}",
            s.line, s.column, e.line, e.column
        ));
    }
    props.push_str(&format!(
        ",title={}",
        escape(&format!("{} {}", d.code(), d.name()), true)
    ));
    let mut message = terminal_safe(d.message()).into_owned();
    if let Some(help) = d.help() {
        message.push('\n');
        message.push_str(&terminal_safe(help));
    }
    format!("::{level} {props}::{}", escape(&message, false))
}
