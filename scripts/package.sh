#!/usr/bin/env bash
# Builds a Debian package of tenderlint that installs without a Swift toolchain:
#
#   /usr/bin/tenderlint                        the binary, Swift runtime and Foundation linked in
#                                              statically (--static-swift-stdlib)
#   /usr/share/tenderlint/rules/               the rule catalogue, where CatalogueLocator looks
#                                              beside the binary (../share/tenderlint/rules)
#   /usr/share/man/man1/tenderlint*.1.gz       man pages, generated from the argument parser by
#                                              swift-argument-parser's own generate-manual tool
#   /usr/share/bash-completion/completions/tenderlint, /usr/share/zsh/vendor-completions/_tenderlint,
#   /usr/share/fish/vendor_completions.d/tenderlint.fish
#                                              from `tenderlint --generate-completion-script`
#   /usr/share/doc/tenderlint/                 README, docs, copyright
#
# Depends: the shared C libraries the binary still links (libxml2, libstemmer, SQLite, libc,
# libstdc++), as dpkg-shlibdeps finds them.
#
# Usage: scripts/package.sh [--binary PATH] [--out DIR] [--version VERSION] [--allow-dynamic-swift]
#   --binary PATH   package this binary instead of building one. It must be a release build
#                   with --static-swift-stdlib (.ci/run builds it so: the benchmark's binary);
#                   the script refuses a binary that links libswiftCore.so.
#   --out DIR       where the .deb goes (default .build-package/); prints its path.
#   --version V     the package version (default: what `tenderlint --version` prints).
#   --allow-dynamic-swift  package a binary that links the Swift runtime dynamically (a debug
#                   build, to try the script quickly; such a package needs the toolchain).
# Without --binary it runs `swift build -c release --static-swift-stdlib --product tenderlint
# --scratch-path .build-package` (12 minutes and more on a loaded machine).
# Needs dpkg-deb and dpkg-shlibdeps (dpkg-dev) and a Swift toolchain for generate-manual.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

binary=""
out="$ROOT/.build-package"
version=""
allow_dynamic=0
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --version) version=$2; shift 2 ;;
    --allow-dynamic-swift) allow_dynamic=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "package.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

if [ -z "$binary" ]; then
  swift build -c release --static-swift-stdlib --product tenderlint --scratch-path "$ROOT/.build-package" >&2
  binary="$ROOT/.build-package/release/tenderlint"
fi
[ -x "$binary" ] || { echo "package.sh: $binary: not an executable" >&2; exit 2; }
if [ "$allow_dynamic" = 0 ] && ldd "$binary" | grep -q 'libswiftCore\|libFoundation'; then
  echo "package.sh: $binary: links the Swift runtime dynamically; build it with --static-swift-stdlib" >&2
  exit 2
fi

[ -n "$version" ] || version=$("$binary" --version | awk '{print $NF}')
case "$version" in [0-9]*) ;; *) echo "package.sh: version '$version' does not start with a digit" >&2; exit 2 ;; esac
arch=$(dpkg --print-architecture)
mkdir -p "$out"
work=$(mktemp -d "${TMPDIR:-/tmp}/tenderlint-package.XXXXXX")
trap 'rm -rf "$work"' EXIT
stage=$work/tenderlint_${version}_${arch}

# The binary and the catalogue.
install -D -m 755 "$binary" "$stage/usr/bin/tenderlint"
strip --strip-unneeded "$stage/usr/bin/tenderlint" 2>/dev/null || true
mkdir -p "$stage/usr/share/tenderlint"
cp -R rules "$stage/usr/share/tenderlint/rules"
find "$stage/usr/share/tenderlint" -type d -exec chmod 755 {} + -o -type f -exec chmod 644 {} +

# Man pages: swift-argument-parser's generate-manual reads `tenderlint --experimental-dump-help`.
# Built from the argument parser's own checkout (the version Package.resolved names), in its own
# scratch folder, once; later runs reuse it.
parser=$ROOT/.build/checkouts/swift-argument-parser
if [ ! -f "$parser/Package.swift" ]; then
  swift package resolve >&2
