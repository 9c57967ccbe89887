"""The Python package against the library's behaviour, run on the installed wheel."""

import ast
import dataclasses
import json
import pathlib

import pytest

import client_lint as cl

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
MISTAKES = (ROOT / "examples" / "client-with-mistakes.json").read_text(encoding="utf-8")
CLEAN = (ROOT / "examples" / "client.json").read_text(encoding="utf-8")


def test_readme_example():
    text = '{"timezone": "Europe/Moskow", "type": "j"}'
    found = cl.lint(text)
    assert [(d.code, d.pointer) for d in found] == [("CL401", "/timezone"), ("CL201", "/type")]
    tz = found[0]
    assert tz.severity == "error"
    assert "Europe/Moscow" in (tz.help or "")
    assert text[tz.start:tz.end] == '"Europe/Moskow"'
    assert (tz.line, tz.column) == (1, 14)


def test_to_dict_is_the_librarys_record():
    # tests/data/record-shape.json: the library's records, which the CLI, the
    # service and the npm package also give; Python adds only code-point
    # offsets and the fix's text edit.
    shape = json.loads((ROOT / "tests" / "data" / "record-shape.json").read_text(encoding="utf-8"))
    got = [d.to_dict() for d in cl.lint(shape["document"])]
    for d in got:
        assert shape["document"][d.pop("start"):d.pop("end")]
        if "fix" in d:
            fix = d["fix"]
            assert shape["document"][fix.pop("start"):fix.pop("end")]
            assert isinstance(fix.pop("replacement"), str)
    assert got == shape["records"]


def test_the_bundled_examples():
    assert cl.lint(CLEAN) == []
    found = cl.lint(MISTAKES)
    assert len(found) == 18
    assert {d.severity for d in found} == {"error", "warning"}
    for d in found:
        if d.start is not None:
            # Lines and columns agree with the code-point offsets.
            before = MISTAKES[: d.start]
            assert d.line == before.count("\n") + 1
            assert d.column == len(before) - (before.rfind("\n") + 1) + 1


def test_offsets_are_code_points_after_cyrillic_and_emoji():
    text = '{"name": "Ж 😀 Acme", "type": "j", "timezone": "Europe/Moskow"}'
    found = cl.lint(text)
    by_code = {d.code: d for d in found}
    assert text[by_code["CL201"].start:by_code["CL201"].end] == '"j"'
    assert text[by_code["CL401"].start:by_code["CL401"].end] == '"Europe/Moskow"'
    assert by_code["CL201"].column == text.index('"j"') + 1
    f = by_code["CL201"].fix
    assert f is not None and f.applicability == "safe"
    assert text[f.start:f.end] == '"j"' and f.replacement == '"J"'


def test_russian():
    found = cl.lint('{"type": "j"}', lang="ru")
    assert found[0].message == "тип клиента `j` пишется заглавной буквой"
    assert "Пример" in cl.explain("CL201", lang="ru")
    assert cl.rules(lang="ru")[0].description != cl.rules()[0].description


def test_response_mode_accepts_server_fields():
    text = '{"id": 42, "name": "Acme"}'
    assert [d.name for d in cl.lint(text)] == ["read-only-field"]
    assert cl.lint(text, mode="response") == []


def test_rule_levels():
    text = '{"type": "j", "name": " Acme"}'
    codes = [d.code for d in cl.lint(text)]
    assert codes == ["CL803", "CL201"] or sorted(codes) == ["CL201", "CL803"]
    off = cl.lint(text, levels={"CL803": "off"})
    assert [d.code for d in off] == ["CL201"]
    raised = cl.lint(text, levels={"surrounding-whitespace": "error"})
    assert {d.code: d.severity for d in raised}["CL803"] == "error"


@pytest.mark.parametrize(
    "kwargs, words",
    [
        ({"lang": "de"}, "unknown lang"),
        ({"mode": "reply"}, "unknown mode"),
        ({"levels": {"CL999": "off"}}, "CL999"),
        ({"levels": {"CL201": "loud"}}, "loud"),
    ],
)
def test_bad_options_raise_a_clear_error(kwargs, words):
    with pytest.raises(ValueError, match=words):
        cl.lint("{}", **kwargs)


def test_fix_safe_and_unsafe():
    text = '{"type": "j", "timezone": "Europe/Moskow"}'
    safe = cl.fix(text)
    assert safe.text == '{"type": "J", "timezone": "Europe/Moskow"}' and safe.fixed == 1
    both = cl.fix(text, unsafe_fixes=True)
    assert both.text == '{"type": "J", "timezone": "Europe/Moscow"}' and both.fixed == 2
    # A broken document is never rewritten.
    broken = '{"type": "j",'
    assert (cl.fix(broken).text, cl.fix(broken).fixed) == (broken, 0)


def test_objects_are_frozen_and_convert_to_dicts():
    d = cl.lint('{"type": "j"}')[0]
    with pytest.raises(AttributeError):
        d.code = "CL000"
    as_dict = d.to_dict()
    assert as_dict["code"] == "CL201"
    assert as_dict["span"] == {"start": 9, "end": 12}
    assert as_dict["fix"] == {
        "applicability": "safe",
        "pointer": "/type",
        "value": "J",
        "start": 9,
        "end": 12,
        "replacement": '"J"',
    }
    assert (d.fix.value, d.fix.remove) == ("J", False)
    removed = next(x for x in cl.lint('{"id": 5}') if x.fix is not None)
    assert (removed.fix.value, removed.fix.remove) == (None, True)
    assert removed.to_dict()["fix"]["remove"] is True
    assert "value" not in removed.to_dict()["fix"]
    assert json.loads(json.dumps(as_dict)) == as_dict
    assert repr(d).startswith('Diagnostic(code="CL201"')


