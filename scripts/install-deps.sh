#!/usr/bin/env bash
# Installs the Debian and Python packages tenderlint builds and tests with. The Swift toolchain
# itself (6.1 or later) is expected on PATH. One package per line, each with why it is needed.
set -euo pipefail
cd "$(dirname "$0")/.."
packages=(
  libstemmer-dev        # Snowball stemmers (Dutch) for matching word forms
  libxml2-dev           # the XML parser behind DOCX, ODT, FODT, XML and eForms reading
  poppler-utils         # pdftotext, for reading PDF
  chromium              # headless browser for the web page's end-to-end test
  python3-jsonschema    # validates SARIF output against the official schema in the tests
  libreoffice-calc-nogui  # soffice --headless converts the inventory's XLSX workbook in SpreadsheetTests
  nginx                 # reverse proxy in front of the team server in TeamServerTests (run as the user, own config)
  libreoffice-writer-nogui  # opens the redlined copies (tenderlint redline) in the tests: comments and tracked changes as LibreOffice reads them
  postgresql            # the server of the inventory's PostgreSQL store in its tests (scripts/start-postgres.sh starts its own cluster on loopback)
  dpkg-dev              # dpkg-shlibdeps: the Debian package's Depends (scripts/package.sh)
  man-db                # man -l renders the package's man pages in scripts/test-package.sh
  python3-yaml          # scripts/make-corpus.py reads the evaluation clauses (browser test, inventory demo, benchmark)
  python3-uno           # drives LibreOffice's own "accept all" / "reject all" on the redlined copies (Tests/TenderRedlineTests/Scripts/office.py)
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
run() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  run apt-get update -qq
  run apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# Python packages the tests use as independent readers and clients (scripts/test-requirements.txt).
if grep -q '^[a-zA-Z]' scripts/test-requirements.txt 2>/dev/null; then
  python3 -m pip install -q --disable-pip-version-check -r scripts/test-requirements.txt \
    || python3 -m pip install -q --disable-pip-version-check --break-system-packages -r scripts/test-requirements.txt
fi
