"""Per-lint time of the Python package beside native `lint_str`, in one run.

    python bench.py          (with the wheel installed)

Documents: the bundled valid example, the bundled one with 18 mistakes, and
a document with 1,000 findings (unknown keys). "native" is `lint_str` in a
Rust loop inside the extension; "python" is `client_lint.lint`, which also
builds the Python objects. Best of 5 rounds.
"""
import pathlib
import time

import client_lint as cl

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
DOCS = {
    "valid (examples/client.json)": (ROOT / "examples" / "client.json").read_text(encoding="utf-8"),
    "18 findings (examples/client-with-mistakes.json)": (
        ROOT / "examples" / "client-with-mistakes.json"
    ).read_text(encoding="utf-8"),
    "1,000 findings (unknown keys)": "{" + ", ".join(f'"key{i}": {i}' for i in range(1000)) + "}",
}

print("| document | native lint_str | Python lint | ratio |")
print("|---|---|---|---|")
for name, text in DOCS.items():
    n = max(1, 20000 // (1 + len(cl.lint(text))))
    native = min(cl._native_seconds(text, n) for _ in range(5)) / n
    best = None
    for _ in range(5):
        t = time.perf_counter()
        for _ in range(n):
            cl.lint(text)
        e = (time.perf_counter() - t) / n
        best = e if best is None else min(best, e)
    print(f"| {name} | {native * 1e6:.1f} µs | {best * 1e6:.1f} µs | {best / native:.2f}x |")
