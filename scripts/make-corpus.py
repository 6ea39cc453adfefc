#!/usr/bin/env python3
"""Generates a deterministic corpus of realistic Dutch tender documents for benchmarks.

Documents are assembled from the clause mix of the bundled samples (samples/*.md: their articles
and numbered paragraphs) and the labelled evaluation clauses (samples/evaluation/clauses.yml),
renumbered in one of three house styles of Dutch municipalities, with fictional municipality
names and amounts varied. The same seed gives the same bytes, in every format.

    scripts/make-corpus.py --out /tmp/tl-corpus --count 1000 [--seed 8] [--formats txt,docx,odt]
    scripts/make-corpus.py --out /tmp/tl-one --count 1 --pages 10
    scripts/make-corpus.py --out /tmp/tl-dense --count 2000 --dense   # every clause a burden

Layout of --out:
    txt/tender-00001.txt    plain text (the text every format carries)
    docx/tender-00001.docx  OOXML: Heading styles, text split over several runs
    odt/tender-00001.odt    ODF: text:h with outline levels, spans
    mixed/                  with --mixed: every document once, in a format chosen by the seed
                            (hard links into the folders above)
    manifest.tsv            name, pages, characters, words per document

Needs Python 3.8+ and PyYAML (for clauses.yml). Never commit a generated corpus.
"""

import argparse
import os
import random
import re
import sys
import zipfile
from xml.sax.saxutils import escape

try:
    import yaml
except ImportError:  # pragma: no cover - a setup problem, reported plainly
    sys.exit("make-corpus: PyYAML is needed (pip install pyyaml, or apt-get install python3-yaml)")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# One A4 page of contract text: about 450 words, 3,000 characters.
PAGE_CHARS = 3000

SAMPLES = {
    "inkoopdocument-jeugdhulp.md": "jeugd",
    "raamovereenkomst-wmo-begeleiding.md": "wmo",
    "programma-van-eisen-participatie.md": "participatie",
}

# Names that occur in the samples, replaced by names drawn from FICTIONAL_PLACES.
SAMPLE_PLACES = ["Lindeveld", "Oosterbroek", "Haarwijk", "Veenhoven"]
FICTIONAL_PLACES = [
    "Lindeveld", "Oosterbroek", "Haarwijk", "Veenhoven", "Zuidermeer", "Kranendijk", "Aldenbroek",
    "Westerholt", "Bremmelo", "Dijkhuizen", "Noordwaarde", "Heemsvoort", "Valkendal", "Rietmond",
    "Eikelaar", "Schoorwijk", "Moerkerk", "Velderen", "Brakelo", "Sonnevelt",
]
TITLES = {
    "jeugd": ["Inkoopdocument Jeugdhulp", "Deelovereenkomst Jeugdhulp", "Programma van Eisen Jeugd",
              "Toelatingsdocument Specialistische Jeugdhulp", "Raamovereenkomst Jeugdhulp met verblijf"],
    "wmo": ["Raamovereenkomst Wmo 2015 Begeleiding", "Inkoopdocument Wmo Dagbesteding",
            "Programma van Eisen Huishoudelijke Ondersteuning", "Overeenkomst Beschermd Wonen"],
    "participatie": ["Programma van Eisen Re-integratie", "Inkoopdocument Beschut Werk",
                     "Raamovereenkomst Jobcoaching Participatiewet"],
}
NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*\.?|lid \d+|[a-z][.)]|\d+\)|[-*])\s+")
HEADING = re.compile(r"^#{1,4}\s+(?:(?:Artikel|Art\.)\s+[\d.]+\s+|Hoofdstuk \d+\s+|DEEL [A-Z]\s+[–-]\s+)?(.*)$")


class Article:
    """A titled article of a sample: its paragraphs without their numbers."""

    def __init__(self, title, domain):
        self.title = title
        self.domain = domain
        self.paragraphs = []  # (is_list_item, text)


def load_articles():
    articles = []
    for name, domain in SAMPLES.items():
        path = os.path.join(ROOT, "samples", name)
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        current = None
        para = []

        def flush():
            if current is not None and para:
                text = " ".join(s.strip() for s in para)
                is_item = bool(re.match(r"^(?:[a-z][.)]|[-*])\s", text))
                current.paragraphs.append((is_item, NUMBERING.sub("", text, count=1)))
            para.clear()

        for line in lines:
            stripped = line.strip()
            if stripped.startswith("#"):
                flush()
                m = HEADING.match(stripped)
                title = m.group(1) if m else stripped.lstrip("# ")
                # Chapter headings and the title itself carry no paragraphs of their own.
                current = Article(title, domain) if stripped.startswith("###") or "Artikel" in stripped else None
                if current is not None:
                    articles.append(current)
            elif not stripped or stripped.startswith("|"):
                flush()
            else:
                para.append(stripped)
        flush()
    return [a for a in articles if a.paragraphs]


