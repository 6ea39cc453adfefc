#!/usr/bin/env bash
# Installs the Debian packages tenderlint builds and tests with:
#   libstemmer-dev  Snowball stemmers (Dutch) for matching word forms
#   libxml2-dev     the XML parser behind DOCX, ODT, FODT, XML and eForms reading
#   poppler-utils   pdftotext, for reading PDF
#   chromium        headless browser for the web page's end-to-end test
#   python3-jsonschema  validates SARIF output against the official schema in the tests
# The Swift toolchain itself (6.1 or later) is expected on PATH.
set -euo pipefail
packages=(libstemmer-dev libxml2-dev poppler-utils chromium python3-jsonschema)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
run() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
export DEBIAN_FRONTEND=noninteractive
run apt-get update -qq
run apt-get install -y -qq --no-install-recommends "${missing[@]}"
