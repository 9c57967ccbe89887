//! `client-lint`: the command line. Reads files and standard input, writes
//! findings in the chosen format, fixes files in place. All rules live in the
//! library; this binary only does I/O.

mod args;
mod commands;
mod config;
mod diff;
mod fs;
mod inputs;
#[cfg(feature = "lsp")]
mod lsp;
mod output;
mod run;
mod statistics;
mod stream;
mod summary;
mod ui;

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use client_lint::Lang;
use client_lint::render::HumanStyle;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use args::{Cli, Color, Command, Format};
use run::Action;
use ui::{Ui, ui};

const EXIT_OK: u8 = 0;
const EXIT_FINDINGS: u8 = 1;
const EXIT_FAILURE: u8 = 2;

/// Inputs larger than this in all show a progress bar on a terminal.
const PROGRESS_MIN_BYTES: u64 = 16 << 20;

fn error_line(lang: Lang, message: &str) {
    let label = match ui(lang) {
        Ui::En => "error",
        Ui::Ru => "ошибка",
    };
    // Line by line, so that a multi-line error (TOML's, with its caret)
    // reads as lines, each made safe for the terminal.
    let message: Vec<_> = message
        .trim_end()
        .lines()
        .map(client_lint::render::terminal_safe)
        .collect();
    let _ = writeln!(io::stderr(), "client-lint: {label}: {}", message.join("\n"));
}

fn warning_line(lang: Lang, message: &str) {
    let label = match ui(lang) {
        Ui::En => "warning",
        Ui::Ru => "предупреждение",
    };
    let message = client_lint::render::terminal_safe(message);
    let _ = writeln!(io::stderr(), "client-lint: {label}: {message}");
}