def load_clauses(burdens_only=False):
    with open(os.path.join(ROOT, "samples", "evaluation", "clauses.yml"), encoding="utf-8") as f:
        entries = yaml.safe_load(f)
    by_domain = {"jeugd": [], "wmo": [], "participatie": []}
    for e in entries:
        if burdens_only and not e.get("topics"):
            continue
        by_domain[e["domain"]].append(e["text"].strip())
    return by_domain


def vary(text, rng, places):
    """Fictional names and varied amounts, so documents differ beyond their order."""
    for old, new in zip(SAMPLE_PLACES, places):
        text = text.replace(old, new)

    def days(m):
        return "%d %s" % (rng.choice([10, 14, 20, 30, 30, 45, 60]), m.group(2))

    text = re.sub(r"\b(\d{1,2}) (dagen|werkdagen|kalenderdagen)\b", days, text)
    text = re.sub(r"\b202[5-8]\b", lambda m: str(rng.choice([2026, 2027, 2028])), text)
    return text


def build_document(index, seed, pages, articles, clauses, dense=False):
    """One document as a list of (kind, text): kind is title, h1, h2, p or li. Dense: every
    paragraph is a labelled burden of the evaluation set (the worst case for the reporters)."""
    rng = random.Random(seed * 1_000_003 + index)
    domain = rng.choices(["jeugd", "wmo", "participatie"], weights=[5, 4, 2])[0]
    if pages is None:
        pages = max(2, min(40, round(rng.lognormvariate(2.0, 0.55))))
    target = pages * PAGE_CHARS
    places = rng.sample(FICTIONAL_PLACES, len(SAMPLE_PLACES))
    style = rng.choice(["hoofdstuk", "deel", "artikel"])
    own = [a for a in articles if a.domain == domain]

    out = [("title", "%s %d" % (rng.choice(TITLES[domain]), rng.choice([2026, 2027, 2028]))),
           ("p", "Gemeente %s – kenmerk %s-%04d" % (places[0], places[0][:2].upper(), rng.randrange(10000)))]
    size = sum(len(t) for _, t in out)
    chapter = 0
    article_no = 0
    while size < target:
        chapter += 1
        if style != "artikel":
            label = ("Hoofdstuk %d " % chapter) if style == "hoofdstuk" else ("DEEL %s – " % chr(64 + min(chapter, 26)))
            heading = rng.choice(["Algemene bepalingen", "Eisen aan de uitvoering", "Bekostiging en verantwoording",
                                  "Contractvoorwaarden", "Kwaliteit en veiligheid", "Procedure"])
            out.append(("h1", label + heading))
        for a in range(rng.randint(3, 6)):
            if size >= target:
                break
            article_no += 1
            art = rng.choice(own) if rng.random() < 0.7 else rng.choice(articles)
            paragraphs = list(art.paragraphs)
            if dense:
                paragraphs = [(False, rng.choice(clauses[domain])) for _ in range(rng.randint(3, 6))]
            elif len(paragraphs) > 3 and rng.random() < 0.5:
                rng.shuffle(paragraphs)
                paragraphs = paragraphs[: rng.randint(3, len(paragraphs))]
            # Evaluation clauses (burdens and look-alikes) inserted as extra sub-clauses.
            for _ in range(rng.choice([0, 0, 1, 1, 2])):
                paragraphs.insert(rng.randrange(len(paragraphs) + 1), (False, rng.choice(clauses[domain])))
            if style == "deel":
                number = "%d.%d" % (chapter, a + 1)
                out.append(("h2", "Art. %s %s" % (number, art.title)))
            else:
                number = str(article_no)
                out.append(("h2", "Artikel %s %s" % (number, art.title)))
            sub = 0
            letter = 0
            for is_item, text in paragraphs:
                text = vary(text, rng, places)
                if is_item:
                    out.append(("li", "%s. %s" % (chr(97 + letter % 26), text)))
                    letter += 1
                else:
                    sub += 1
                    letter = 0
                    prefix = "lid %d" % sub if style == "artikel" and rng.random() < 0.3 else "%s.%d" % (number, sub)
                    out.append(("p", "%s %s" % (prefix, text)))
                size += len(text)
    return pages, out


def as_text(doc):
    return "\n\n".join(text for _, text in doc) + "\n"


def runs(text, rng):
    """Splits a paragraph into 1-3 runs at spaces, as word processors do."""
    cuts = sorted(rng.sample([m.start() for m in re.finditer(" ", text)], k=min(2, text.count(" "))))
    cuts = cuts[: rng.randint(0, len(cuts))]
    pieces, last = [], 0
    for c in cuts:
        pieces.append(text[last:c])
        last = c
    pieces.append(text[last:])
    return pieces


ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def write_zip(path, entries):
    with zipfile.ZipFile(path, "w") as z:
        for name, data, compress in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)


