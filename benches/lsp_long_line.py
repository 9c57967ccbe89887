#!/usr/bin/env python3
"""The language server on one line of 20,000 records (560 KB, a finding and a quick fix
each, UTF-16 positions): time to publish the diagnostics and to answer a code-action
request over the whole line. usage: python3 benches/lsp_long_line.py target/release/client-lint
(numbers in BENCHMARKS.md; not a test: no timing is asserted)."""
import subprocess, json, sys, time
# One line of 20,000 records, each with a finding: publish time, UTF-16 positions.
recs = ",".join('{"name": "Ж😀", "type": "j"}' for _ in range(20000))
text = "[" + recs + "]"
p = subprocess.Popen([sys.argv[1], "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
def frame(b): return b"Content-Length: %d\r\n\r\n" % len(b) + b
def send(o): p.stdin.write(frame(json.dumps(o).encode())); p.stdin.flush()
def read():
    n = None
    while True:
        l = p.stdout.readline()
        if l in (b"\r\n", b"\n"): break
        if l.startswith(b"Content-Length:"): n = int(l.split(b":")[1])
    return json.loads(p.stdout.read(n))
send({"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{}}})
while read().get("id") != 0: pass
send({"jsonrpc":"2.0","method":"initialized","params":{}})
t = time.time()
send({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///tmp/big.json","languageId":"json","version":1,"text":text}}})
while True:
    m = read()
    if m.get("method") == "textDocument/publishDiagnostics": break
t1 = time.time() - t
t = time.time()
send({"jsonrpc":"2.0","id":1,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///tmp/big.json"},"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":len(text)}},"context":{"diagnostics":[]}}})
while read().get("id") != 1: pass
t2 = time.time() - t
print(f"{len(text)} bytes, {len(m['params']['diagnostics'])} diagnostics: publish {t1:.2f} s, code actions {t2:.2f} s")
p.kill()
