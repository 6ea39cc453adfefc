#!/usr/bin/env bash
# The inventory tried as a new user would (issue 16's "Done when"), end to end with the built
# binary: a corpus of twelve tenders of twelve municipalities in three regions, with copies in
# other formats, an identical copy under another name, an eForms notice, one broken DOCX and one
# Word 97 file; a metadata spreadsheet (XLSX, written by openpyxl). It scans the corpus and its
# deduplicated twin into SQLite, the corpus again into PostgreSQL, compares the totals, reads the
# XLSX report with openpyxl and with LibreOffice, and takes screenshots of the HTML report
# (whole, and filtered to one region) with headless Chromium.
#
#   scripts/inventory-demo.sh [--binary PATH] [--out DIR] [--postgres URL]
#
# Needs: the built tenderlint, python3 with openpyxl and PyYAML, soffice, chromium; for the
# PostgreSQL step a server (scripts/start-postgres.sh) whose role may create databases.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=.build/debug/tenderlint
out=/tmp/tenderlint-inventory-demo
pg=${TENDERLINT_TEST_POSTGRES_URL:-postgres://tenderlint:tenderlint@127.0.0.1:55432/tenderlint_test}
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --postgres) pg=$2; shift 2 ;;
    *) echo "inventory-demo: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -x "$binary" ] || { echo "inventory-demo: $binary is not built (swift build)" >&2; exit 2; }
rm -rf "$out"; mkdir -p "$out"
scripts/make-corpus.py --out "$out/gen" --count 12 --pages 6 --formats txt,docx,odt --seed 16 > /dev/null

python3 - "$out" <<'PY'
import os, shutil, sys
import openpyxl
out = sys.argv[1]
gen, corpus, unique = f"{out}/gen", f"{out}/corpus", f"{out}/unique"
regions = {"Twente": ["Almelo", "Hengelo", "Enschede", "Oldenzaal"],
           "Holland Rijnland": ["Leiden", "Katwijk", "Teylingen", "Noordwijk"],
           "Foodvalley": ["Ede", "Veenendaal", "Barneveld", "Wageningen"]}
places = [(m, r) for r, ms in regions.items() for m in ms]
for d in (corpus, unique): os.makedirs(d)
book = openpyxl.Workbook(); sheet = book.active; sheet.title = "metadata"
sheet.append(["bestand", "gemeente", "regio", "jaar", "domein", "aantal aanbieders"])
for i, (municipality, region) in enumerate(places):
    name = f"tender-{i + 1:05d}"
    for d in (corpus, unique): shutil.copy(f"{gen}/docx/{name}.docx", f"{d}/{municipality.lower()}.docx")
    if i < 4: shutil.copy(f"{gen}/odt/{name}.odt", f"{corpus}/{municipality.lower()}.odt")          # same tender, ODT
    if 4 <= i < 7: shutil.copy(f"{gen}/txt/{name}.txt", f"{corpus}/{municipality.lower()}-tekst.txt")  # same tender, text
    if i == 8: shutil.copy(f"{gen}/docx/{name}.docx", f"{corpus}/{municipality.lower()}-definitief.docx")  # identical copy
    sheet.append([f"{municipality.lower()}.docx", municipality, region, 2024 + i % 3, ["jeugd", "wmo", "participatie"][i % 3], 10 + 3 * i])
# An eForms notice: its buyer, year, title and CPV come from the notice itself.
for d in (corpus, unique): shutil.copy("samples/inkoopdocument-jeugdhulp.eforms.xml", f"{d}/aankondiging-lindeveld.xml")
with open(f"{corpus}/kapot.docx", "wb") as f: f.write(b"PK\x03\x04" + b"A" * 200)
with open(f"{corpus}/oud-bestek.doc", "wb") as f: f.write(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504))
book.save(f"{out}/metadata.xlsx")
PY

scan_failed() { echo "inventory-demo: a scan failed; its log:" >&2; cat "$out/scan.log" >&2; exit 1; }
echo "== files: $(ls "$out/corpus" | wc -l) in the corpus, $(ls "$out/unique" | wc -l) in its deduplicated twin"
"$binary" inventory scan "$out/corpus" --db "$out/corpus.sqlite" --meta "$out/metadata.xlsx" >> "$out/scan.log" 2>&1 || scan_failed
"$binary" inventory scan "$out/corpus" --db "$out/corpus.sqlite" >> "$out/scan.log" 2>&1 || scan_failed   # a rescan without --meta
"$binary" inventory scan "$out/unique" --db "$out/unique.sqlite" --meta "$out/metadata.xlsx" >> "$out/scan.log" 2>&1 || scan_failed
for f in html json xlsx; do "$binary" inventory report --db "$out/corpus.sqlite" --format $f -o "$out/report.$f"; done
"$binary" inventory report --db "$out/unique.sqlite" --format json -o "$out/unique.json"