fi
tools=$ROOT/.build-package-tools
revision=$(git -C "$parser" rev-parse HEAD)
generator=$tools/$revision/build/debug/generate-manual
if [ ! -x "$generator" ]; then
  # A copy of the checkout, so building it leaves the dependency's checkout as SwiftPM made it.
  rm -rf "$tools/$revision"
  mkdir -p "$tools/$revision/src"
  git -C "$parser" archive HEAD | tar -x -C "$tools/$revision/src"
  swift build --package-path "$tools/$revision/src" --scratch-path "$tools/$revision/build" --product generate-manual >&2
fi
man=$work/man
mkdir -p "$man"
# The date of the last commit, so the same sources give the same pages.
date=$(git log -1 --format=%cs 2>/dev/null || date -u +%F)
"$generator" "$stage/usr/bin/tenderlint" --multi-page --section 1 --date "$date" --output-directory "$man" >&2
mkdir -p "$stage/usr/share/man/man1"
for page in "$man"/*.1; do
  gzip -9n < "$page" > "$stage/usr/share/man/man1/$(basename "$page").gz"
done
[ -f "$stage/usr/share/man/man1/tenderlint.1.gz" ] || { echo "package.sh: no man page tenderlint.1 generated" >&2; exit 1; }

# Shell completions.
install -d "$stage/usr/share/bash-completion/completions" "$stage/usr/share/zsh/vendor-completions" \
  "$stage/usr/share/fish/vendor_completions.d"
"$binary" --generate-completion-script bash > "$stage/usr/share/bash-completion/completions/tenderlint"
"$binary" --generate-completion-script zsh > "$stage/usr/share/zsh/vendor-completions/_tenderlint"
"$binary" --generate-completion-script fish > "$stage/usr/share/fish/vendor_completions.d/tenderlint.fish"

# Documentation.
install -d "$stage/usr/share/doc/tenderlint"
install -m 644 README.md "$stage/usr/share/doc/tenderlint/README.md"
cp -R docs "$stage/usr/share/doc/tenderlint/docs"
find "$stage/usr/share/doc/tenderlint" -type d -exec chmod 755 {} + -o -type f -exec chmod 644 {} +
cat > "$stage/usr/share/doc/tenderlint/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: tenderlint
Comment: The binary also contains the Swift runtime and Foundation (Apache License 2.0 with
 Runtime Library Exception) and the Swift packages named in Package.swift, each under its own
 licence.
EOF

# Dependencies: the shared libraries the binary links, as dpkg-shlibdeps maps them to packages.
mkdir -p "$work/debian"
printf 'Source: tenderlint\n\nPackage: tenderlint\nArchitecture: any\n' > "$work/debian/control"
shlibdeps_options=(-O)
[ "$allow_dynamic" = 1 ] && shlibdeps_options+=(--ignore-missing-info)
depends=$(cd "$work" && dpkg-shlibdeps "${shlibdeps_options[@]}" "$stage/usr/bin/tenderlint" 2>"$work/shlibdeps.err" | sed -n 's/^shlibs:Depends=//p') \
  || { echo "package.sh: dpkg-shlibdeps failed: $(cat "$work/shlibdeps.err")" >&2; exit 1; }
[ -n "$depends" ] || { echo "package.sh: dpkg-shlibdeps found no dependencies" >&2; exit 1; }
size=$(du -sk "$stage" | cut -f1)
mkdir -p "$stage/DEBIAN"
cat > "$stage/DEBIAN/control" <<EOF
Package: tenderlint
Version: $version
Architecture: $arch
Maintainer: tenderlint <tenderlint@users.noreply.github.com>
Installed-Size: $size
Depends: $depends
Recommends: poppler-utils
Section: text
Priority: optional
Homepage: https://github.com/tenderlint/tenderlint
Description: linter for Dutch municipal tender documents
 Finds requirements in tender documents for youth care, social support and
 participation (Jeugdwet, Wmo 2015, Participatiewet) that burden providers
 needlessly, with the legal basis, a model article and the estimated burden.
 Reads DOCX, ODT, FODT, PDF (with poppler-utils), XML, eForms, text and Markdown;
 reports as text, JSON, SARIF, HTML and more; serves a local web page, a
 LanguageTool-compatible API and a language server.
EOF
deb="$out/tenderlint_${version}_${arch}.deb"
dpkg-deb --root-owner-group --build "$stage" "$deb" >&2
echo "$deb"
