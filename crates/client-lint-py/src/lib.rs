//! `client_lint` for Python: the library's rules, called, never copied.
//!
//! The Python objects are built straight from the library's diagnostics (no
//! JSON in between). Offsets are in code points, as Python indexes `str`, so
//! `text[d.start:d.end]` is the flagged text; lines and columns are 1-based,
//! columns in code points too. `to_dict()` is the library's serialised record
//! (the CLI's `--format json`), plus those offsets.

use client_lint::{Diagnostic, Lang, Mode, OffsetUnit, Options, Rule, UnsafeFixes};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// A fix: the text to write in place of `text[start:end]`; as a JSON edit,
/// the `value` to put at `pointer`, or `remove` the member there.
#[pyclass(name = "Fix", frozen, module = "client_lint", eq)]
#[derive(Clone, PartialEq)]
struct PyFix {
    /// `"safe"` (`fix` applies it) or `"unsafe"` (only with `unsafe_fixes=True`).
    #[pyo3(get)]
    applicability: &'static str,
    /// The JSON Pointer of the value replaced or the member removed.
    #[pyo3(get)]
    pointer: String,
    /// Code-point offsets of the replaced text, or `None` if unknown.
    #[pyo3(get)]
    start: Option<usize>,
    #[pyo3(get)]
    end: Option<usize>,
    /// The replacement text, or `None` if unknown.
    #[pyo3(get)]
    replacement: Option<String>,
    /// Whether the fix removes the member at `pointer`.
    #[pyo3(get)]
    remove: bool,
    /// The new value as JSON text (`value` parses it).
    value_json: Option<String>,
}

#[pymethods]
impl PyFix {
    /// The value to put at `pointer` (a `str`, `int`, ... as `json.loads`
    /// gives it), or `None` when the fix removes the member.
    #[getter]
    fn value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match &self.value_json {
            Some(v) => py.import("json")?.call_method1("loads", (v,)),
            None => Ok(py.None().into_bound(py)),
        }
    }

    fn __repr__(&self) -> String {
        format!(
            "Fix(applicability={:?}, pointer={:?}, replacement={})",
            self.applicability,
            self.pointer,
            py_str(self.replacement.as_deref())
        )
    }
}

/// One finding.
///
/// Holds the library's finding itself (moved, not copied) and the offsets in
/// code points; the attributes read from it when asked.
#[pyclass(name = "Diagnostic", frozen, module = "client_lint", eq)]
#[derive(Clone, PartialEq)]
struct PyDiagnostic {
    /// The library's finding: the attributes and `to_dict` read it.
    diagnostic: Diagnostic,
    #[pyo3(get)]
    column: Option<usize>,
    #[pyo3(get)]
    end_column: Option<usize>,
    #[pyo3(get)]
    start: Option<usize>,
    #[pyo3(get)]
    end: Option<usize>,
    fix_start: Option<usize>,
    fix_end: Option<usize>,
    /// `lint_records`: the record's 0-based index, as the CLI numbers it.
    #[pyo3(get)]
    record: Option<usize>,
}

#[pymethods]
impl PyDiagnostic {
    #[getter]
    fn code(&self) -> &'static str {
        self.diagnostic.code()
    }

    #[getter]
    fn name(&self) -> &'static str {
        self.diagnostic.name()
    }

    /// `"error"`, `"warning"` or `"info"`.
    #[getter]
    fn severity(&self) -> &'static str {
        self.diagnostic.severity().as_str()
    }

    #[getter]
    fn message(&self) -> &str {
        self.diagnostic.message()
    }

    #[getter]
    fn help(&self) -> Option<&str> {
        self.diagnostic.help()
    }

    #[getter]
    fn pointer(&self) -> Option<&str> {
        self.diagnostic.pointer()
    }

    #[getter]
    fn line(&self) -> Option<usize> {
        self.diagnostic.start().map(|p| p.line)
    }

    #[getter]
    fn end_line(&self) -> Option<usize> {
        self.diagnostic.end().map(|p| p.line)
    }

    #[getter]
    fn fix(&self) -> Option<PyFix> {
        self.diagnostic.fix().map(|f| PyFix {
            applicability: f.applicability().as_str(),
            pointer: f.pointer().to_string(),
            start: self.fix_start,
            end: self.fix_end,
            replacement: f.edit().map(|(_, r)| r.to_string()),
            remove: f.is_remove(),
            value_json: f.value().map(ToString::to_string),
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "Diagnostic(code={:?}, name={:?}, severity={:?}, pointer={}, line={}, column={})",
            self.code(),
            self.name(),
            self.severity(),
            py_str(self.pointer()),
            py_int(self.line()),
            py_int(self.column)
        )
    }

    /// The finding as a `dict`: the library's serialised record (what the
    /// CLI's `--format json` writes: `span` in UTF-8 bytes, `fix` with its
    /// `value` or `remove`), plus `start` and `end` in code points and the
    /// fix's text edit (`start`, `end`, `replacement`), and `record` for
    /// `lint_records`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let json =
            serde_json::to_string(&self.diagnostic).map_err(|e| PyValueError::new_err(e.to_string()))?;
        let d = py
            .import("json")?
            .call_method1("loads", (json,))?
            .cast_into::<PyDict>()?;
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        if let (Some(f), Some(fd)) = (self.diagnostic.fix(), d.get_item("fix")?) {
            let fd = fd.cast_into::<PyDict>()?;
            fd.set_item("start", self.fix_start)?;
            fd.set_item("end", self.fix_end)?;
            fd.set_item("replacement", f.edit().map(|(_, r)| r))?;
        }
        if let Some(r) = self.record {
            d.set_item("record", r)?;
        }
        Ok(d)
    }
}

