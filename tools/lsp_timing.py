#!/usr/bin/env python3
"""Time `client-lint lsp` on a document of about 100,000 lines.

    cargo build --release --bin client-lint
    python3 tools/lsp_timing.py target/release/client-lint

Writes two arrays of 7,200 clients pretty-printed (100,802 lines, 2.6 MB): one
clean, one with 20,400 findings. For each, opens it in the server, then sends
five full-text changes, and prints the time from sending the notification to
receiving `publishDiagnostics` (the client's own JSON decoding shown apart),
next to the CLI linting the same file.
"""
import json, os, subprocess, sys, tempfile, time

binary = os.path.abspath(sys.argv[1])


def document(path, mistakes):
    recs = []
    for i in range(7200):
        recs.append({
            "name": f"Client {i}",
            "type": "j" if mistakes and i % 3 == 0 else "J",
            "email": f"ops{i}@acme.example",
            "timezone": "europe/kiev" if mistakes and i % 2 == 0 else "Europe/Moscow",
            "geo_list": "RU,UA" if mistakes else "RU UA",
            "disk_space_notify_threshold": 80,
            "extension_len": 3 if mistakes else "3",
            "domain": f"pbx{i}.acme.example",
            "language": "ru",
            "hold_music": 1,
            "domain_prefix": "12345",
            "disk_space_notify_email": "ops@acme.example",
        })
    text = json.dumps(recs, indent=2)
    with open(path, "w") as f:
        f.write(text)
    return text


def run(path, text):
    p = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    decode = [0.0]

    def send(m):
        b = json.dumps(m).encode()
        p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(b) + b)
        p.stdin.flush()

    def recv():
        n = 0
        while True:
            line = p.stdout.readline()
            if line in (b"\r\n", b""):
                break
            if line.lower().startswith(b"content-length"):
                n = int(line.split(b":")[1])
        body = p.stdout.read(n)
        t = time.perf_counter()
        m = json.loads(body)
        decode[0] = time.perf_counter() - t
        return m

    def until_diagnostics():
        while True:
            m = recv()
            if m.get("method") == "textDocument/publishDiagnostics":
                return m["params"]["diagnostics"]

    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
    recv()
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    uri = "file://" + path
    t = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
        "textDocument": {"uri": uri, "languageId": "json", "version": 1, "text": text}}})
    diags = until_diagnostics()
    print(f"  didOpen:   {(time.perf_counter() - t) * 1000:6.1f} ms, {len(diags)} diagnostics")
    times = []
    for v in range(2, 7):
        changed = text.replace('"Client 0"', f'"Client {v}0"', 1)
        t = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": v}, "contentChanges": [{"text": changed}]}})
        until_diagnostics()
        times.append(((time.perf_counter() - t) * 1000, decode[0] * 1000))
    best = min(times)
    print(f"  didChange: {best[0]:6.1f} ms best of 5 ({best[1]:.1f} ms of it the client decoding)")
    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    recv()
    send({"jsonrpc": "2.0", "method": "exit"})
    assert p.wait() == 0


with tempfile.TemporaryDirectory() as d:
    for name, mistakes in (("clean", False), ("with mistakes", True)):
        path = os.path.join(d, "client.json")
        text = document(path, mistakes)
        print(f"{name}: {text.count(chr(10)) + 1} lines, {len(text)} bytes")
        run(path, text)
        best = None
        for _ in range(5):
            t = time.perf_counter()
            subprocess.run([binary, "--format", "json", path], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            e = (time.perf_counter() - t) * 1000
            best = e if best is None else min(best, e)
        print(f"  CLI (--format json), whole process: {best:6.1f} ms best of 5")
