#!/usr/bin/env python3
"""Points language-tool-python (PyPI, LanguageTool's own Python client) at a running
`tenderlint serve` and checks that it gets tenderlint's findings for a burdensome paragraph,
with offsets that land on the flagged words, and none for a clean one.

Usage: lt_client_check.py --url http://127.0.0.1:PORT
Prints "language-tool-python check passed" and exits 0 when every check holds.
"""
import argparse
import sys

import language_tool_python

BURDENSOME = (
    "\U0001F4DD 7.1 De aanbieder levert ieder kwartaal een overzicht van alle medewerkers "
    "met een kopie van hun Verklaring Omtrent het Gedrag."
)
CLEAN = "De gemeente betaalt binnen dertig dagen na ontvangst van de factuur."


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    args = parser.parse_args()

    tool = language_tool_python.LanguageTool("nl", remote_server=args.url)
    matches = tool.check(BURDENSOME)
    ids = sorted(m.rule_id for m in matches)
    print("rules:", ids)
    if "vog-afschriften-jeugd" not in ids:
        fail("no vog-afschriften-jeugd match: %r" % ids)
    for m in matches:
        flagged = BURDENSOME[m.offset:m.offset + m.error_length]
        print("  %s at %d+%d: %r" % (m.rule_id, m.offset, m.error_length, flagged))
        if not flagged.strip() or flagged != flagged.strip():
            fail("offset/length of %s does not land on words: %r" % (m.rule_id, flagged))
        # The context's offset counts UTF-16 code units, as LanguageTool's does (the client
        # converts only the match offset to Python's code points).
        context16 = m.context.encode("utf-16-le")
        in_context = context16[2 * m.offset_in_context:2 * (m.offset_in_context + len(flagged.encode("utf-16-le")) // 2)]
        if in_context.decode("utf-16-le") != flagged:
            fail("context of %s does not hold the match: %r" % (m.rule_id, m.context))
        if not m.message or not m.rule_issue_type or not m.category:
            fail("incomplete match %r" % m)
    vog = next(m for m in matches if m.rule_id == "vog-afschriften-jeugd")
    if BURDENSOME[vog.offset:vog.offset + vog.error_length] != "kopie van hun Verklaring Omtrent het Gedrag":
        fail("vog match at the wrong place: %r" % BURDENSOME[vog.offset:vog.offset + vog.error_length])
    if not vog.replacements or "artikel 4.1.6 van de Jeugdwet" not in vog.replacements[0]:
        fail("vog match without the model article as replacement: %r" % vog.replacements)
    # The client applies the first replacement: the model article takes the flagged words' place.
    corrected = tool.correct(BURDENSOME)
    if vog.replacements[0] not in corrected:
        fail("correct() did not put the model article in: %r" % corrected)

    clean = tool.check(CLEAN)
    if clean:
        fail("matches for a clean paragraph: %r" % [m.rule_id for m in clean])

    # Filters as the client sends them.
    tool.disabled_rules.add("vog-afschriften-jeugd")
    ids = sorted(m.rule_id for m in tool.check(BURDENSOME))
    if "vog-afschriften-jeugd" in ids:
        fail("disabledRules ignored: %r" % ids)
    tool.disabled_rules.clear()

    english = language_tool_python.LanguageTool("en-GB", remote_server=args.url)
    messages = [m.message for m in english.check(BURDENSOME)]
    if not messages or not any("certificate of conduct" in m.lower() for m in messages):
        fail("no English messages for en-GB: %r" % messages)
    tool.close()
    english.close()
    print("language-tool-python check passed")


if __name__ == "__main__":
    main()
