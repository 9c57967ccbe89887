//! `client-lint.toml`: mode, language and per-rule levels.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use client_lint::{Lang, Level, Mode, Options, Rule};
use serde::Deserialize;

use crate::args::{CheckArgs, LangArg, ModeArg};

/// The configuration file's name.
pub const FILE_NAME: &str = "client-lint.toml";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Config {
    mode: Option<String>,
    lang: Option<String>,
    /// Files a directory walk (and the language server) checks.
    include: Option<Vec<String>>,
    /// Files and directories they skip.
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    rules: BTreeMap<String, String>,
}

/// What `include` is when the configuration does not say.
pub const DEFAULT_INCLUDE: [&str; 3] = ["*.json", "*.ndjson", "*.jsonl"];

/// Which files are checked: `include` and `exclude` globs relative to the
/// configuration file's directory. A pattern without `/` matches a name at
/// any depth (`package.json`, `*.json`); one with `/` matches the path from
/// that directory (`clients/**/*.json`; a leading `/` anchors it there); a
/// trailing `/` names a directory and everything in it.
#[derive(Debug, Clone)]
pub struct Files {
    root: PathBuf,
    include: globset::GlobSet,
    exclude: globset::GlobSet,
}

impl Files {
    /// The filter of `include` (the default when `None`) and `exclude`, for
    /// paths under `root`; an invalid pattern is an error naming it.
    pub fn new(
        root: &Path,
        include: Option<&[String]>,
        exclude: &[String],
        origin: &str,
    ) -> Result<Files, String> {
        let set = |patterns: &mut dyn Iterator<Item = &str>, key: &str| -> Result<globset::GlobSet, String> {
            let mut builder = globset::GlobSetBuilder::new();
            for p in patterns {
                let trimmed = p.trim();
                let mut glob = match trimmed.strip_prefix('/') {
                    Some(anchored) => anchored.to_string(),
                    None if trimmed.trim_end_matches('/').contains('/') => trimmed.to_string(),
                    None => format!("**/{trimmed}"),
                };
                if glob.ends_with('/') {
                    glob.push_str("**");
                }
                let g = globset::GlobBuilder::new(&glob)
                    .literal_separator(true)
                    .build()
                    .map_err(|e| format!("{origin}: {key}: `{p}`: {}", e.kind()))?;
                builder.add(g);
                // `fixtures/` and `fixtures` also name the directory itself.
                if let Some(dir) = glob.strip_suffix("/**") {
                    builder.add(
                        globset::Glob::new(dir)
                            .map_err(|e| format!("{origin}: {key}: `{p}`: {}", e.kind()))?,
                    );
                }
            }
            builder.build().map_err(|e| format!("{origin}: {key}: {e}"))
        };
        let default: Vec<String> = DEFAULT_INCLUDE
            .iter()
            .map(std::string::ToString::to_string)
            .collect();
        let include = include.unwrap_or(&default);
        Ok(Files {
            root: normal(root),
            include: set(&mut include.iter().map(String::as_str), "include")?,
            exclude: set(&mut exclude.iter().map(String::as_str), "exclude")?,
        })
    }

    /// `path` from the configuration's directory (or whole, when outside it).
    fn relative(&self, path: &Path) -> PathBuf {
        let path = normal(path);
        match path.strip_prefix(&self.root) {
            Ok(rel) => rel.to_path_buf(),
            Err(_) => path
                .components()
                .filter(|c| matches!(c, Component::Normal(_)))
                .collect(),
        }
    }

    /// Whether a file found by a directory walk, or opened in an editor, is
    /// checked: included and not excluded.
    pub fn accepts(&self, path: &Path) -> bool {
        let rel = self.relative(path);
        self.include.is_match(&rel) && !self.exclude.is_match(&rel)
    }

    /// Whether a directory walk skips `dir` and everything in it.
    pub fn excludes(&self, dir: &Path) -> bool {
        self.exclude.is_match(self.relative(dir))
    }
}

impl Default for Files {
    /// The default `include`, no `exclude`, from the working directory.
    fn default() -> Self {
        let cwd = std::env::current_dir().unwrap_or_default();
        Files::new(&cwd, None, &[], "").unwrap_or_else(|_| Files {
            root: cwd,
            include: globset::GlobSet::empty(),
            exclude: globset::GlobSet::empty(),
        })
    }
}

/// `path` made absolute from the working directory, without `.` and with
/// `..` resolved by name (a walk's paths, an editor's: no link is followed).
fn normal(path: &Path) -> PathBuf {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut out = PathBuf::new();
    for c in absolute.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

/// Find `client-lint.toml` in `dir` or a parent: anything of that name, so
/// that a directory or a dangling link is an error, not silently skipped.
pub fn discover(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.symlink_metadata().is_ok())
}

/// Whether a configuration owned by `owner` may decide the verdict of a run
/// by `me`: only the user's own or root's, as git's `safe.directory`.
pub fn trusted_owner(owner: u32, me: u32) -> bool {
    owner == me || owner == 0
}

/// A discovered configuration owned by another user (or a link to one, or a
/// link another user planted): the error that refuses it.
#[cfg(unix)]
fn foreign(p: &Path) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let me = rustix::process::geteuid().as_raw();
    let owner = [p.symlink_metadata(), p.metadata()]
        .into_iter()
        .flatten()
        .map(|m| m.uid())
        .find(|&uid| !trusted_owner(uid, me))?;
    Some(format!(
        "{}: owned by user {owner}, neither you nor root: a configuration another user wrote could \
         turn every check off, so it is not used. If you trust it, pass `--config {}`; or run \
         with `--isolated`",
        p.display(),
        p.display()
    ))
}