# The same scan into a PostgreSQL database of its own.
db="tenderlint_demo_$$"
base=${pg%/*}
psql "$pg" -X -q -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
trap 'psql "$pg" -X -q -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true' EXIT
"$binary" inventory scan "$out/corpus" --db "$base/$db" --meta "$out/metadata.xlsx" >> "$out/scan.log" 2>&1 || scan_failed
"$binary" inventory report --db "$base/$db" --format json -o "$out/postgres.json"
"$binary" inventory report --db "$base/$db" --format html -o "$out/postgres.html"

# The XLSX through LibreOffice (its own reading, saved as CSV of the first sheet).
soffice --headless --norestore "-env:UserInstallation=file://$out/lo-profile" --convert-to csv --outdir "$out/lo" "$out/report.xlsx" > "$out/soffice.log" 2>&1 \
  || { echo "inventory-demo: LibreOffice could not convert the XLSX:" >&2; cat "$out/soffice.log" >&2; exit 1; }

python3 - "$out" <<'PY'
import csv, json, sys
import openpyxl
out = sys.argv[1]
load = lambda name: json.load(open(f"{out}/{name}"))
corpus, unique, postgres = load("report.json"), load("unique.json"), load("postgres.json")
def strip(r):  # what names the database itself differs, nothing else may
    r = dict(r); [r.pop(k, None) for k in ("database", "generatedAt", "lastScan")]; return r
t, u = corpus["totals"], unique["totals"]
print("== corpus totals:", {k: t[k] for k in ("documents", "findings", "municipalities", "regions", "hoursPerProvider", "eurosAllProviders") if k in t})
print("   merged:", len(corpus.get("merged", [])), "tenders from", sum(len(m["files"]) for m in corpus.get("merged", [])), "files;",
      "not read:", [(x["file"], x["reason"][:60]) for x in corpus.get("unread", [])])
same = all(abs(t[k] - u[k]) < 1e-6 if isinstance(t[k], float) else t[k] == u[k] for k in t if k in u and k not in ("files", "unreadable"))  # the twin has no unreadable files
print("== totals equal to the deduplicated corpus:", same)
print("== PostgreSQL report equals the SQLite report:", strip(postgres) == strip(corpus))
lindeveld = [d for d in corpus["documents"] if d["path"].endswith(".xml")]
print("== the eForms notice:", [(d["name"], d.get("municipality"), d.get("year"), d.get("cpv")) for d in lindeveld])
book = openpyxl.load_workbook(f"{out}/report.xlsx")
print("== XLSX sheets (openpyxl):", book.sheetnames)
sheet = book[book.sheetnames[0]]
values = {row[0].value: row[1].value for row in sheet.iter_rows() if row[0].value is not None and len(row) > 1}
print("   openpyxl:", {k: v for k, v in values.items() if k in ("Documenten", "Bevindingen", "Gemeenten", "Regio's")})
rows = {r[0]: r[1] for r in csv.reader(open(f"{out}/lo/report.csv", encoding="utf-8", errors="replace")) if len(r) > 1}
print("   LibreOffice:", {k: v for k, v in rows.items() if k in ("Documenten", "Bevindingen", "Gemeenten", "Regio's")})
problems = []
if not same: problems.append("the totals differ from the deduplicated corpus")
if strip(postgres) != strip(corpus): problems.append("the PostgreSQL report differs from the SQLite report")
if [(d.get("municipality"), d.get("year"), d.get("cpv")) for d in lindeveld] != [("Lindeveld", 2026, "85311300")]: problems.append("the notice's own metadata is missing")
if sorted(x["file"] for x in corpus.get("unread", [])) != ["kapot.docx", "oud-bestek.doc"]: problems.append("the unreadable files are not both named")
for label, key in (("Documenten", "documents"), ("Bevindingen", "findings")):
    if values.get(label) != t[key] or rows.get(label) != str(t[key]): problems.append(f"the XLSX's {label} is not {t[key]}")
if problems: sys.exit("inventory-demo: " + "; ".join(problems))
print("== inventory demo: all checks passed")
PY

# Screenshots: the whole report, and filtered to one region (the filter lives in the page's hash).
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -n "$browser" ]; then
  for view in "all:" "twente:#regio=Twente"; do
    name=${view%%:*}; hash=${view#*:}
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars "--user-data-dir=$out/chromium-$name" \
      --virtual-time-budget=2000 --window-size=1200,2400 "--screenshot=$out/report-$name.png" "file://$out/report.html$hash" > /dev/null 2>&1 \
      || echo "inventory-demo: screenshot $name failed (not a check)" >&2
  done
  # "Gemeenten × onderwerpen" for Twente: the same page with the other sections left out (its
  # inline script and content-security policy unchanged), so the section is on screen.
  python3 - "$out" <<'PY'
import re, sys
out = sys.argv[1]
page = open(f"{out}/report.html", encoding="utf-8").read()
for id in ("methode", "onderwerpen", "categorieen", "jaren", "documenten", "per-gemeente", "trends", "bestanden"):
    page = re.sub(r'<section id="%s">.*?</section>\n' % id, "", page, count=1, flags=re.S)
page = re.sub(r'<section class="cards".*?</section>\n', "", page, count=1, flags=re.S)
page = re.sub(r'<section>.*?</section>\n', "", page, flags=re.S)  # by municipality, by region
open(f"{out}/regions.html", "w", encoding="utf-8").write(page)
PY
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars "--user-data-dir=$out/chromium-regions" \
    --virtual-time-budget=2000 --window-size=1200,1500 "--screenshot=$out/regions-twente.png" "file://$out/regions.html#regio=Twente" > /dev/null 2>&1 \
    || echo "inventory-demo: screenshot regions failed (not a check)" >&2
  echo "== screenshots: $out/report-all.png $out/report-twente.png $out/regions-twente.png"
fi