/// The result of `fix`: the new text and how many fixes were applied.
#[pyclass(name = "Fixed", frozen, get_all, module = "client_lint", eq)]
#[derive(Clone, PartialEq)]
struct PyFixed {
    text: String,
    fixed: usize,
}

#[pymethods]
impl PyFixed {
    fn __repr__(&self) -> String {
        format!("Fixed(fixed={}, text={:?})", self.fixed, self.text)
    }
}

/// A rule of the registry.
#[pyclass(name = "Rule", frozen, get_all, module = "client_lint", eq)]
#[derive(Clone, PartialEq)]
struct RuleInfo {
    code: &'static str,
    name: &'static str,
    severity: &'static str,
    /// `"safe"`, `"unsafe"` or `"none"`.
    fix: &'static str,
    fields: String,
    description: &'static str,
}

#[pymethods]
impl RuleInfo {
    fn __repr__(&self) -> String {
        format!("Rule(code={:?}, name={:?})", self.code, self.name)
    }
}

/// An optional string as Python shows it.
fn py_str(s: Option<&str>) -> String {
    s.map_or_else(|| "None".to_string(), |s| format!("{s:?}"))
}

/// An optional number as Python shows it.
fn py_int(n: Option<usize>) -> String {
    n.map_or_else(|| "None".to_string(), |n| n.to_string())
}

fn lang_of(lang: &str) -> PyResult<Lang> {
    lang.parse().map_err(|e| PyValueError::new_err(format!("{e}")))
}

fn options(lang: &str, mode: &str, redact: bool, levels: Option<&Bound<'_, PyDict>>) -> PyResult<Options> {
    let mode: Mode = mode.parse().map_err(|e| PyValueError::new_err(format!("{e}")))?;
    let mut o = Options::new()
        .with_lang(lang_of(lang)?)
        .with_mode(mode)
        .with_redact(redact);
    if let Some(levels) = levels {
        for (k, v) in levels.iter() {
            let k: String = k.extract()?;
            let v: String = v.extract()?;
            o = o
                .with_level_str(&k, &v)
                .map_err(|e| PyValueError::new_err(format!("{e}")))?;
        }
    }
    Ok(o)
}

/// The findings as Python objects, `records[i]` the record of `diags[i]`
/// (empty: none). One pass over `text` places them all, however many records
/// it holds; each finding is then moved into its object.
fn convert(text: &str, diags: Vec<Diagnostic>, records: &[usize]) -> Vec<PyDiagnostic> {
    let placed: Vec<_> = client_lint::render::locate(text, &diags, OffsetUnit::CodePoints)
        .into_iter()
        .map(|at| {
            (
                at.column,
                at.end_column,
                at.start,
                at.end,
                at.fix_start,
                at.fix_end,
            )
        })
        .collect();
    diags
        .into_iter()
        .zip(placed)
        .enumerate()
        .map(
            |(i, (diagnostic, (column, end_column, start, end, fix_start, fix_end)))| PyDiagnostic {
                diagnostic,
                column,
                end_column,
                start,
                end,
                fix_start,
                fix_end,
                record: records.get(i).copied(),
            },
        )
        .collect()
}

/// Lint one client document (JSON text).
#[pyfunction]
#[pyo3(signature = (text, lang = "en", mode = "request", redact = false, levels = None))]
fn lint(
    py: Python<'_>,
    text: &str,
    lang: &str,
    mode: &str,
    redact: bool,
    levels: Option<&Bound<'_, PyDict>>,
) -> PyResult<Vec<PyDiagnostic>> {
    let options = options(lang, mode, redact, levels)?;
    Ok(py.detach(|| {
        let report = client_lint::lint_str(text, &options);
        convert(text, report.into_diagnostics(), &[])
    }))
}

