#!/usr/bin/env python3
"""Write tests/data/idna/vectors.json: host names and whether the Python package
`idna` (IDNA2008 with UTS 46 mapping, `idna.encode(name, uts46=True)`) accepts them.
Curated cases, then one label `a<c>b` for every 97th code point below U+30000.

usage: PYTHONPATH=<unpacked idna wheel> tools/gen_idna_vectors.py
"""
import json, os, unicodedata, idna

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
names = ["l\u00b7l.com", "\u0375\u03b1.com", "\u05d0\u05f3.com", "\u30fb\u30a2.com", "\u0661\u06f1.com", "\u0661\u0662.com", "xn--ls8h.la", "xn--n3h.com", "💩.la", "☃.com", "пример.рф", "münchen.de",
         "日本語.jp", "pаypal.com", "xn--pypal-4ve.com", "ex\u00e4mple.com", "faß.de",
         "xn--zca.com", "a\u200db.com", "♥.example", "xn--e1afmkfd.xn--p1ai",
         "παράδειγμα.δοκιμή", "דוגמה.com", "مثال.com", "1\u0660.com", "a\u00b7b.com"]
# Code points this Python's Unicode database does not know are left out: the
# reference rejects them for an unknown bidi class, whatever IDNA2008 says.
names += [f"a{chr(cp)}b.com" for cp in range(0xA0, 0x30000, 97)
          if not (0xD800 <= cp < 0xE000) and unicodedata.bidirectional(chr(cp))]
out = []
for n in names:
    try:
        idna.encode(n, uts46=True)
        ok = True
    except (idna.IDNAError, UnicodeError, ValueError):
        ok = False
    out.append({"name": n, "valid": ok})
meta = {"source": f"Python idna {idna.__version__} (PyPI), idna.encode(name, uts46=True), Unicode {unicodedata.unidata_version}", "vectors": out}
json.dump(meta, open(os.path.join(root, "tests", "data", "idna", "vectors.json"), "w"), ensure_ascii=False, indent=0)
print(len(out), sum(v["valid"] for v in out), "valid")
