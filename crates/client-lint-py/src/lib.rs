//! `client_lint` for Python: the library's rules, called, never copied.
//!
//! The Python objects are built straight from the library's diagnostics (no
//! JSON in between). Offsets are in code points, as Python indexes `str`, so
//! `text[d.start:d.end]` is the flagged text; lines and columns are 1-based,
//! columns in code points too.

use client_lint::{Diagnostic, Lang, Mode, OffsetUnit, Options, Rule, UnsafeFixes};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// A fix: the text to write in place of `text[start:end]`.
#[pyclass(name = "Fix", frozen, get_all, module = "client_lint", eq)]
#[derive(Clone, PartialEq)]
struct PyFix {
    /// `"safe"` (`fix` applies it) or `"unsafe"` (only with `unsafe_fixes=True`).
    applicability: &'static str,
    /// The JSON Pointer of the value replaced or the member removed.
    pointer: String,
    /// Code-point offsets of the replaced text, or `None` if unknown.
    start: Option<usize>,
    end: Option<usize>,
    /// The replacement text, or `None` if unknown.
    replacement: Option<String>,
}

#[pymethods]
impl PyFix {
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
#[pyclass(name = "Diagnostic", frozen, get_all, module = "client_lint", eq)]
#[derive(Clone, PartialEq)]
struct PyDiagnostic {
    code: &'static str,
    name: &'static str,
    /// `"error"` or `"warning"`.
    severity: &'static str,
    message: String,
    help: Option<String>,
    pointer: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    end_line: Option<usize>,
    end_column: Option<usize>,
    start: Option<usize>,
    end: Option<usize>,
    fix: Option<PyFix>,
}

#[pymethods]
impl PyDiagnostic {
    fn __repr__(&self) -> String {
        format!(
            "Diagnostic(code={:?}, name={:?}, severity={:?}, pointer={}, line={}, column={})",
            self.code,
            self.name,
            self.severity,
            py_str(self.pointer.as_deref()),
            py_int(self.line),
            py_int(self.column)
        )
    }

    /// The finding as a `dict` of plain values (`fix` a `dict` or `None`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("code", self.code)?;
        d.set_item("name", self.name)?;
        d.set_item("severity", self.severity)?;
        d.set_item("message", &self.message)?;
        d.set_item("help", &self.help)?;
        d.set_item("pointer", &self.pointer)?;
        d.set_item("line", self.line)?;
        d.set_item("column", self.column)?;
        d.set_item("end_line", self.end_line)?;
        d.set_item("end_column", self.end_column)?;
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        match &self.fix {
            Some(f) => {
                let fd = PyDict::new(py);
                fd.set_item("applicability", f.applicability)?;
                fd.set_item("pointer", &f.pointer)?;
                fd.set_item("start", f.start)?;
                fd.set_item("end", f.end)?;
                fd.set_item("replacement", &f.replacement)?;
                d.set_item("fix", fd)?;
            }
            None => d.set_item("fix", py.None())?,
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
    let mut o = Options::new().lang(lang_of(lang)?).mode(mode).redact(redact);
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

fn convert(text: &str, diags: &[Diagnostic]) -> Vec<PyDiagnostic> {
    client_lint::render::locate(text, diags, OffsetUnit::CodePoints)
        .into_iter()
        .map(|at| {
            let d = at.diagnostic;
            PyDiagnostic {
                code: d.code(),
                name: d.name(),
                severity: d.severity().as_str(),
                message: d.message().to_string(),
                help: d.help().map(str::to_string),
                pointer: d.pointer().map(str::to_string),
                line: d.start().map(|p| p.line),
                column: at.column,
                end_line: d.end().map(|p| p.line),
                end_column: at.end_column,
                start: at.start,
                end: at.end,
                fix: d.fix().map(|f| PyFix {
                    applicability: f.applicability().as_str(),
                    pointer: f.pointer().to_string(),
                    start: at.fix_start,
                    end: at.fix_end,
                    replacement: f.edit().map(|(_, r)| r.to_string()),
                }),
            }
        })
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
        convert(text, report.diagnostics())
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

#[pymodule(name = "client_lint")]
fn client_lint_py(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyDiagnostic>()?;
    m.add_class::<PyFix>()?;
    m.add_class::<PyFixed>()?;
    m.add_class::<RuleInfo>()?;
    m.add_function(wrap_pyfunction!(lint, m)?)?;
    m.add_function(wrap_pyfunction!(fix, m)?)?;
    m.add_function(wrap_pyfunction!(rules, m)?)?;
    m.add_function(wrap_pyfunction!(explain, m)?)?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    m.add_function(wrap_pyfunction!(_native_seconds, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
