#!/usr/bin/env bash
# Tests a .deb from scripts/package.sh as a user without Swift would meet it: installs it with
# dpkg into a scratch root (dpkg --root, its own empty package database), then runs the installed
# `tenderlint lint` on a sample with nothing of the toolchain on PATH or LD_LIBRARY_PATH, and
# checks the catalogue it reads is the installed one, the man page, the completions and the
# package's dependencies. Nothing outside the scratch root is installed or changed.
#
# Usage: scripts/test-package.sh DEB [--allow-dynamic-swift]
#   --allow-dynamic-swift  accept a binary that links the Swift runtime dynamically (a debug
#                          build packaged for a quick check; a release package never needs it).
# Exit code 0 when every check passes.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
deb=${1:?usage: scripts/test-package.sh DEB [--allow-dynamic-swift]}
allow_dynamic=0
[ "${2:-}" = "--allow-dynamic-swift" ] && allow_dynamic=1
[ -f "$deb" ] || { echo "test-package.sh: $deb: no such file" >&2; exit 2; }
deb=$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")

scratch=$(mktemp -d "${TMPDIR:-/tmp}/tenderlint-deb-test.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
failures=0
fail() { echo "FAILED: $*" >&2; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

# The package's metadata and contents.
info=$(dpkg-deb --info "$deb")
contents=$(dpkg-deb --contents "$deb")
for path in ./usr/bin/tenderlint ./usr/share/tenderlint/rules/topics.yml ./usr/share/man/man1/tenderlint.1.gz \
            ./usr/share/man/man1/tenderlint.lint.1.gz ./usr/share/bash-completion/completions/tenderlint \
            ./usr/share/zsh/vendor-completions/_tenderlint ./usr/share/fish/vendor_completions.d/tenderlint.fish \
            ./usr/share/doc/tenderlint/copyright; do
  grep -q " $path\$" <<<"$contents" && ok "contains $path" || fail "$path is not in the package"
done
depends=$(sed -n 's/^ Depends: //p' <<<"$info")
[ -n "$depends" ] && ok "Depends: $depends" || fail "no Depends field"
# Every dependency is a Debian package this machine has (the libraries the binary links).
for alternative in $(tr ',' '\n' <<<"$depends" | sed 's/(.*)//; s/|.*//; s/ //g'); do
  dpkg-query -W -f='${Status}' "$alternative" 2>/dev/null | grep -q "install ok installed" \
    || fail "dependency $alternative is not an installed Debian package here"
done
grep -qi 'swift' <<<"$depends" && fail "the package depends on Swift: $depends"

# Install into the scratch root with dpkg itself.
root=$scratch/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/var/lib/dpkg/triggers"
touch "$root/var/lib/dpkg/status" "$root/var/lib/dpkg/available"
# --force-depends: the scratch root's own database knows no libc; the dependencies are checked
# against this machine above. --force-not-root: the same test as a normal user.
if dpkg --root="$root" --force-depends --force-not-root --force-script-chrootless -i "$deb" > "$scratch/dpkg.log" 2>&1; then
  ok "dpkg -i into a scratch root"
else
  fail "dpkg -i failed: $(cat "$scratch/dpkg.log")"
fi
status=$(dpkg-query --admindir="$root/var/lib/dpkg" -W -f='${Package} ${Version} ${Status}' tenderlint 2>/dev/null || true)
grep -q "install ok installed" <<<"$status" && ok "dpkg records: $status" || fail "dpkg does not record tenderlint as installed: $status"
bin=$root/usr/bin/tenderlint
[ -x "$bin" ] || { fail "no $bin"; echo "package test failed ($failures)"; exit 1; }

# No Swift runtime from outside the binary.
if ldd "$bin" | grep -E 'libswift|libFoundation|libdispatch|/opt/swift' > "$scratch/ldd-swift"; then
  if [ "$allow_dynamic" = 1 ]; then
    echo "note: the binary links the Swift runtime dynamically (allowed for this run): $(tr '\n' ' ' < "$scratch/ldd-swift")"
  else
    fail "the binary links the Swift runtime: $(cat "$scratch/ldd-swift")"
  fi
else
  ok "no Swift library among the binary's shared libraries"
fi

# Lint a sample with the installed binary, from an empty folder, with a clean environment: no
# rules/ above the working directory, no TENDERLINT_RULES, no toolchain on PATH.
home=$scratch/home
mkdir -p "$home/work"
cp "$ROOT/samples/raamovereenkomst-wmo-begeleiding.md" "$home/work/"
printf '7.1 De aanbieder levert ieder kwartaal een kopie van hun Verklaring Omtrent het Gedrag.\n' > "$home/work/vog.txt"
run() { (cd "$home/work" && env -i PATH=/usr/bin:/bin HOME="$home" XDG_CACHE_HOME="$home/cache" LANG=C.UTF-8 "$bin" "$@"); }
set +e
version=$(run --version 2>&1); code=$?
set -e
[ "$code" = 0 ] && grep -q '^tenderlint ' <<<"$version" && ok "--version: $version" || fail "--version: exit $code: $version"
set +e
report=$(run lint raamovereenkomst-wmo-begeleiding.md --format json 2>"$scratch/lint.err"); code=$?
set -e
if [ "$code" = 1 ] && python3 -c 'import json,sys; d=json.load(sys.stdin); n=len(d["documents"][0]["findings"]); sys.exit(0 if n > 0 else 1)' <<<"$report"; then
  ok "installed tenderlint lint: exit 1 with findings in the sample"
else
  fail "installed tenderlint lint: exit $code, $(head -c 300 "$scratch/lint.err") $(head -c 300 <<<"$report")"
fi
# The catalogue it reads is the installed one: without one of its rules, that rule's finding goes.
set +e
before=$(run lint vog.txt --format compact 2>&1)
rm "$root/usr/share/tenderlint/rules/wettelijk-geregeld/vog-afschriften-jeugd.yml"
after=$(run lint vog.txt --format compact 2>&1)
set -e
if grep -q 'vog-afschriften-jeugd' <<<"$before" && ! grep -q 'vog-afschriften-jeugd' <<<"$after"; then
  ok "the installed catalogue in /usr/share/tenderlint/rules is the one read"
else
  fail "the catalogue read is not the installed one: before «$before», after «$after»"
fi

# The man page renders, and names the commands; the completions are valid scripts.
page=$(MANWIDTH=100 man -l "$root/usr/share/man/man1/tenderlint.1.gz" 2>/dev/null || true)
grep -q 'tenderlint' <<<"$page" && grep -qi 'lint' <<<"$page" && ok "man -l tenderlint.1 renders" || fail "man page did not render: $(head -c 300 <<<"$page")"
page=$(MANWIDTH=100 man -l "$root/usr/share/man/man1/tenderlint.lint.1.gz" 2>/dev/null || true)
grep -q -- '--format' <<<"$page" && ok "man -l tenderlint.lint.1 lists --format" || fail "tenderlint.lint.1 lacks --format"
bash -n "$root/usr/share/bash-completion/completions/tenderlint" && ok "bash completion parses" || fail "bash completion does not parse"
completion=$(bash -c "source '$root/usr/share/bash-completion/completions/tenderlint' 2>/dev/null; complete -p tenderlint" 2>&1 || true)
grep -q 'tenderlint' <<<"$completion" && ok "bash completion registers: $completion" || fail "bash completion registers nothing: $completion"

if [ "$failures" -gt 0 ]; then
  echo "package test failed ($failures)" >&2
  exit 1
fi
echo "package test passed"
