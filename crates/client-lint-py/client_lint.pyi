"""The client-lint rules for Python: lint, fix and explain cloud-PBX client JSON.

Offsets (`start`, `end`) are code-point indices into the linted `str`, so
`text[d.start:d.end]` is the flagged text; `line` and `column` are 1-based,
columns in code points.
"""

from typing import Dict, List, Literal, Optional

__version__: str

Lang = Literal["en", "ru"]
Mode = Literal["request", "response"]
LevelName = Literal["error", "deny", "warning", "warn", "info", "off", "allow"]

class Fix:
    applicability: Literal["safe", "unsafe"]
    pointer: str
    start: Optional[int]
    end: Optional[int]
    replacement: Optional[str]

class Diagnostic:
    code: str
    name: str
    severity: Literal["error", "warning", "info"]
    message: str
    help: Optional[str]
    pointer: Optional[str]
    line: Optional[int]
    column: Optional[int]
    end_line: Optional[int]
    end_column: Optional[int]
    start: Optional[int]
    end: Optional[int]
    fix: Optional[Fix]
    def to_dict(self) -> Dict[str, object]: ...

class Fixed:
    text: str
    fixed: int

class Rule:
    code: str
    name: str
    severity: Literal["error", "warning", "info"]
    fix: Literal["safe", "unsafe", "sometimes", "none"]
    fields: str
    description: str

def lint(
    text: str,
    lang: Lang = "en",
    mode: Mode = "request",
    redact: bool = False,
    levels: Optional[Dict[str, LevelName]] = None,
) -> List[Diagnostic]:
    """Lint one client document. Raises ValueError on an unknown lang, mode, rule or level."""

def fix(
    text: str,
    lang: Lang = "en",
    mode: Mode = "request",
    unsafe_fixes: bool = False,
    levels: Optional[Dict[str, LevelName]] = None,
) -> Fixed:
    """Apply the safe fixes (the unsafe ones too with unsafe_fixes=True)."""

def rules(lang: Lang = "en") -> List[Rule]:
    """Every rule, in code order."""

def explain(code: str, lang: Lang = "en") -> str:
    """A rule's explanation, by code ("CL401") or name ("unknown-timezone")."""

def schema() -> str:
    """The JSON Schema of a client, as a JSON string."""