#[cfg(not(unix))]
fn foreign(_: &Path) -> Option<String> {
    None
}

fn rule(name: &str, origin: &str) -> Result<Rule, String> {
    // `--select 'CL201, CL402'`: parsing ignores the space after a comma.
    name.parse()
        .map_err(|e| format!("{origin}: {e} (`client-lint rules` lists them)"))
}

/// The language from the environment: `ru` when LC_ALL, LC_MESSAGES or LANG
/// (the first that is set) starts with `ru`.
pub fn env_lang() -> Lang {
    let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .unwrap_or_default();
    Lang::from_locale(&value)
}

pub fn lang_arg(l: LangArg) -> Lang {
    match l {
        LangArg::En => Lang::En,
        LangArg::Ru => Lang::Ru,
    }
}

/// The options, and where a level was set on a [locked](Rule::is_locked) rule
/// (it has no effect; the caller says so).
pub struct Built {
    pub options: Options,
    pub locked: Vec<(String, Rule)>,
    /// The configuration file used, if any (the human summary names it).
    pub path: Option<PathBuf>,
    /// Which files a directory walk checks.
    pub files: Files,
}

/// Build the options: command line over configuration file over environment.
pub fn options(args: &CheckArgs) -> Result<Built, String> {
    options_in(args, std::env::current_dir().ok().as_deref())
}

/// [`options`], discovering `client-lint.toml` from `dir` upward (the
/// language server starts from each document's directory).
pub fn options_in(args: &CheckArgs, dir: Option<&Path>) -> Result<Built, String> {
    let path = if args.isolated {
        None
    } else if let Some(p) = &args.config {
        if !p.is_file() {
            return Err(format!("{}: configuration file not found", p.display()));
        }
        Some(p.clone())
    } else {
        let found = dir.and_then(discover);
        // Discovered, not named: it must be the user's own or root's.
        if let Some(error) = found.as_deref().and_then(foreign) {
            return Err(error);
        }
        found
    };
    let config = match &path {
        Some(p) => {
            let text = std::fs::read_to_string(p).map_err(|e| {
                if p.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink()) && !p.exists() {
                    format!("{}: a symbolic link to nothing (dangling)", p.display())
                } else {
                    format!("{}: {e}", p.display())
                }
            })?;
            toml::from_str::<Config>(&text)
                .map_err(|e| format!("{}:\n{}", p.display(), e.to_string().trim_end()))?
        }
        None => Config::default(),
    };
    let origin = path
        .as_ref()
        .map_or_else(String::new, |p| p.display().to_string());
    // Globs are relative to the configuration's directory, or to the
    // working directory without one.
    let root = match path.as_deref().and_then(Path::parent) {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => dir.map_or_else(|| PathBuf::from("."), Path::to_path_buf),
    };
    let files = Files::new(&root, config.include.as_deref(), &config.exclude, &origin)?;
    let mode = match (args.mode, config.mode.as_deref()) {
        (Some(ModeArg::Response), _) => Mode::Response,
        (Some(ModeArg::Request), _) | (None, None) => Mode::Request,
        (None, Some(m)) => m.parse().map_err(|e| format!("{origin}: {e}"))?,
    };
    let lang = match (args.lang, config.lang.as_deref()) {
        (Some(l), _) => lang_arg(l),
        (None, None) => env_lang(),
        (None, Some(l)) => l.parse().map_err(|e| format!("{origin}: {e}"))?,
    };
    let max = if args.max_findings == 0 {
        usize::MAX
    } else {
        args.max_findings
    };
    let mut options = Options::new()
        .with_mode(mode)
        .with_lang(lang)
        .with_max_findings(max);
    let mut locked = Vec::new();
    let mut set: Vec<(Rule, &str)> = Vec::new();
    for (name, level) in &config.rules {
        let r = rule(name, &origin)?;
        // `CL401` and `unknown-timezone` are one rule: set it once.
        if let Some((_, first)) = set.iter().find(|(s, _)| *s == r) {
            return Err(format!(
                "{origin}: rule `{name}` is set twice (also as `{first}`): keep one"
            ));
        }
        set.push((r, name));
        if r.is_locked() {
            locked.push((origin.clone(), r));
        }
        let level: Level = level
            .parse()
            .map_err(|e| format!("{origin}: rule `{name}`: {e}"))?;
        options.set_level(r, level);
    }
    if !args.select.is_empty() {
        let selected = args
            .select
            .iter()
            .filter(|n| !n.trim().is_empty())
            .map(|n| rule(n, "--select"))
            .collect::<Result<Vec<_>, _>>()?;
        for info in client_lint::rule::RULES {
            if !selected.contains(&info.rule) {
                options.set_level(info.rule, Level::Allow);
            }
        }
    }
    for name in args.ignore.iter().filter(|n| !n.trim().is_empty()) {
        let r = rule(name, "--ignore")?;
        if r.is_locked() {
            locked.push(("--ignore".to_string(), r));
        }
        options.set_level(r, Level::Allow);
    }
    Ok(Built {
        options,
        locked,
        path,
        files,
    })
}
