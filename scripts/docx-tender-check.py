#!/usr/bin/env python3
"""The acceptance check of issue #12 on a Word document: a tender annex as a new user has it.

Builds a DOCX with python-docx from a labelled block list (default
samples/evaluation/docx-tender.yml, written blind: headings, paragraphs, numbered list items
under a lead-in, a table of reports, questions and answers, passive rules), lints it with
tenderlint's JSON report and checks, per block, that every labelled burden topic is found once at
that block (its paragraph, list item, table row or answer) and that lawful blocks stay silent.

    scripts/docx-tender-check.py [--bin .build/debug/tenderlint] [--data FILE] [--keep DIR]

Prints one line per block with a finding or a label, then the totals; exit 0 when every burden is
found once at its block and nothing else is found, 1 otherwise, 2 on a usage or tool error.
Needs python-docx and PyYAML.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import docx
import yaml


def build(data, path):
    """Writes the DOCX; returns per block its paragraph numbers as Word counts them (non-empty
    paragraphs in reading order, table cells included), one list per table row for tables."""
    document = docx.Document()
    document.core_properties.title = data.get("title", "")
    spans = []
    n = 0
    for block in data["blocks"]:
        kind = block["kind"]
        if kind == "heading":
            document.add_heading(block["text"], level=block.get("level", 1))
        elif kind == "paragraph":
            document.add_paragraph(block["text"])
        elif kind == "list-item":
            level = block.get("level", 1)
            document.add_paragraph(block["text"], style="List Number" if level == 1 else "List Number 2")
        elif kind == "table":
            rows = [block["header"]] + block["rows"]
            table = document.add_table(rows=len(rows), cols=len(block["header"]))
            row_spans = []
            for r, row in enumerate(rows):
                cells = []
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
                    if text.strip():
                        n += 1
                        cells.append(n)
                row_spans.append(cells)
            spans.append(row_spans)
            continue
        else:
            raise SystemExit(f"{kind}: unknown block kind")
        n += 1
        spans.append([[n]])
    document.save(path)
    return spans


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default=".build/debug/tenderlint")
    parser.add_argument("--data", default="samples/evaluation/docx-tender.yml")
    parser.add_argument("--keep", help="folder to keep the DOCX and the JSON report in")
    args = parser.parse_args()
    with open(args.data, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    folder = args.keep or tempfile.mkdtemp(prefix="docx-tender-")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "bijlage.docx")
    spans = build(data, path)
    run = subprocess.run([args.bin, "lint", path, "--format", "json", "--domain", data.get("domain", "jeugd"),
                          "--fail-on", "never"], capture_output=True, text=True)
    if run.returncode != 0:
        print(f"{args.bin}: exit {run.returncode}: {run.stderr.strip()}", file=sys.stderr)
        return 2
    report = json.loads(run.stdout)
    if args.keep:
        with open(os.path.join(folder, "report.json"), "w", encoding="utf-8") as f:
            f.write(run.stdout)
    topics = {rule: info["topic"] for rule, info in report["rules"].items()}
    findings = [f for f in report["documents"][0]["findings"] if not f.get("suppression")]

    # Expected (unit, topic) pairs: a unit is a paragraph block or a table row.
    units = []  # (label, paragraphs, topics)
    for block, span in zip(data["blocks"], spans):
        if block["kind"] == "table":
            for r, row_topics in enumerate(block.get("row_topics", [])):
                units.append((f"table row {r + 1}: {' | '.join(block['rows'][r])}", span[r + 1], set(row_topics)))
        else:
            units.append((f"{block['kind']}: {block['text']}", span[0], set(block.get("topics", []))))
    found = {}  # unit index -> topic -> count
    stray = []
    for f in findings:
        line = f["start"].get("paragraph", f["start"].get("line"))
        unit = next((i for i, (_, paragraphs, _) in enumerate(units) if line in paragraphs), None)
        if unit is None:
            stray.append(f"{f['ruleId']} @ paragraph {line} (a table header row or outside any block)")
            continue
        counts = found.setdefault(unit, {})
        counts[topics[f["ruleId"]]] = counts.get(topics[f["ruleId"]], 0) + 1

    tp = fp = fn = twice = 0
    for i, (label, paragraphs, expected) in enumerate(units):
        got = found.get(i, {})
        if not expected and not got:
            continue
        marks = []
        for topic in sorted(expected | set(got)):
            count = got.get(topic, 0)
            if topic in expected and count:
                tp += 1
                if count > 1:
                    twice += 1
                    marks.append(f"{topic} found {count}x")
                else:
                    marks.append(f"{topic} found")
            elif topic in expected:
                fn += 1
                marks.append(f"{topic} MISSED")
            else:
                fp += 1
                marks.append(f"{topic} UNLABELLED")
        print(f"paragraph {paragraphs[0]:>3}  {label[:70]:<70}  {'; '.join(marks)}")
    for s in stray:
        fp += 1
        print(f"stray: {s}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"burdens found at their block: {tp} of {tp + fn}; found more than once: {twice}; "
          f"unlabelled findings: {fp}; precision {precision:.2f}, recall {recall:.2f}")
    return 0 if fn == 0 and fp == 0 and twice == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
