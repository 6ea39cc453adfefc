#!/usr/bin/env bash
# Converts every samples/*.md into the other formats tenderlint reads, in samples/formats/:
#   NAME.txt   plain text (pandoc -t plain, one line per paragraph)
#   NAME.docx  Word (pandoc)
#   NAME.odt   OpenDocument (pandoc)
#   NAME.fodt  flat OpenDocument (LibreOffice, from NAME.odt)
#   NAME.pdf   PDF (LibreOffice, from an ODT with a running header and a "Pagina N van M"
#              footer on A4, so the PDF reader's header/footer removal is exercised)
# The outputs are committed, so CI needs no converter. Needs pandoc and LibreOffice:
#   apt-get install pandoc libreoffice-writer-nogui
# Run from anywhere: scripts/make-sample-formats.sh
set -euo pipefail

cd "$(dirname "$0")/.."
for tool in pandoc soffice python3; do
    command -v "$tool" >/dev/null || { echo "make-sample-formats: $tool not found (apt-get install pandoc libreoffice-writer-nogui python3)" >&2; exit 2; }
done

out=samples/formats
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A private LibreOffice profile: no interference with a running instance or the user's settings.
profile="file://$work/profile"
# pandoc stamps DOCX/ODT metadata with this date instead of the current one.
export SOURCE_DATE_EPOCH=1767225600  # 2026-01-01T00:00:00Z

# The reference ODT for the PDF: pandoc's default, on A4, with a header and a page footer.
pandoc --print-default-data-file reference.odt > "$work/reference.odt"
python3 - "$work/reference.odt" <<'PY'
import sys, zipfile, shutil
path = sys.argv[1]
with zipfile.ZipFile(path) as z:
    entries = [(i, z.read(i.filename)) for i in z.infolist()]
styles = next(data for i, data in entries if i.filename == "styles.xml").decode()
styles = styles.replace('fo:page-width="8.5in"', 'fo:page-width="21cm"').replace('fo:page-height="11in"', 'fo:page-height="29.7cm"')
styles = styles.replace('<style:header-style />',
    '<style:header-style><style:header-footer-properties fo:min-height="0.4in" fo:margin-bottom="0.2in" style:dynamic-spacing="false" /></style:header-style>')
start = styles.index('<style:footer>')
end = styles.index('</style:footer>') + len('</style:footer>')
styles = styles[:start] + (
    '<style:header><text:p text:style-name="MP1">Voorbeelddocument tenderlint \u2013 fictieve gemeenten</text:p></style:header>'
    '<style:footer><text:p text:style-name="MP1">Pagina <text:page-number text:select-page="current">1</text:page-number>'
    ' van <text:page-count>1</text:page-count></text:p></style:footer>') + styles[end:]
with zipfile.ZipFile(path + ".new", "w") as z:
    for info, data in entries:
        if info.filename == "styles.xml":
            data = styles.encode()
        z.writestr(info, data, compress_type=zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED)
shutil.move(path + ".new", path)
PY

for md in samples/*.md; do
    name=$(basename "$md" .md)
    echo "make-sample-formats: $name"
    pandoc "$md" -t plain --wrap=none -o "$out/$name.txt"
    pandoc "$md" -o "$out/$name.docx"
    pandoc "$md" -o "$out/$name.odt"
    soffice -env:UserInstallation="$profile" --headless --convert-to fodt --outdir "$out" "$out/$name.odt" >/dev/null
    pandoc "$md" --reference-doc="$work/reference.odt" -o "$work/$name.odt"
    soffice -env:UserInstallation="$profile" --headless --convert-to pdf --outdir "$out" "$work/$name.odt" >/dev/null
done
ls -l "$out"
