"""The client-lint rules for Python: lint, fix and explain cloud-PBX client JSON.

`lint(text)` checks one document, `lint_records(text)` a JSON array or NDJSON
export, `fix(text)` applies the safe fixes; `rules()`, `explain(code)` and
`schema()` describe the rules. Offsets (`start`, `end`) are code-point indices
into the linted `str`, so `text[d.start:d.end]` is the flagged text; `line` and
`column` are 1-based, columns in code points. `Diagnostic.to_dict()` is the
library's serialised record (the CLI's `--format json`) plus those offsets.
"""

from typing import Any, Dict, List, Literal, Optional, final


__version__: str
__all__ = [
    "Diagnostic",
    "Fix",
    "Fixed",
    "Rule",
    "lint",
    "lint_records",
    "fix",
    "rules",
    "explain",
    "schema",
    "_native_seconds",
    "__version__",
]

_Lang = Literal["en", "ru"]
_Mode = Literal["request", "response"]
_LevelName = Literal["error", "deny", "warning", "warn", "info", "off", "allow"]

@final
class Fix:
    """A fix: `replacement` for `text[start:end]`; as a JSON edit, `value` at `pointer`, or `remove`."""

    @property
    def applicability(self) -> Literal["safe", "unsafe"]: ...
    @property
    def pointer(self) -> str: ...
    @property
    def start(self) -> Optional[int]: ...
    @property
    def end(self) -> Optional[int]: ...
    @property
    def replacement(self) -> Optional[str]: ...
    @property
    def remove(self) -> bool: ...
    @property
    def value(self) -> Any:
        """The value to put at `pointer` (as `json.loads` gives it), or None when the fix removes the member."""

@final
class Diagnostic:
    """One finding."""

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def severity(self) -> Literal["error", "warning", "info"]: ...
    @property
    def message(self) -> str: ...
    @property
    def help(self) -> Optional[str]: ...
    @property
    def pointer(self) -> Optional[str]: ...
    @property
    def line(self) -> Optional[int]: ...
    @property
    def column(self) -> Optional[int]: ...
    @property
    def end_line(self) -> Optional[int]: ...
    @property
    def end_column(self) -> Optional[int]: ...
    @property
    def start(self) -> Optional[int]: ...
    @property
    def end(self) -> Optional[int]: ...
    @property
    def fix(self) -> Optional[Fix]: ...
    @property
    def record(self) -> Optional[int]:
        """`lint_records`: the record's 0-based index; None from `lint`."""
    def to_dict(self) -> Dict[str, Any]:
        """The library's serialised record, plus code-point `start`/`end` and the fix's text edit."""

@final
class Fixed:
    """The result of `fix`: the new text and how many fixes were applied."""

    @property
    def text(self) -> str: ...
    @property
    def fixed(self) -> int: ...

@final
class Rule:
    """A rule of the registry."""

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def severity(self) -> Literal["error", "warning", "info"]: ...
    @property
    def fix(self) -> Literal["safe", "unsafe", "sometimes", "none"]: ...
    @property
    def fields(self) -> str: ...
    @property
    def description(self) -> str: ...

def lint(
    text: str,
    lang: _Lang = "en",
    mode: _Mode = "request",
    redact: bool = False,
    levels: Optional[Dict[str, _LevelName]] = None,
) -> List[Diagnostic]:
    """Lint one client document. Raises ValueError on an unknown lang, mode, rule or level."""

def lint_records(
    text: str,
    lang: _Lang = "en",
    mode: _Mode = "request",
    redact: bool = False,
    levels: Optional[Dict[str, _LevelName]] = None,
) -> List[Diagnostic]:
    """Lint a JSON array of clients or NDJSON, each record on its own; findings carry `record`.

    The GIL is released while linting, so threads (or a pandas or Spark map over batches) run in parallel.
    """

def fix(
    text: str,
    lang: _Lang = "en",
    mode: _Mode = "request",
    unsafe_fixes: bool = False,
    levels: Optional[Dict[str, _LevelName]] = None,
) -> Fixed:
    """Apply the safe fixes (the unsafe ones too with unsafe_fixes=True)."""

def rules(lang: _Lang = "en") -> List[Rule]:
    """Every rule, in code order."""

def explain(code: str, lang: _Lang = "en") -> str:
    """A rule's explanation, by code ("CL401") or name ("unknown-timezone")."""

def schema() -> str:
    """The JSON Schema of a client, as a JSON string."""

def _native_seconds(text: str, iterations: int) -> float:
    """Seconds the library's lint takes natively for `text`, `iterations` times (bench.py's baseline)."""