DOCX_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"""
DOCX_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""
DOCX_DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"""
DOCX_STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/></w:style></w:styles>"""
DOCX_STYLE = {"title": "Title", "h1": "Heading1", "h2": "Heading2", "li": "ListParagraph", "p": None}


def as_docx(doc, rng):
    body = []
    for kind, text in doc:
        style = DOCX_STYLE[kind]
        ppr = '<w:pPr><w:pStyle w:val="%s"/></w:pPr>' % style if style else ""
        rs = []
        for piece in runs(text, rng):
            rpr = "<w:rPr><w:b/></w:rPr>" if kind.startswith("h") or rng.random() < 0.05 else ""
            rs.append('<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (rpr, escape(piece)))
        body.append("<w:p>%s%s</w:p>" % (ppr, "".join(rs)))
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                + "".join(body)
                + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')
    return [("[Content_Types].xml", DOCX_CONTENT_TYPES, True), ("_rels/.rels", DOCX_RELS, True),
            ("word/_rels/document.xml.rels", DOCX_DOC_RELS, True), ("word/styles.xml", DOCX_STYLES, True),
            ("word/document.xml", document, True)]


ODT_MIME = "application/vnd.oasis.opendocument.text"
ODT_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/></manifest:manifest>"""
ODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"')

ODT_STYLES = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles %s office:version="1.2"><office:styles>'
              '<style:style style:name="Standard" style:family="paragraph"/>'
              '<style:style style:name="List_20_Paragraph" style:display-name="List Paragraph" style:family="paragraph"/>'
              '<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1"/>'
              '<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:default-outline-level="2"/>'
              '</office:styles></office:document-styles>' % ODT_NS)


def as_odt(doc, rng):
    body = []
    for kind, text in doc:
        pieces = runs(text, rng)
        inner = escape(pieces[0]) + "".join('<text:span text:style-name="T1">%s</text:span>' % escape(p) for p in pieces[1:])
        if kind in ("title", "h1", "h2"):
            level = {"title": 1, "h1": 1, "h2": 2}[kind]
            body.append('<text:h text:style-name="Heading_20_%d" text:outline-level="%d">%s</text:h>' % (level, level, inner))
        else:
            body.append('<text:p text:style-name="%s">%s</text:p>' % ("List_20_Paragraph" if kind == "li" else "Standard", inner))
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s office:version="1.2">'
               '<office:automatic-styles><style:style style:name="T1" style:family="text"/></office:automatic-styles>'
               '<office:body><office:text>%s</office:text></office:body></office:document-content>' % (ODT_NS, "".join(body)))
    return [("mimetype", ODT_MIME, False), ("META-INF/manifest.xml", ODT_MANIFEST, True), ("styles.xml", ODT_STYLES, True), ("content.xml", content, True)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, help="folder to write (under /tmp; created)")
    parser.add_argument("--count", type=int, required=True, help="number of documents")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--pages", type=int, help="pages per document (default: 2-40, median about 7)")
    parser.add_argument("--formats", default="txt,docx,odt")
    parser.add_argument("--mixed", action="store_true", help="also a mixed/ folder, one format per document")
    parser.add_argument("--dense", action="store_true", help="every paragraph a labelled burden (dense findings)")
    args = parser.parse_args()
    formats = [f for f in args.formats.split(",") if f]
    for f in formats:
        if f not in ("txt", "docx", "odt"):
            parser.error("unknown format %r" % f)

    articles = load_articles()
    clauses = load_clauses(burdens_only=args.dense)
    for f in formats:
        os.makedirs(os.path.join(args.out, f), exist_ok=True)
    if args.mixed:
        os.makedirs(os.path.join(args.out, "mixed"), exist_ok=True)
    manifest = ["name\tpages\tcharacters\twords"]
    for i in range(1, args.count + 1):
        name = "tender-%05d" % i
        pages, doc = build_document(i, args.seed, args.pages, articles, clauses, dense=args.dense)
        text = as_text(doc)
        manifest.append("%s\t%d\t%d\t%d" % (name, pages, len(text), len(text.split())))
        # Run splitting has its own generator, so the text is the same whichever formats are asked for.
        zrng = random.Random(args.seed * 7_919 + i)
        paths = {}
        for f in formats:
            path = os.path.join(args.out, f, "%s.%s" % (name, f))
            if f == "txt":
                with open(path, "w", encoding="utf-8") as out:
                    out.write(text)
            elif f == "docx":
                write_zip(path, as_docx(doc, zrng))
            else:
                write_zip(path, as_odt(doc, zrng))
            paths[f] = path
        if args.mixed:
            f = formats[random.Random(args.seed * 31 + i).randrange(len(formats))]
            link = os.path.join(args.out, "mixed", os.path.basename(paths[f]))
            if os.path.exists(link):
                os.remove(link)
            os.link(paths[f], link)
    with open(os.path.join(args.out, "manifest.tsv"), "w", encoding="utf-8") as m:
        m.write("\n".join(manifest) + "\n")


if __name__ == "__main__":
    main()
