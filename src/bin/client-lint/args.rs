//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Check the JSON configuration of cloud-PBX clients (the `/client/` resource).
///
/// Exit codes: 0 no error (warnings alone pass), 1 at least one error (or a
/// warning with --deny-warnings, or a change with --diff), 2 usage,
/// configuration or I/O failure.
#[derive(Debug, Parser)]
#[command(
    name = "client-lint",
    version,
    args_conflicts_with_subcommands = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub check: CheckArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List every rule: code, name, fields, default severity, fix kind.
    Rules {
        /// Output format.
        #[arg(long, value_enum, default_value_t = RulesFormat::Human)]
        format: RulesFormat,
        /// Language of the descriptions [default: from LC_ALL/LANG].
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Explain a rule: what it checks, why, an example, what to write instead.
    Explain {
        /// Rule code (`CL401`) or name (`unknown-timezone`).
        rule: String,
        /// Language [default: from LC_ALL/LANG].
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Print a JSON Schema (draft 2020-12) of the client resource.
    Schema,
    /// Print a shell completion script: `client-lint completions bash >
    /// ~/.local/share/bash-completion/completions/client-lint`.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `client-lint manpage > client-lint.1`.
    Manpage,
    /// Run a language server over standard input and output (LSP): findings
    /// while a file is typed, quick fixes, explanations on hover.
    #[cfg(feature = "lsp")]
    Lsp {
        /// Language of the messages [default: the editor's locale, else LC_ALL/LANG].
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Request (default) or response documents.
        #[arg(long, value_enum)]
        mode: Option<ModeArg>,
    },
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or directories to check (directories: every *.json, *.ndjson, *.jsonl
    /// below, sorted). `-` or nothing with piped input reads standard input.
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// When to use colour (honours NO_COLOR).
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,

    /// Language of messages [default: `ru` when LC_ALL/LC_MESSAGES/LANG start with `ru`, else `en`].
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,

    /// `request`: a body about to be sent (read-only fields are warned about);
    /// `response`: a record as the API returns it [default: request].
    #[arg(long, value_enum)]
    pub mode: Option<ModeArg>,

    /// Apply safe fixes in place, then report what remains.
    #[arg(long)]
    pub fix: bool,

    /// With --fix or --diff: apply unsafe fixes too.
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// With --fix: also rewrite read-only files, files with several hard links
    /// (the other names keep the old text) and files whose owner this user
    /// cannot keep.
    #[arg(long, requires = "fix")]
    pub force: bool,

    /// Print the fixes as a unified diff, change nothing; exit 1 if there is any.
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,

    /// Exit 1 on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,

    /// Configuration file [default: client-lint.toml found upward from the working directory].
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Ignore any configuration file.
    #[arg(long, conflicts_with = "config")]
    pub isolated: bool,

    /// Check only these rules (codes or names, comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Vec<String>,

    /// Do not check these rules (codes or names, comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,

    /// At most this many findings per record (0: no limit). Past it, one
    /// finding says how many more there were; it is an error if any was.
    #[arg(long, value_name = "N", default_value_t = client_lint::options::DEFAULT_MAX_FINDINGS)]
    pub max_findings: usize,

    /// The file name to show for standard input.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,

    /// Print how many findings each rule had, across all inputs (most first),
    /// instead of each finding: as a table, or with --format json as an array.
    #[arg(long, conflicts_with = "diff")]
    pub statistics: bool,

    /// Print no summary.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style, with source lines and carets.
    Human,
    /// A JSON array of diagnostic records.
    Json,
    /// One diagnostic record per line.
    Jsonl,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions annotations.
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    En,
    Ru,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModeArg {
    Request,
    Response,
}
