#!/usr/bin/python3
"""End to end: drives `crosscheck lsp` over stdio through a whole editor session.

    lsp_session.py CROSSCHECK_BINARY FACT_BASE_FOLDER

The fact base (a copy of tests/cases/census-population-conflict/facts is what ctest passes)
is copied to a scratch folder; the session opens one of its files, waits for the findings
on the lines of the facts involved, hovers over a value, takes the code action's accept
snippet, applies it, fixes the number, and shuts the server down. Malformed input and
unknown methods come first: the server must answer them and carry on. Expected lines and
values are read from the fact files, not written here.
"""
import json
import os
import queue
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time

TIMEOUT = 30  # seconds to wait for any one expected message
VERBOSE = os.environ.get("LSP_TEST_VERBOSE") == "1"  # print what the server says


class Client:
    def __init__(self, binary):
        self.proc = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.messages = queue.Queue()
        self.latest = {}  # URI → the diagnostics last published for it (since the last change)
        self.next_id = 1
        threading.Thread(target=self._read, daemon=True).start()
        self.stderr = []
        threading.Thread(target=self._read_stderr, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.decode("ascii").rstrip("\r\n")
                if not line:
                    break
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            body = out.read(int(headers["content-length"]))
            self.messages.put(json.loads(body))

    def _read_stderr(self):
        for line in self.proc.stderr:
            self.stderr.append(line.decode("utf-8", "replace"))

    def raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message):
        body = json.dumps(message).encode("utf-8")
        self.raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params):
        if method == "textDocument/didChange":
            self.latest = {}
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        return rid

    def wait(self, accept, what):
        """The first message `accept` takes (others are kept in `seen`)."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                fail(f"timed out waiting for {what}")
            try:
                message = self.messages.get(timeout=left)
            except queue.Empty:
                fail(f"timed out waiting for {what}")
            if message is None:
                fail(f"the server closed its output while waiting for {what}")
            if message.get("method") == "textDocument/publishDiagnostics":
                self.latest[message["params"]["uri"]] = message["params"]["diagnostics"]
            if accept(message):
                return message

    def response(self, rid):
        return self.wait(lambda m: m.get("id") == rid and "method" not in m, f"the response to {rid}")

    def diagnostics(self, uri, accept=lambda d: True, what="diagnostics"):
        if uri in self.latest and accept(self.latest[uri]):
            return self.latest[uri]
        def take(m):
            return (m.get("method") == "textDocument/publishDiagnostics"
                    and m["params"]["uri"] == uri and accept(m["params"]["diagnostics"]))
        return self.wait(take, f"{what} for {uri}")["params"]["diagnostics"]


def fail(message):
    print("FAIL:", message, file=sys.stderr)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


def uri_of(path):
    return "file://" + path  # the scratch paths hold no character a URI must escape


def line_of(text, needle):
    """The 0-based line holding `needle` (exactly one must)."""
    lines = [i for i, line in enumerate(text.split("\n")) if needle in line]
    check(len(lines) == 1, f"{needle!r} is on {len(lines)} lines of the fixture")
    return lines[0]


def apply_edit(text, edit):
    lines = text.split("\n")
    start, end = edit["range"]["start"], edit["range"]["end"]
    check(start == end, "the accept is an insertion")
    offset = sum(len(line) + 1 for line in lines[:start["line"]]) + start["character"]
    return text[:offset] + edit["newText"] + text[offset:]


def main():
    binary, fixture = sys.argv[1], sys.argv[2]
    scratch = tempfile.mkdtemp(prefix="crosscheck-lsp-")
    try:
        run(binary, fixture, scratch)
        garbage(binary)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def garbage(binary):
    """Bytes that are no protocol at all, then the end of input: the server logs, never
    crashes or hangs, and ends with status 1 (no shutdown came)."""
    rng = random.Random(14)
    data = bytes(rng.randrange(256) for _ in range(1 << 16))
    data += b"Content-Length: 99999999999999999999\r\n\r\n"  # too long to be a size
    data += b"Content-Length: 40\r\n\r\n{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\""
    try:
        done = subprocess.run([binary, "lsp"], input=data, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        fail("the server hangs on garbage")
    check(done.returncode == 1, f"garbage then the end of input: status {done.returncode}")
    check(b"crosscheck lsp:" in done.stderr, "the garbage is logged")
    print("garbage: logged, status 1")


def value_line(text):
    return next(i for i, line in enumerate(text.split("\n")) if line.strip().startswith("value:"))


def run(binary, fixture, scratch):
    base = os.path.join(scratch, "facts")
    shutil.copytree(fixture, base)
    # The file with the odd number out, and the one it contradicts: the fact files whose
    # values are 2.38 million and 2,417,306 in the census-population-conflict case.
    paper = os.path.join(base, "valley-times.yaml")
    office = os.path.join(base, "census-office.yaml")
    paper_text = open(paper, encoding="utf-8").read()
    office_text = open(office, encoding="utf-8").read()
    paper_uri, office_uri = uri_of(paper), uri_of(office)
    paper_value = value_line(paper_text)
    office_value = value_line(office_text)

    client = Client(binary)

    # Before initialize, a request is refused; malformed input is answered, never fatal.
    rid = client.request("textDocument/hover", {})
    check(client.response(rid)["error"]["code"] == -32002, "a request before initialize")
    client.raw(b"Content-Length: 9\r\n\r\n{not json")
    r = client.wait(lambda m: "error" in m and m.get("id") is None, "the parse error")
    check(r["error"]["code"] == -32700, f"not JSON gets a parse error: {r}")
    client.raw(b"X-Nonsense: 1\r\n\r\n")  # a header without Content-Length: logged, dropped
    client.send([1, 2, 3])
    r = client.wait(lambda m: "error" in m and m.get("id") is None, "the invalid request")
    check(r["error"]["code"] == -32600, f"an array is an invalid request: {r}")

    rid = client.request("initialize", {"processId": os.getpid(), "rootUri": uri_of(scratch),
                                        "capabilities": {}})
    caps = client.response(rid)["result"]["capabilities"]
    check(caps.get("hoverProvider") is True, f"hoverProvider: {caps}")
    check("codeActionProvider" in caps, f"codeActionProvider: {caps}")
    check(caps["textDocumentSync"]["change"] == 1, f"full text sync: {caps}")
    client.notify("initialized", {})
    client.notify("workspace/didChangeConfiguration", {"settings": {}})  # ignored
    rid = client.request("workspace/noSuchThing", {})
    check(client.response(rid)["error"]["code"] == -32601, "an unknown method")
    rid = client.request("textDocument/hover", {"textDocument": 7})
    check(client.response(rid)["error"]["code"] == -32602, "params of the wrong type")

    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": paper_uri, "languageId": "yaml", "version": 1, "text": paper_text}})
    has_conflict = lambda ds: any(d.get("code") == "conflict" for d in ds)
    ds = client.diagnostics(paper_uri, has_conflict, "the conflict")
    conflict = next(d for d in ds if d["code"] == "conflict")
    check(conflict["range"]["start"]["line"] == paper_value,
          f"the finding is on the value's line {paper_value}: {conflict['range']}")
    check(conflict["severity"] == 1, f"an error: {conflict}")
    check(conflict["source"] == "crosscheck", "the source")
    check("2,417,306" in conflict["message"] and "2.38 million" in conflict["message"],
          f"the message and its steps name both values: {conflict['message']}")
    related = conflict.get("relatedInformation", [])
    check(any(r["location"]["uri"] == office_uri and
              r["location"]["range"]["start"]["line"] == office_value for r in related),
          f"the other fact is related information: {related}")
    ds = client.diagnostics(office_uri, has_conflict, "the conflict in the other file")
    other = next(d for d in ds if d["code"] == "conflict")
    check(other["range"]["start"]["line"] == office_value,
          f"the other fact's value line {office_value}: {other['range']}")
    check(other["data"]["finding"] == conflict["data"]["finding"], "one finding, two places")
    print("diagnostics:", conflict["data"]["finding"], "on lines", paper_value, office_value)
    if VERBOSE:
        print(json.dumps(conflict, indent=1))

    # Hover over the value: its interval and what the rest implies.
    column = paper_text.split("\n")[paper_value].index("2.38")
    rid = client.request("textDocument/hover", {"textDocument": {"uri": paper_uri},
                                                "position": {"line": paper_value,
                                                             "character": column + 1}})
    hover = client.response(rid)["result"]
    check(hover is not None, "a hover on the value")
    text = hover["contents"]["value"]
    for expected in ("2,375,000", "2,385,000", "everything else together", "2,417,306",
                     "census-office-2022-06-28/highfold"):
        check(expected in text, f"the hover shows {expected!r}: {text}")
    # The fenced part is what `crosscheck explain REF` prints after its first line: one printer.
    ref = text.split("**")[1]
    fence = text[text.index("```text\n") + len("```text\n"):text.rindex("```")]
    explained = subprocess.run([binary, "explain", base, ref], capture_output=True, text=True,
                               timeout=TIMEOUT)
    check(explained.returncode == 0, f"explain {ref}: {explained.stderr}")
    check(explained.stdout.split("\n", 1)[1] == fence,
          f"the hover shows what explain prints:\n{fence}\n---\n{explained.stdout}")
    rid = client.request("textDocument/hover", {"textDocument": {"uri": paper_uri},
                                                "position": {"line": 0, "character": 0}})
    check(client.response(rid)["result"] is None, "no hover away from a value")
    print("hover:", text if VERBOSE else text.split("\n")[0])

    # The code action on the finding's diagnostic: the accept snippet, which accepts it.
    rid = client.request("textDocument/codeAction", {
        "textDocument": {"uri": paper_uri}, "range": conflict["range"],
        "context": {"diagnostics": [conflict]}})
    actions = client.response(rid)["result"]
    check(len(actions) == 1, f"one code action: {actions}")
    action = actions[0]
    check(action["kind"] == "quickfix" and action["diagnostics"] == [conflict], f"{action}")
    edits = action["edit"]["changes"][paper_uri]
    check(len(edits) == 1, f"one edit: {edits}")
    snippet = edits[0]["newText"]
    for expected in ("accept:", "- rule: conflict", "with: census-office-2022-06-28/highfold",
                     "reason:"):
        check(expected in snippet, f"the snippet holds {expected!r}: {snippet}")
    accepted_text = apply_edit(paper_text, edits[0])
    if VERBOSE:
        print(accepted_text)
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": paper_uri, "version": 2},
        "contentChanges": [{"text": accepted_text}]})
    accepted = lambda ds: any(d.get("code") == "conflict" and d["severity"] == 4 for d in ds)
    client.diagnostics(paper_uri, accepted, "the accepted finding (a hint)")
    print("code action: the snippet accepts the finding")

    # An input error shows before the check: a measure that is not in the vocabulary.
    typo_text = paper_text.replace("measure: residents", "measure: residnets")
    check(typo_text != paper_text, "the fixture names its measure")
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": paper_uri, "version": 3},
        "contentChanges": [{"text": typo_text}]})
    ds = client.diagnostics(paper_uri, lambda ds: any(d.get("code") == "unknown-measure"
                                                      for d in ds), "the input error")
    typo = next(d for d in ds if d["code"] == "unknown-measure")
    check(typo["range"]["start"]["line"] == line_of(typo_text, "residnets"),
          f"the input error's line: {typo}")
    check(not any(d.get("code") == "conflict" for d in ds), "no check with input errors")

    # The number fixed (in the quote too): every diagnostic goes.
    fixed_text = paper_text.replace("2.38 million", "2.42 million")
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": paper_uri, "version": 4},
        "contentChanges": [{"text": fixed_text}]})
    client.diagnostics(paper_uri, lambda ds: ds == [], "the cleared diagnostics")
    client.diagnostics(office_uri, lambda ds: ds == [], "the other file cleared")
    print("didChange: fixed, diagnostics cleared")

    rid = client.request("shutdown", None)
    check(client.response(rid).get("result", "missing") is None, "shutdown answers null")
    client.notify("exit", None)
    try:
        status = client.proc.wait(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        client.proc.kill()
        fail("the server did not exit")
    check(status == 0, f"exit after shutdown is status 0, not {status}")
    print("shutdown, exit: status 0")
    log = "".join(client.stderr)
    check("not JSON" in log and "Content-Length" in log, f"malformed input is logged: {log}")


if __name__ == "__main__":
    main()