/// `Ok` for a write error caused by a closed pipe (`client-lint … | head`):
/// stop quietly.
fn closed_pipe(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::BrokenPipe
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let env_lang = config::env_lang();
    // The language server writes standard output from its own thread: it
    // runs before this thread takes the lock.
    #[cfg(feature = "lsp")]
    if let Some(Command::Lsp { lang, mode }) = cli.command {
        let settings = lsp::Settings {
            lang: lang.map(config::lang_arg),
            mode: mode.map(|m| match m {
                args::ModeArg::Response => client_lint::Mode::Response,
                args::ModeArg::Request => client_lint::Mode::Request,
            }),
        };
        return match lsp::run_stdio(settings) {
            Ok(true) => ExitCode::from(EXIT_OK),
            // `exit` without `shutdown`: 1, as the LSP specification says.
            Ok(false) => ExitCode::from(1),
            Err(e) => {
                error_line(env_lang, &e.to_string());
                ExitCode::from(EXIT_FAILURE)
            }
        };
    }
    let mut stdout = io::stdout().lock();
    match cli.command {
        Some(Command::Rules { format, lang }) => {
            let lang = lang.map_or(env_lang, config::lang_arg);
            return match commands::rules(&mut stdout, format, lang) {
                Err(e) if !closed_pipe(&e) => ExitCode::from(EXIT_FAILURE),
                _ => ExitCode::from(EXIT_OK),
            };
        }
        Some(Command::Explain { rule, lang }) => {
            let lang = lang.map_or(env_lang, config::lang_arg);
            return match commands::explain(&mut stdout, &rule, lang) {
                Ok(()) => ExitCode::from(EXIT_OK),
                Err(e) => {
                    error_line(lang, &e);
                    ExitCode::from(EXIT_FAILURE)
                }
            };
        }
        #[cfg(feature = "lsp")]
        // Handled above, before standard output was locked.
        Some(Command::Lsp { .. }) => return ExitCode::from(EXIT_FAILURE),
        Some(Command::Schema) => {
            return match commands::schema(&mut stdout) {
                Err(e) if !closed_pipe(&e) => ExitCode::from(EXIT_FAILURE),
                _ => ExitCode::from(EXIT_OK),
            };
        }
        Some(Command::Completions { shell }) => {
            commands::completions(&mut output::Closable::new(&mut stdout), shell);
            return ExitCode::from(EXIT_OK);
        }
        Some(Command::Manpage) => {
            return match commands::manpage(&mut stdout) {
                Err(e) if !closed_pipe(&e) => ExitCode::from(EXIT_FAILURE),
                _ => ExitCode::from(EXIT_OK),
            };
        }
        None => {}
    }
    let args = cli.check;
    let (options, locked, config_path, files) = match config::options(&args) {
        Ok(config::Built {
            options,
            locked,
            path,
            files,
        }) => (options, locked, path, files),
        Err(e) => {
            error_line(args.lang.map_or(env_lang, config::lang_arg), &e);
            return ExitCode::from(EXIT_FAILURE);
        }
    };
    let lang = options.lang();
    for (origin, rule) in &locked {
        let (code, name) = (rule.info().code, rule.info().name);
        warning_line(
            lang,
            &match ui(lang) {
                Ui::En => format!(
                    "{origin}: `{code}` ({name}) cannot be turned off or changed: a file that is not valid JSON or not UTF-8 always fails"
                ),
                Ui::Ru => format!(
                    "{origin}: `{code}` ({name}) нельзя отключить или изменить: файл, который не является корректным JSON или UTF-8, всегда не проходит проверку"
                ),
            },
        );
    }
    let unsafe_fixes = if args.unsafe_fixes {
        client_lint::UnsafeFixes::Apply
    } else {
        client_lint::UnsafeFixes::Skip
    };
    let action = match (args.fix, args.diff) {
        (true, _) => Action::Fix {
            unsafe_fixes,
            force: args.force,
        },
        (_, true) => Action::Diff { unsafe_fixes },
        _ => Action::Check,
    };
    let stdin_name = args
        .stdin_filename
        .clone()
        .unwrap_or_else(|| "<stdin>".to_string());
    let (inputs, input_errors) = inputs::collect(&args.paths, &files, &stdin_name, io::stdin().is_terminal());
    for e in &input_errors {
        error_line(lang, e);
    }
    let to_stderr = matches!(action, Action::Fix { .. })
        && inputs
            .iter()
            .any(|i| matches!(i, inputs::Input::Stdin(_) | inputs::Input::Stream(_)));
    if matches!(action, Action::Fix { .. }) {
        // Interrupted while writing: no temporary file stays behind.
        fs::clean_up_on_signals();
    }
    // With `--fix` on standard input the fixed document goes to standard
    // output, so findings go to standard error.
    let terminal = if to_stderr {
        io::stderr().is_terminal()
    } else {
        io::stdout().is_terminal()
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => terminal && !no_color,
    };
    // Long source lines are cut to the terminal's width (`COLUMNS`).
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse().ok())
        .unwrap_or(client_lint::render::DEFAULT_WIDTH);
    let style = HumanStyle { color, lang, width };
    let total: u64 = inputs
        .iter()
        .filter_map(|i| match i {
            inputs::Input::File(p) => std::fs::metadata(p).ok().map(|m| m.len()),
            inputs::Input::Stream(_) | inputs::Input::Stdin(_) => None,
        })
        .sum();
    let progress = if io::stderr().is_terminal() && total > PROGRESS_MIN_BYTES && !args.quiet {
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
        if let Ok(s) = ProgressStyle::with_template(
            "{bar:40} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} {eta}",
        ) {
            bar.set_style(s);
        }
        bar
    } else {
        ProgressBar::hidden()
    };
    // Unlocked handles, which the writer thread of a large NDJSON input can
    // use (writes reach them through a BufWriter, in large chunks).
    drop(stdout);
    let sink: Box<dyn Write + Send> = if to_stderr {
        Box::new(io::stderr())
    } else {
        Box::new(io::stdout())
    };
    let sink = output::Closable::new(sink);
    if args.statistics && !matches!(args.format, Format::Human | Format::Json) {
        error_line(
            lang,
            match ui(lang) {
                Ui::En => "--statistics prints a table (--format human) or a JSON array (--format json)",
                Ui::Ru => "--statistics печатает таблицу (--format human) или массив JSON (--format json)",
            },
        );
        return ExitCode::from(EXIT_FAILURE);
    }
    let mut out = output::Out::new(io::BufWriter::new(sink), args.format, style, &options);
    out.render.statistics = args.statistics;
    let result = out
        .begin()
        .and_then(|()| run::run(&inputs, &options, action, &mut out, &progress))
        .and_then(|o| {
            out.end()?;
            Ok(o)
        });
    progress.finish_and_clear();
    let outcome = match result {
        Ok(o) => o,
        Err(e) => {
            error_line(lang, &e.to_string());
            return ExitCode::from(EXIT_FAILURE);
        }
    };
    drop(out);
    for text in &outcome.stdin_fixed {
        // A closed pipe here loses nothing the exit status needs.
        let mut stdout = output::Closable::new(io::stdout().lock());
        if stdout.write_all(text).and_then(|()| stdout.flush()).is_err() {
            return ExitCode::from(EXIT_FAILURE);
        }
    }
    for f in &outcome.failures {
        error_line(lang, f);
    }
    for s in &outcome.skipped {
        warning_line(lang, s);
    }
    let unreadable = outcome.unreadable + input_errors.len();
    let t = &outcome.totals;
    if !args.quiet {
        if args.format == Format::Human || io::stderr().is_terminal() {
            let _ = writeln!(
                io::stderr(),
                "{}",
                summary::summary(t, outcome.fixed, unreadable, lang)
            );
            if let Some(p) = &config_path {
                let p = client_lint::render::terminal_safe(&p.to_string_lossy()).into_owned();
                let _ = writeln!(
                    io::stderr(),
                    "{}",
                    match ui(lang) {
                        Ui::En => format!("configuration: {p}"),
                        Ui::Ru => format!("конфигурация: {p}"),
                    }
                );
            }
        } else if outcome.fixed > 0 {
            let _ = writeln!(io::stderr(), "{}", summary::fixed_line(outcome.fixed, lang));
        }
    }
    let code = if !input_errors.is_empty() || !outcome.failures.is_empty() {
        EXIT_FAILURE
    } else if t.errors > 0 || (args.deny_warnings && t.warnings > 0) || outcome.diffs > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    };
    ExitCode::from(code)
}
