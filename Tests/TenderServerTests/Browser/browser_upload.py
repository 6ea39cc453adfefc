#!/usr/bin/env python3
"""End-to-end check of `tenderlint serve` in a real headless Chromium.

Drives the browser over the Chrome DevTools Protocol (standard library only: a minimal
WebSocket client is included) to do what a tender author does:

1. open the start page;
2. put a sample document in the file input (DOM.setFileInputFiles) and click "Controleren";
3. wait for the result page and check the <mark> highlights, the finding list with its panels
   folded, the model articles and that the copy buttons were switched on by the page's script;
   measure the page's height (1200 px wide; --max-height bounds it), open a finding, follow its
   link into the folded document and back, and switch the language (the same result in English);
4. upload a file tenderlint cannot read and check the friendly message;
5. open the start page again (the server keeps serving).

Screenshots of the start page, the result and the error go to --screenshots. Only the given
loopback server is contacted; every wait is bounded. Exit code 0 when every check passes.
"""

import argparse
import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request

WAIT_SECONDS = 60


class WebSocket:
    """Just enough of RFC 6455 for a DevTools session: masked text frames out, frames in."""

    def __init__(self, url, timeout=WAIT_SECONDS):
        assert url.startswith("ws://"), url
        rest = url[len("ws://"):]
        hostport, _, path = rest.partition("/")
        host, _, port = hostport.rpartition(":")
        if host not in ("127.0.0.1", "localhost", "[::1]"):
            raise RuntimeError("DevTools must be on loopback, got " + host)
        self.sock = socket.create_connection((host.strip("[]"), int(port)), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (f"GET /{path} HTTP/1.1\r\nHost: {hostport}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
        self.sock.sendall(request.encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise RuntimeError("DevTools closed the connection during the handshake")
            head += chunk
        head, _, self.buffer = head.partition(b"\r\n\r\n")
        if b" 101 " not in head.split(b"\r\n", 1)[0]:
            raise RuntimeError("WebSocket handshake refused: " + head.decode(errors="replace"))

    def send(self, text):
        payload = text.encode()
        header = bytearray([0x81])
        n = len(payload)
        if n < 126:
            header.append(0x80 | n)
        elif n < 1 << 16:
            header.append(0x80 | 126)
            header += struct.pack(">H", n)
        else:
            header.append(0x80 | 127)
            header += struct.pack(">Q", n)
        mask = os.urandom(4)
        header += mask
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(bytes(header) + masked)

    def _read(self, n):
        while len(self.buffer) < n:
            chunk = self.sock.recv(1 << 16)
            if not chunk:
                raise RuntimeError("DevTools closed the connection")
            self.buffer += chunk
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def receive(self):
        message = b""
        while True:
            b0, b1 = self._read(2)
            opcode, n = b0 & 0x0F, b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._read(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._read(8))[0]
            mask = self._read(4) if b1 & 0x80 else None
            payload = self._read(n)
            if mask:
                payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
            if opcode == 0x8:
                raise RuntimeError("DevTools closed the WebSocket")
            if opcode == 0x9:  # ping: answer with pong (masked, as a client must)
                self.sock.sendall(bytes([0x8A, 0x80 | len(payload)]) + b"\0\0\0\0" + payload)
                continue
            if opcode in (0x1, 0x2, 0x0):
                message += payload
                if b0 & 0x80:
                    return message.decode()


class DevTools:
    def __init__(self, ws):
        self.ws = ws
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        my_id = self.next_id
        self.ws.send(json.dumps({"id": my_id, "method": method, "params": params}))
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            message = json.loads(self.ws.receive())
            if message.get("id") == my_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
        raise RuntimeError(f"{method}: no answer within {WAIT_SECONDS} s")

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression, what):
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            try:
                if self.evaluate(expression):
                    return
            except RuntimeError:
                pass  # the page is navigating; its context comes back
            time.sleep(0.2)
        raise RuntimeError(f"waited {WAIT_SECONDS} s for {what}")

    def screenshot(self, path):
        height = self.evaluate("Math.min(document.documentElement.scrollHeight, 4000)") or 900
        self.call("Emulation.setDeviceMetricsOverride", width=1200, height=int(height), deviceScaleFactor=1, mobile=False)
        data = self.call("Page.captureScreenshot", format="png")["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))
        self.call("Emulation.clearDeviceMetricsOverride")


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    raise SystemExit("chromium is not installed: run scripts/install-deps.sh (Debian package 'chromium')")


def upload(devtools, base_url, file_path):
    """Opens the start page, sets the file input to `file_path` and clicks the submit button."""
    devtools.call("Page.navigate", url=base_url + "/")
    devtools.wait_for("document.readyState === 'complete' && location.pathname === '/' && !!document.querySelector('form.upload')",
                      "the start page")
    document = devtools.call("DOM.getDocument", depth=1)
    node = devtools.call("DOM.querySelector", nodeId=document["root"]["nodeId"], selector="input[type=file]#bestand")["nodeId"]
    if not node:
        raise RuntimeError("no file input on the start page")
    devtools.call("DOM.setFileInputFiles", files=[file_path], nodeId=node)
    chosen = devtools.evaluate("document.getElementById('bestand').files.length")
    if chosen != 1:
        raise RuntimeError("the file input did not take the file")
    devtools.evaluate("window.__leftStart = true; document.querySelector('form.upload button[type=submit]').click(); true")
    devtools.wait_for("location.pathname === '/lint' && document.readyState === 'complete' && !window.__leftStart",
                      "the answer to the upload")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True, help="the server, e.g. http://localhost:8080")
    parser.add_argument("--sample", required=True, help="document to upload (absolute path)")
    parser.add_argument("--screenshots", required=True, help="folder for the PNG screenshots")
    parser.add_argument("--max-height", type=int, default=0, help="fail when the result page is taller (px, at 1200 px wide)")
    args = parser.parse_args()
    host = args.url.split("//", 1)[1].split(":")[0].strip("[]")
    if host not in ("localhost", "127.0.0.1", "::1"):
        raise SystemExit("only a loopback server may be tested")
    os.makedirs(args.screenshots, exist_ok=True)

    profile = tempfile.mkdtemp(prefix="tenderlint-chromium-")
    unreadable = os.path.join(profile, "oud-concept.doc")
    with open(unreadable, "wb") as f:
        f.write(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(1024))

    browser = subprocess.Popen(
        [find_chromium(), "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
         "--disable-extensions", "--disable-background-networking", "--disable-sync", "--disable-component-update",
         "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    failures = []
    try:
        port_file = os.path.join(profile, "DevToolsActivePort")
        deadline = time.monotonic() + WAIT_SECONDS
        while not (os.path.exists(port_file) and open(port_file).read().count("\n") >= 1):
            if time.monotonic() > deadline or browser.poll() is not None:
                raise RuntimeError("chromium did not open its DevTools port")
            time.sleep(0.1)
        devtools_port = int(open(port_file).read().split("\n")[0])
        with urllib.request.urlopen(f"http://127.0.0.1:{devtools_port}/json/list", timeout=10) as response:
            targets = json.load(response)
        page = next(t for t in targets if t.get("type") == "page")
        devtools = DevTools(WebSocket(page["webSocketDebuggerUrl"]))
        devtools.call("Page.enable")
        devtools.call("DOM.enable")
        devtools.call("Runtime.enable")

        # 1. The start page.
        devtools.call("Page.navigate", url=args.url + "/")
        devtools.wait_for("document.readyState === 'complete' && !!document.querySelector('form.upload')", "the start page")
        if devtools.evaluate("document.documentElement.lang") != "nl":
            failures.append("the start page is not Dutch")
        devtools.screenshot(os.path.join(args.screenshots, "1-start.png"))

        # 2-3. Upload the sample through the form and read the result.
        upload(devtools, args.url, os.path.abspath(args.sample))
        html = devtools.evaluate("document.documentElement.outerHTML")
        marks = devtools.evaluate("document.querySelectorAll('main mark').length")
        panels = devtools.evaluate("document.querySelectorAll('ol.findings > li > details.finding').length")
        models = devtools.evaluate("document.querySelectorAll('details.finding blockquote.model-text').length")
        opened = devtools.evaluate("document.querySelectorAll('main details[open]').length")
        copy_buttons = devtools.evaluate("document.querySelectorAll('button.copy:not([hidden])').length")
        linked = devtools.evaluate("Array.from(document.querySelectorAll('a.ref')).every(a => !!document.getElementById(a.getAttribute('href').slice(1)))")
        title = devtools.evaluate("document.querySelector('h1').textContent")
        print(f"result page: {title!r}: {marks} marks, {panels} finding panels, {models} model articles, {copy_buttons} copy buttons")
        devtools.call("Emulation.setDeviceMetricsOverride", width=1200, height=1000, deviceScaleFactor=1, mobile=False)
        height = devtools.evaluate("document.documentElement.scrollHeight")
        devtools.call("Emulation.clearDeviceMetricsOverride")
        print(f"result page height: {height} px at 1200 px wide ({os.path.basename(args.sample)})")
        if args.max_height and height > args.max_height:
            failures.append(f"the result page is {height} px tall, more than {args.max_height}")
        if not marks:
            failures.append("no <mark> highlights on the result page")
        if not panels:
            failures.append("no finding panels in the list on the result page")
        if opened:
            failures.append(f"{opened} folded parts of the result page are open before the reader opens them")
        refs = devtools.evaluate("document.querySelectorAll('main a.ref').length")
        if panels and panels != refs:
            failures.append(f"{panels} findings in the list but {refs} finding links in the text")
        if not models:
            failures.append("no model article in the finding panels")
        if not copy_buttons:
            failures.append("the script did not switch on the copy buttons")
        if not linked:
            failures.append("a highlight links to a missing panel")
        if "Samenvatting" not in html:
            failures.append("no summary on the result page")
        if os.path.basename(args.sample) not in (title or ""):
            failures.append("the result page does not name the uploaded file")
        devtools.screenshot(os.path.join(args.screenshots, "2-result.png"))
        # The first finding opened, as a reader clicks its line in the list.
        devtools.call("Emulation.setDeviceMetricsOverride", width=1200, height=1000, deviceScaleFactor=1, mobile=False)
        devtools.evaluate("document.querySelector('details.finding > summary').click(); true")
        devtools.wait_for("document.querySelector('details.finding').open", "the first finding to open")
        if not devtools.evaluate("document.querySelector('details.finding .message').getBoundingClientRect().height > 0"):
            failures.append("the opened finding shows no explanation")
        shot = devtools.call("Page.captureScreenshot", format="png")["data"]
        with open(os.path.join(args.screenshots, "2b-first-finding.png"), "wb") as f:
            f.write(base64.b64decode(shot))
        # Its link into the text opens the folded document at the mark, and the mark's link back
        # opens the finding (the browser opens a closed <details> it navigates into).
        devtools.evaluate("document.querySelector('details.finding a[href^=\"#m-\"]').click(); true")
        devtools.wait_for("location.hash.startsWith('#m-') && document.querySelector('details.document-view').open", "the jump into the text")
        if not devtools.evaluate("document.getElementById(location.hash.slice(1)).offsetParent !== null"):
            failures.append("the mark is not visible after the jump into the text")
        devtools.evaluate("document.querySelectorAll('details.finding').forEach(d => d.open = false); true")
        devtools.evaluate("Array.from(document.querySelectorAll('a.ref')).pop().click(); true")
        devtools.wait_for("location.hash.startsWith('#f-') && document.getElementById(location.hash.slice(1)).open", "the jump from a mark to its finding")
        devtools.call("Emulation.clearDeviceMetricsOverride")

        # The language link keeps the result: the same findings, in English.
        result_path = devtools.evaluate("(document.querySelector('form.filters') || {}).getAttribute ? document.querySelector('form.filters').getAttribute('action') : ''")
        devtools.evaluate("window.__leftDutch = true; document.querySelector('header.page a[hreflang=en]').click(); true")
        devtools.wait_for("document.readyState === 'complete' && !window.__leftDutch && document.documentElement.lang === 'en'", "the English result")
        english_path = devtools.evaluate("location.pathname")
        english_panels = devtools.evaluate("document.querySelectorAll('ol.findings > li > details.finding').length")
        english_title = devtools.evaluate("document.querySelector('h1').textContent")
        print(f"after the language switch: {english_path}: {english_title!r}, {english_panels} findings")
        if not result_path or english_path != result_path:
            failures.append(f"the language switch went to {english_path}, not to the result {result_path}")
        if english_panels != panels or not (english_title or "").startswith("Result"):
            failures.append("the English page does not show the same result")
        if "Summary" not in devtools.evaluate("document.documentElement.outerHTML"):
            failures.append("the English result has no English summary")

        # 4. A file tenderlint cannot read.
        upload(devtools, args.url, unreadable)
        alert = devtools.evaluate("(document.querySelector('[role=alert]') || {}).textContent || ''")
        print(f"error page: {alert!r}")
        if "oud-concept.doc: niet ondersteund formaat" not in alert:
            failures.append("no friendly message for an unreadable file")
        if profile in alert:
            failures.append("the message shows a path on this machine")
        devtools.screenshot(os.path.join(args.screenshots, "3-unreadable.png"))

        # 5. The server keeps serving.
        devtools.call("Page.navigate", url=args.url + "/")
        devtools.wait_for("document.readyState === 'complete' && !!document.querySelector('form.upload')", "the start page after an error")
    except Exception as error:  # report every failure as a failed check, never as a pass
        failures.append(f"{type(error).__name__}: {error}")
    finally:
        browser.terminate()
        try:
            browser.wait(timeout=10)
        except subprocess.TimeoutExpired:
            browser.kill()
            browser.wait(timeout=10)
        shutil.rmtree(profile, ignore_errors=True)

    for failure in failures:
        print("FAILED: " + failure)
    print("browser check passed" if not failures else "browser check failed")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
