"""lspclient.py — a small scripted LSP client for the tests of `jxc lsp`.

Speaks JSON-RPC 2.0 with LSP's Content-Length framing over the server's
standard input and output, using nothing but Python's standard library.
Replies are matched to requests by id; notifications (publishDiagnostics)
are collected on the side, so the tests do not depend on when the server
chooses to publish.
"""
import json
import os
import select
import subprocess
import time


class Server:
    def __init__(self, jxc, args=("lsp",), env=None):
        self.proc = subprocess.Popen(
            [jxc, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, env=env)
        self.buf = bytearray()
        self.next_id = 1
        self.notes = []      # notifications, in order of arrival
        self.replies = {}    # id -> reply

    # ---- writing
    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, msg):
        body = json.dumps(msg, ensure_ascii=False).encode("utf-8")
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params=None):
        m = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            m["params"] = params
        self.send(m)

    def request_async(self, method, params=None):
        i = self.next_id
        self.next_id += 1
        m = {"jsonrpc": "2.0", "id": i, "method": method}
        if params is not None:
            m["params"] = params
        self.send(m)
        return i

    def request(self, method, params=None, timeout=30):
        return self.wait_reply(self.request_async(method, params), timeout)

    # ---- reading
    def _read_one(self, deadline):
        # A reply can be tens of megabytes (the outline of a 10 MB
        # document): look for the header once, then read the body in
        # large pieces, so reading stays linear in its size.
        need = None  # (start, length) once the header is read
        while True:
            if need is None:
                head_end = self.buf.find(b"\r\n\r\n")
                if head_end >= 0:
                    head = bytes(self.buf[:head_end]).decode("ascii")
                    length = None
                    for line in head.split("\r\n"):
                        k, _, v = line.partition(":")
                        if k.strip().lower() == "content-length":
                            length = int(v.strip())
                    assert length is not None, \
                        "no Content-Length in " + repr(head)
                    need = (head_end + 4, length)
            if need is not None:
                start, length = need
                if len(self.buf) - start >= length:
                    body = bytes(self.buf[start:start + length])
                    del self.buf[:start + length]
                    return json.loads(body.decode("utf-8"))
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no message from jxc lsp")
            r, _, _ = select.select([self.proc.stdout], [], [], left)
            if not r:
                continue
            want = 1 << 16
            if need is not None:
                want = max(want, need[0] + need[1] - len(self.buf))
            chunk = os.read(self.proc.stdout.fileno(), want)
            if not chunk:
                return None  # the server closed its output
            self.buf += chunk

    def pump(self, deadline):
        m = self._read_one(deadline)
        if m is None:
            return False
        if "id" in m and "method" not in m:
            self.replies[m["id"]] = m
        else:
            self.notes.append(m)
        return True

    def wait_reply(self, i, timeout=30):
        deadline = time.monotonic() + timeout
        while i not in self.replies:
            if not self.pump(deadline):
                raise EOFError("jxc lsp ended before replying to %r" % i)
        return self.replies.pop(i)

    def wait_diagnostics(self, uri, version=None, timeout=30):
        """The first publishDiagnostics for uri (and version) not yet seen."""
        deadline = time.monotonic() + timeout
        while True:
            for k, n in enumerate(self.notes):
                p = n.get("params", {})
                if (n.get("method") == "textDocument/publishDiagnostics"
                        and p.get("uri") == uri
                        and (version is None or p.get("version") == version)):
                    del self.notes[k]
                    return p
            if not self.pump(deadline):
                raise EOFError("jxc lsp ended before publishing diagnostics")

    def close(self, timeout=30):
        """Closes the server's input and returns its exit status."""
        try:
            self.proc.stdin.close()
        except BrokenPipeError:
            pass
        try:
            rc = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise
        self.stderr = self.proc.stderr.read().decode("utf-8", "replace")
        self.proc.stdout.close()
        self.proc.stderr.close()
        return rc
