#!/usr/bin/env python3
"""Drives `tenderlint lsp` with pygls's language client (PyPI) as an editor would: open a
Markdown tender, wait for diagnostics, hover over one, apply the model-article quick fix, change
the text and see the diagnostic go (debounced), close.

Usage: lsp_client_check.py --binary PATH --rules DIR --folder DIR
Prints "lsp client check passed" and exits 0 when every check holds.
"""
import argparse
import asyncio
import os
import sys

from lsprotocol import types
from pygls.lsp.client import LanguageClient

BURDENSOME = """# Concept raamovereenkomst jeugdhulp

## Artikel 7 Personeel

7.1 De aanbieder levert bij de start een kopie van hun Verklaring Omtrent het Gedrag van alle medewerkers.

7.2 De gemeente betaalt binnen dertig dagen na ontvangst van de factuur.
"""


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def apply_edit(text, edit):
    lines = text.split("\n")
    def offset(pos):
        # LSP characters are UTF-16 code units; this text is in the BMP, so they are code points.
        return sum(len(l) + 1 for l in lines[:pos.line]) + pos.character
    start, end = offset(edit.range.start), offset(edit.range.end)
    return text[:start] + edit.new_text + text[end:]


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--rules", required=True)
    parser.add_argument("--folder", required=True)
    args = parser.parse_args()

    path = os.path.join(args.folder, "concept.md")
    with open(path, "w", encoding="utf-8") as f:
        f.write(BURDENSOME)
    uri = "file://" + path

    client = LanguageClient("lsp-client-check", "1")
    received = asyncio.Queue()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(ls, params):
        received.put_nowait(params)

    await client.start_io(args.binary, "lsp", "--rules", args.rules, "--debounce-ms", "200")
    result = await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities(),
                                                                  root_uri="file://" + args.folder))
    caps = result.capabilities
    if not caps.hover_provider or not caps.code_action_provider:
        fail("capabilities without hover or code actions: %r" % caps)
    client.initialized(types.InitializedParams())

    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=BURDENSOME)))
    published = await asyncio.wait_for(received.get(), 30)
    codes = sorted(d.code for d in published.diagnostics)
    print("diagnostics on open:", codes)
    vog = [d for d in published.diagnostics if d.code == "vog-afschriften-jeugd"]
    if not vog:
        fail("no vog-afschriften-jeugd diagnostic: %r" % codes)
    d = vog[0]
    line = BURDENSOME.split("\n")[d.range.start.line]
    flagged = line[d.range.start.character:d.range.end.character]
    if d.range.start.line != d.range.end.line or flagged != "kopie van hun Verklaring Omtrent het Gedrag":
        fail("diagnostic range covers %r" % flagged)
    if d.source != "tenderlint" or d.severity not in (types.DiagnosticSeverity.Error, types.DiagnosticSeverity.Warning):
        fail("diagnostic source/severity: %r" % d)

    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        position=types.Position(line=d.range.start.line, character=d.range.start.character + 3)))
    if hover is None:
        fail("no hover on the flagged words")
    value = hover.contents.value
    for expected in ("vog-afschriften-jeugd", "Grondslag", "4.1.6", "Modelartikel"):
        if expected not in value:
            fail("hover without %r: %s" % (expected, value[:400]))
    nothing = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=2)))
    if nothing is not None:
        fail("hover on a heading without findings: %r" % nothing)

    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=d.range,
        context=types.CodeActionContext(diagnostics=[d])))
    fixes = [a for a in actions or [] if isinstance(a, types.CodeAction) and a.edit and a.kind == types.CodeActionKind.QuickFix]
    if not fixes:
        fail("no quick fix: %r" % actions)
    fix = next((a for a in fixes if a.diagnostics and a.diagnostics[0].code == "vog-afschriften-jeugd"), None)
    if fix is None:
        fail("no quick fix for the vog diagnostic")
    edits = fix.edit.changes[uri]
    if len(edits) != 1 or edits[0].range != d.range:
        fail("quick fix edit: %r" % edits)
    if "artikel 4.1.6 van de Jeugdwet" not in edits[0].new_text:
        fail("quick fix text is not the model article: %r" % edits[0].new_text)
    fixed = apply_edit(BURDENSOME, edits[0])

    # The editor applies the edit and sends the new text; after the debounce the diagnostic is gone.
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)]))
    after = await asyncio.wait_for(received.get(), 30)
    if after.version not in (None, 2):
        fail("diagnostics for version %r" % after.version)
    codes_after = sorted(x.code for x in after.diagnostics)
    print("diagnostics after the fix:", codes_after)
    if "vog-afschriften-jeugd" in codes_after:
        fail("the fixed clause is still flagged")

    # Quick edits in a row: only the last version is linted and published.
    for version in (3, 4, 5):
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=BURDENSOME if version == 5 else fixed)]))
    last = await asyncio.wait_for(received.get(), 30)
    if last.version != 5 or "vog-afschriften-jeugd" not in [x.code for x in last.diagnostics]:
        fail("debounced edits: published version %r, %r" % (last.version, [x.code for x in last.diagnostics]))
    await asyncio.sleep(0.6)
    if not received.empty():
        fail("more than one publication for three quick edits")

    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    closed = await asyncio.wait_for(received.get(), 30)
    if closed.diagnostics:
        fail("diagnostics left after close")

    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    print("lsp client check passed")


if __name__ == "__main__":
    asyncio.run(main())
