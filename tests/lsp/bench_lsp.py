#!/usr/bin/env python3
"""bench_lsp.py — how long `jxc lsp` takes from a change to a large
document to its diagnostics (the figure docs/editors.md states).

    build/jx-gen -m 10 > /tmp/ten.jx
    tests/lsp/bench_lsp.py build/jxc /tmp/ten.jx

Opens the document, then makes an edit that breaks it and one that mends
it (a one-character incremental change each, as typing does), and times,
for each, the span from sending the didChange to receiving the
publishDiagnostics for that version; then a hover, a completion, the
outline and the semantic tokens of the big document.  Prints the median
of each over a few rounds, in wall-clock time and in the CPU time the
server spent (from /proc: on a loaded machine the wall clock also counts
waiting for a core).  Not part of make test (it measures; it does not
judge).
"""
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lspclient import Server  # noqa: E402


def cpu_ms(pid):
    """User + system CPU time of a process so far, in ms (Linux /proc)."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf(
        "SC_CLK_TCK")


def peak_rss(pid):
    """The process's peak resident set (VmHWM, Linux /proc), as text."""
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    kb = int(line.split()[1])
                    return "%.0f MB" % (kb / 1024)
    except OSError:
        pass
    return "unknown"


def main():
    jxc, path = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    text = open(path, encoding="utf-8").read()
    s = Server(jxc)
    s.request("initialize", {"processId": None, "rootUri": None,
                             "capabilities": {}})
    pid = s.proc.pid
    uri = "file:///bench.jx"
    t0, c0 = time.monotonic(), cpu_ms(pid)
    s.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "jixiao", "version": 1, "text": text}})
    s.wait_diagnostics(uri, 1, timeout=300)
    print("open %.1f MB (%d lines): %.0f ms to diagnostics (server CPU %.0f ms)"
          % (len(text.encode()) / 1e6, text.count("\n"),
             (time.monotonic() - t0) * 1000, cpu_ms(pid) - c0))
    # The last line's first "budget": break its number, then mend it.
    at = text.rindex("budget ")
    line = text.count("\n", 0, at)
    ch = len(text[text.rfind("\n", 0, at) + 1:at].encode("utf-16-le")) // 2
    ch += len("budget ")
    version = 1
    times = {"break": [], "mend": []}
    cpu = {"break": [], "mend": []}
    for _ in range(rounds):
        for kind, new in (("break", "x"), ("mend", "1")):
            version += 1
            old_len = 1
            t0, c0 = time.monotonic(), cpu_ms(pid)
            s.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": {
                    "start": {"line": line, "character": ch},
                    "end": {"line": line, "character": ch + old_len}},
                    "text": new}]})
            d = s.wait_diagnostics(uri, version, timeout=300)
            times[kind].append((time.monotonic() - t0) * 1000)
            cpu[kind].append(cpu_ms(pid) - c0)
            if kind == "break":
                assert d["diagnostics"], "the broken budget was not reported"
    for kind, v in times.items():
        print("change (%s) to diagnostics: median %.0f ms (min %.0f, max %.0f;"
              " server CPU median %.0f ms)"
              % (kind, statistics.median(v), min(v), max(v),
                 statistics.median(cpu[kind])))
    for method, params in (
            ("textDocument/hover", {"position": {"line": line,
                                                 "character": ch}}),
            ("textDocument/completion", {"position": {"line": line,
                                                      "character": 4}}),
            ("textDocument/documentSymbol", {}),
            ("textDocument/semanticTokens/full", {})):
        t0, c0 = time.monotonic(), cpu_ms(pid)
        r = s.request(method, dict({"textDocument": {"uri": uri}}, **params),
                      timeout=300)
        assert "result" in r, r
        print("%s: %.0f ms (server CPU %.0f ms)" % (
            method, (time.monotonic() - t0) * 1000, cpu_ms(pid) - c0))
    print("server peak RSS: %s" % peak_rss(pid))
    s.request("shutdown")
    s.notify("exit")
    s.close()


if __name__ == "__main__":
    main()