def test_rules_explain_schema():
    rules = cl.rules()
    assert len({r.code for r in rules}) == len(rules) > 40
    assert cl.explain("unknown-timezone") == cl.explain("CL401")
    with pytest.raises(ValueError):
        cl.explain("no-such-rule")
    schema = json.loads(cl.schema())
    assert "timezone" in schema["properties"]


def test_hostile_input_gets_diagnostics_not_crashes():
    deep = "[" * 100_000 + "]" * 100_000
    assert any(d.name == "nesting-too-deep" for d in cl.lint(deep))
    assert cl.lint("")[0].code == "CL001"
    assert cl.lint('{"name": "\\ud800"}')[0].name == "lone-surrogate"
    many = "{" + ", ".join(f'"k{i}": {i}' for i in range(20_000)) + "}"
    assert len(cl.lint(many)) >= 1000
    assert cl.lint("\x00")[0].severity == "error"


def test_the_stub_names_what_the_module_has():
    stub = ast.parse((HERE.parent / "client_lint.pyi").read_text(encoding="utf-8"))
    declared = {
        n.name
        for n in stub.body
        if isinstance(n, (ast.FunctionDef, ast.ClassDef)) and not n.name.startswith("_")
    }
    public = {n for n in dir(cl) if not n.startswith("_")}
    assert declared <= public, declared - public
    assert public - declared <= {"client_lint"}, public - declared
    # Every attribute the stub gives a class exists on a real object.
    d = cl.lint('{"type": "j"}')[0]
    for cls, obj in (("Diagnostic", d), ("Fix", d.fix), ("Fixed", cl.fix("{}")), ("Rule", cl.rules()[0])):
        node = next(n for n in stub.body if isinstance(n, ast.ClassDef) and n.name == cls)
        names = [a.target.id for a in node.body if isinstance(a, ast.AnnAssign)]
        names += [a.name for a in node.body if isinstance(a, ast.FunctionDef)]
        assert names, cls
        for name in names:
            assert hasattr(obj, name), (cls, name)


def test_version():
    assert cl.__version__.count(".") == 2
    assert not dataclasses.is_dataclass(cl.Diagnostic)


@pytest.mark.parametrize(
    "number, names",
    [
        ("90", []),
        ("90.0", ["non-canonical-integer"]),
        ("9e1", ["non-canonical-integer"]),
        ("-0", ["non-canonical-integer"]),
        ("1.5e2", ["threshold-out-of-range"]),
        ("90.5", ["number-not-integer"]),
        ("1e400", ["threshold-out-of-range"]),
    ],
)
def test_numbers_by_their_json_meaning(number, names):
    """The same verdict as the library's lint_str (tests/properties.rs)."""
    doc = '{"disk_space_notify_threshold": %s, "disk_space_notify_email": "ops@example.com"}' % number
    assert [d.name for d in cl.lint(doc)] == names


def test_an_unknown_rule_is_not_echoed_in_full():
    """explain('x' * 10**7) names the code cut and escaped, as the CLI does (issue 21)."""
    with pytest.raises(ValueError) as e:
        cl.explain("x" * 10**7)
    assert len(str(e.value)) < 200
    with pytest.raises(ValueError) as e:
        cl.explain("a\u202eb")
    assert "\u202e" not in str(e.value)


# The binding's own additions to the library's record.
OWN = {"start", "end", "record"}
OWN_FIX = {"start", "end", "replacement"}


def test_records_are_the_library_s_records_as_the_cli_writes_them():
    """lint_records over the bundled NDJSON: the CLI's --format json records
    (tests/snapshots/cli__json.snap, checked by the CLI's own tests), minus
    `file`, plus the binding's code-point offsets."""
    batch = (ROOT / "examples" / "batch.ndjson").read_text(encoding="utf-8")
    snap = (ROOT / "tests" / "snapshots" / "cli__json.snap").read_text(encoding="utf-8")
    cli = json.loads(snap.split("---", 2)[2])
    found = cl.lint_records(batch)
    assert len(found) == len(cli)
    for d, want in zip(found, cli):
        got = d.to_dict()
        assert got["record"] == d.record == want["record"]
        assert batch.encode()[want["span"]["start"]:want["span"]["end"]].decode() == batch[d.start:d.end]
        ours = {k: v for k, v in got.items() if k not in OWN}
        if "fix" in ours:
            ours["fix"] = {k: v for k, v in ours["fix"].items() if k not in OWN_FIX}
        theirs = {k: v for k, v in want.items() if k not in ("file", "record")}
        assert ours == theirs


def test_lint_records_numbers_array_elements_and_lines():
    array = '[{"type": "j"}, {}, {"type": "x"}]'
    assert [(d.record, d.code) for d in cl.lint_records(array)] == [(0, "CL201"), (2, "CL202")]
    ndjson = '{}\n{"type": "j"}\n'
    assert [(d.record, d.line) for d in cl.lint_records(ndjson)] == [(1, 2)]
    assert all(d.record is None for d in cl.lint('{"type": "j"}'))


def test_lint_records_runs_in_threads():
    """The GIL is released: threads lint batches side by side and get what
    one thread gets."""
    from concurrent.futures import ThreadPoolExecutor

    batches = ["\n".join(f'{{"name": "c{i}", "type": "{t}"}}' for i in range(2000)) for t in "jFx"]
    with ThreadPoolExecutor(3) as pool:
        parallel = list(pool.map(lambda b: [d.to_dict() for d in cl.lint_records(b)], batches))
    assert parallel == [[d.to_dict() for d in cl.lint_records(b)] for b in batches]
    assert len(parallel[2]) == 2000