/// Lint a file of records: a JSON array of clients or NDJSON (one per line),
/// each record checked on its own as the CLI checks it. Every finding carries
/// `record`, the record's 0-based index; offsets and lines are in the whole
/// text. The GIL is released while linting, so threads (or a pandas or Spark
/// map over batches) run in parallel.
#[pyfunction]
#[pyo3(signature = (text, lang = "en", mode = "request", redact = false, levels = None))]
fn lint_records(
    py: Python<'_>,
    text: &str,
    lang: &str,
    mode: &str,
    redact: bool,
    levels: Option<&Bound<'_, PyDict>>,
) -> PyResult<Vec<PyDiagnostic>> {
    let options = options(lang, mode, redact, levels)?;
    Ok(py.detach(|| {
        let records = client_lint::lint_records(text, &options, client_lint::Layout::Auto);
        let (mut diags, mut which) = (Vec::new(), Vec::new());
        for r in records {
            let index = r.index;
            let found = r.report.into_diagnostics();
            which.extend(std::iter::repeat_n(index, found.len()));
            diags.extend(found);
        }
        convert(text, diags, &which)
    }))
}

/// Apply the safe fixes (and the unsafe ones with `unsafe_fixes=True`).
#[pyfunction]
#[pyo3(signature = (text, lang = "en", mode = "request", unsafe_fixes = false, levels = None))]
fn fix(
    py: Python<'_>,
    text: &str,
    lang: &str,
    mode: &str,
    unsafe_fixes: bool,
    levels: Option<&Bound<'_, PyDict>>,
) -> PyResult<PyFixed> {
    let options = options(lang, mode, false, levels)?;
    let u = if unsafe_fixes {
        UnsafeFixes::Apply
    } else {
        UnsafeFixes::Skip
    };
    Ok(py.detach(|| {
        let f = client_lint::fix_str(text, &options, u);
        PyFixed {
            text: f.text,
            fixed: f.applied,
        }
    }))
}

/// Every rule, in code order.
#[pyfunction]
#[pyo3(signature = (lang = "en"))]
fn rules(lang: &str) -> PyResult<Vec<RuleInfo>> {
    let lang = lang_of(lang)?;
    Ok(client_lint::rule::RULES
        .iter()
        .map(|r| RuleInfo {
            code: r.code,
            name: r.name,
            severity: r.default_severity.as_str(),
            fix: r.fix.as_str(),
            fields: r.rule.fields_label(),
            description: r.rule.explanation().what.get(lang),
        })
        .collect())
}

/// A rule's explanation, by code (`"CL401"`) or name (`"unknown-timezone"`).
#[pyfunction]
#[pyo3(signature = (code, lang = "en"))]
fn explain(code: &str, lang: &str) -> PyResult<String> {
    let rule: Rule = code.parse().map_err(|e| PyValueError::new_err(format!("{e}")))?;
    Ok(rule.explain(lang_of(lang)?))
}

/// The JSON Schema of a client, as a JSON string.
#[pyfunction]
fn schema() -> String {
    client_lint::schema().to_string()
}

/// Seconds `lint_str` takes natively for `text`, `iterations` times in a
/// loop: the baseline `bench.py` sets Python's `lint` beside, in one run.
#[pyfunction]
fn _native_seconds(py: Python<'_>, text: &str, iterations: usize) -> f64 {
    let options = Options::default();
    py.detach(|| {
        let start = std::time::Instant::now();
        for _ in 0..iterations {
            let _ = std::hint::black_box(client_lint::lint_str(std::hint::black_box(text), &options));
        }
        start.elapsed().as_secs_f64()
    })
}

/// The client-lint rules for Python: lint, fix and explain the JSON
/// configuration of a cloud-PBX client.
///
/// `lint(text)` checks one document, `lint_records(text)` a JSON array or
/// NDJSON export, `fix(text)` applies the safe fixes; `rules()`,
/// `explain(code)` and `schema()` describe the rules. Offsets are code-point
/// indices into the `str`; `Diagnostic.to_dict()` is the library's record.
#[pymodule(name = "client_lint")]
fn client_lint_py(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyDiagnostic>()?;
    m.add_class::<PyFix>()?;
    m.add_class::<PyFixed>()?;
    m.add_class::<RuleInfo>()?;
    m.add_function(wrap_pyfunction!(lint, m)?)?;
    m.add_function(wrap_pyfunction!(lint_records, m)?)?;
    m.add_function(wrap_pyfunction!(fix, m)?)?;
    m.add_function(wrap_pyfunction!(rules, m)?)?;
    m.add_function(wrap_pyfunction!(explain, m)?)?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    m.add_function(wrap_pyfunction!(_native_seconds, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
