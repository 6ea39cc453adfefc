#!/usr/bin/env python3
"""Makes the compare fixtures: three municipal variants of source/modelovereenkomst.md with planted
edits (listed in PLANTED below and asserted by the tests), and DOCX and PDF of the standard and of
every variant. The outputs are committed, so the tests need no converter.

    Tests/TenderCompareTests/Fixtures/make-fixtures.py      (needs pandoc and LibreOffice:
                                                             apt-get install pandoc libreoffice-writer-nogui)
"""
import os, re, shutil, subprocess, sys, tempfile, textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "source")
STANDARD = open(os.path.join(SRC, "modelovereenkomst.md"), encoding="utf-8").read()


def replace_once(text, old, new):
    assert text.count(old) == 1, f"not exactly once: {old!r}"
    return text.replace(old, new)


def fill(text, name, date="1 januari 2027", year="2027", count="3"):
    return (text.replace("[naam gemeente]", name).replace("[datum]", date)
            .replace("[jaar]", year).replace("[aantal]", count))


def reflow(text, width=58):
    """Wraps every body paragraph onto several lines (Markdown soft breaks: the same paragraph)."""
    out = []
    for para in text.split("\n\n"):
        if para.startswith("#"):
            out.append(para)
        else:
            out.append("\n".join(textwrap.wrap(para, width, break_on_hyphens=False)))
    return "\n\n".join(out)


def move_article(text, number, after):
    """Moves `### Artikel number` (with its clauses) to after `### Artikel after`, then renumbers."""
    parts = re.split(r"(?m)^(?=### Artikel |## Hoofdstuk )", text)
    block = next(p for p in parts if p.startswith(f"### Artikel {number} "))
    parts.remove(block)
    i = next(i for i, p in enumerate(parts) if p.startswith(f"### Artikel {after} "))
    parts.insert(i + 1, block)
    return renumber("".join(parts))


def renumber(text):
    """Numbers the articles 1, 2, 3 … in order, and their clauses N.1, N.2 … after them."""
    lines = text.split("\n")
    article = 0
    old = None
    for i, line in enumerate(lines):
        m = re.match(r"### Artikel (\d+) (.*)", line)
        if m:
            article += 1
            old = m.group(1)
            lines[i] = f"### Artikel {article} {m.group(2)}"
            continue
        m = re.match(r"(\d+)\.(\d+) (.*)", line)
        if m and m.group(1) == old:
            lines[i] = f"{article}.{m.group(2)} {m.group(3)}"
    return "\n".join(lines)


def zuidhoven(t):
    t = fill(t, "de gemeente Zuidhoven")
    # Planted: changed number (18.1), added reporting demand (27.2), removed client stop (7.3).
    t = replace_once(t, "binnen 30 dagen na ontvangst", "binnen 60 dagen na ontvangst")
    t = replace_once(t, "zij vraagt de Aanbieder geen aparte rapportage.\n",
                     "zij vraagt de Aanbieder geen aparte rapportage.\n\n27.2 De Aanbieder levert ieder kwartaal een "
                     "rapportage aan de Gemeente met het aantal Cliënten, de wachttijden en de behaalde resultaten per Cliënt.\n")
    t = re.sub(r"\n7\.3 Bereikt de Aanbieder.*\n", "\n", t)
    # Harmless: retyped quotes and dashes, then every paragraph reflowed.
    t = replace_once(t, "de AMvB reële prijs", "de AMvB ‘reële prijs’")
    t = replace_once(t, "start- en stopberichten", "start‑ en stopberichten")
    return reflow(t)


def veldmeer(t):
    t = fill(t, "Veldmeer")
    # Planted: changed number (4.1), removed protection (23.1), added article (VOG copies, new Artikel 13).
    t = replace_once(t, "een looptijd van 4 jaar", "een looptijd van 2 jaar")
    t = re.sub(r"\n23\.1 De Gemeente vraagt de Aanbieder geen gegevens.*\n", "\n", t)
    t = re.sub(r"(?m)^23\.2 ", "23.1 ", t)
    t = replace_once(t, "### Artikel 13 Meldcode", "### Artikel 99 Verklaring omtrent het gedrag\n\n"
                     "99.1 De Aanbieder overlegt bij de start van de overeenkomst van al zijn medewerkers een kopie van "
                     "de verklaring omtrent het gedrag, die niet ouder is dan 3 maanden.\n\n### Artikel 13 Meldcode")
    t = renumber(t)
    # Harmless: an article moved (Bewaartermijnen before Privacy; renumbers both), doubled spaces.
    t = move_article(t, 26, 24)
    t = t.replace("De Aanbieder werkt samen met de huisarts,", "De  Aanbieder werkt  samen met de huisarts,")
    return t


def oosterlanden(t):
    t = fill(t, "Oosterlanden")
    # Planted: changed accounting (26.1), added certificate demand (12.3), removed notice of control (28.2).
    t = replace_once(t, "één keer per jaar met het landelijk accountantsprotocol en de landelijke modellen.",
                     "één keer per jaar met het eigen controleprotocol van de gemeente Oosterlanden en een eigen format.")
    t = replace_once(t, "de Gemeente vraagt geen afschriften.\n",
                     "de Gemeente vraagt geen afschriften.\n\n12.3 De Aanbieder beschikt bij de start van de overeenkomst "
                     "over een HKZ-certificaat of een ISO 9001-certificaat.\n")
    t = re.sub(r"\n28\.2 De Gemeente kondigt.*\n", "\n", t)
    # Harmless: retyped text (no diaeresis, "één" without accents, a percent sign spaced, curly quotes).
    t = t.replace("Cliënt", "Client").replace("cliënt", "client")
    t = t.replace("één keer per jaar", "een keer per jaar")
    t = replace_once(t, "ten hoogste 5% van de jaaromzet", "ten hoogste 5 % van de jaaromzet")
    t = replace_once(t, "aangehaald als Overeenkomst jeugdhulp en Wmo 2027", "aangehaald als “Overeenkomst jeugdhulp en Wmo 2027”")
    return t


VARIANTS = {"gemeente-zuidhoven": zuidhoven, "gemeente-veldmeer": veldmeer, "gemeente-oosterlanden": oosterlanden}


def main():
    for tool in ("pandoc", "soffice"):
        if not shutil.which(tool):
            sys.exit(f"make-fixtures: {tool} not found (apt-get install pandoc libreoffice-writer-nogui)")
    docs = {"modelovereenkomst": STANDARD}
    for name, edit in VARIANTS.items():
        docs[name] = edit(STANDARD)
        with open(os.path.join(SRC, name + ".md"), "w", encoding="utf-8") as f:
            f.write(docs[name])
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")
    with tempfile.TemporaryDirectory() as work:
        profile = "file://" + os.path.join(work, "profile")
        for name in docs:
            md = os.path.join(SRC, name + ".md")
            subprocess.run(["pandoc", md, "-o", os.path.join(HERE, name + ".docx")], check=True, env=env)
            odt = os.path.join(work, name + ".odt")
            subprocess.run(["pandoc", md, "-o", odt], check=True, env=env)
            subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                            "--outdir", HERE, odt], check=True, env=env, stdout=subprocess.DEVNULL)


if __name__ == "__main__":
    main()
