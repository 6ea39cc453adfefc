#!/usr/bin/env bash
# Benchmarks tenderlint end to end on generated tender corpora, next to reference tools.
#
#   scripts/benchmark.sh            the full benchmark (about 25-35 minutes on 2 cores): a table of
#                                   figures on stdout and in $BENCH_DIR/results.md; with the dense
#                                   corpus (every paragraph a burden) reported separately, every
#                                   report format's time and peak memory on it (DENSE, DENSE_FORMATS)
#   scripts/benchmark.sh --compare  only `tenderlint compare` (a minute once built): a 100-page document
#                                   against a 100-page standard (target < 1 s) and a region of 20
#                                   documents of about 330 clauses (target < 10 s); fails above the targets
#   scripts/benchmark.sh --memory   peak memory of every report format on 2,000 dense documents (every
#                                   paragraph a burden; DENSE=N for another count); fails above
#                                   PEAK_LIMIT_MB (default 100)
#   scripts/benchmark.sh --quick    the short form for CI (under a minute once built): catalogue
#                                   load, one 10-page document, 50 documents; fails only on a gross
#                                   regression (10-page document > 1 s end to end)
#   scripts/benchmark.sh --identity the output check (a minute or two once built): the text (nl and en),
#                                   JSON and SARIF reports of the samples and of 200 generated documents
#                                   (mixed txt/docx/odt), hashed, against the same reports of a named
#                                   reference binary (REF_BIN or REF_REV, below); fails on any difference.
#                                   The full run does the same check first when a reference is named.
#
# Options: --no-build (use the binary as it is), --keep (reuse generated corpora).
# Environment: BENCH_DIR (default /tmp/tenderlint-bench), SCRATCH (default .build-bench),
#              RULES (catalogue folder, default rules/), TENDERLINT_BIN (a binary to measure instead of $SCRATCH/release/tenderlint; implies
#              --no-build), SIZES (full run, default "100 1000 10000"; the largest is the mixed corpus), TXT_SIZES
#              (the txt corpus sizes timed, default SIZES), DENSE (dense documents, default 2000),
#              DENSE_FORMATS (full run: the formats run on the dense corpus, default all nine).
#              REF_BIN: the reference binary of the output check (e.g. a release build of main's tip);
#              REF_REV: a git revision instead, exported with `git archive` into $BENCH_DIR/ref-src-REV and
#              built once (release, scratch path .build-ref). The reference's hashes are kept in
#              $BENCH_DIR/identity/ref-<binary hash>-<inputs hash>.sha256, so it runs once per binary and inputs.
#
# The full run needs hyperfine and ripgrep (apt-get install hyperfine ripgrep), GNU time, PyYAML,
# and proselint (pip install proselint); --quick needs only Python 3 with PyYAML.
# Figures: wall-clock time of the whole process (catalogue load included), as hyperfine's mean;
# peak memory is the maximum resident set size from /usr/bin/time. MB are 10^6 bytes of the plain
# text (txt) of the documents, the same text in every format.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

quick=0 build=1 keep=0 compare=0 identity=0 memory=0
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    --identity) identity=1 ;;
    --compare) compare=1 ;;
    --memory) memory=1 ;;
    --no-build) build=0 ;;
    --keep) keep=1 ;;
    *) echo "usage: scripts/benchmark.sh [--quick|--compare|--identity|--memory] [--no-build] [--keep]" >&2; exit 2 ;;
  esac
done

BENCH_DIR=${BENCH_DIR:-/tmp/tenderlint-bench}
SCRATCH=${SCRATCH:-.build-bench}
BIN=${TENDERLINT_BIN:-$ROOT/$SCRATCH/release/tenderlint}
[ -n "${TENDERLINT_BIN:-}" ] && build=0
TOOLS="python3 $ROOT/scripts/benchmark-tools.py"
RULES=${RULES:-$ROOT/rules}
mkdir -p "$BENCH_DIR"

if [ "$build" = 1 ]; then
  echo "== building release ($SCRATCH)" >&2
  swift build -c release --product tenderlint --scratch-path "$SCRATCH" >&2
fi
[ -x "$BIN" ] || { echo "benchmark: $BIN missing; build with: swift build -c release --scratch-path $SCRATCH" >&2; exit 2; }

# The generator's own hash names a corpus, so a changed generator never reuses an old corpus.
gen_id=$(sha1sum scripts/make-corpus.py | cut -c1-8)
corpus() { # corpus NAME ARGS... -> folder with txt/ docx/ odt/ [mixed/]
  local dir=$BENCH_DIR/$1-$gen_id; shift
  if [ "$keep" = 0 ] || [ ! -f "$dir/manifest.tsv" ]; then
    rm -rf "$dir"
    python3 scripts/make-corpus.py --out "$dir" "$@" >&2
  fi
  echo "$dir"
}
mb() { du -b --apparent-size -s "$1" | awk '{printf "%.2f", $1 / 1e6}'; }
files() { find "$1" -type f | wc -l; }
# Whether this build reads a format: lint the first file of a folder.
reads() { "$BIN" lint "$(find "$1" -type f | sort | sed -n 1p)" --fail-on never --rules "$RULES" > /dev/null 2>&1; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

# --------------------------------------------------------------------------------------------
# compare_bench: `tenderlint compare` on generated standards and variants (scripts/make-compare-corpus.py).
compare_bench() {
  local id pair region status=0
  id=$(sha1sum scripts/make-compare-corpus.py | cut -c1-8)
  pair=$BENCH_DIR/compare100-$id region=$BENCH_DIR/region20-$id
  if [ "$keep" = 0 ] || [ ! -f "$pair/manifest.tsv" ]; then rm -rf "$pair"; python3 scripts/make-compare-corpus.py --out "$pair" --pages 100 --variants 1; fi
  if [ "$keep" = 0 ] || [ ! -f "$region/manifest.tsv" ]; then
    rm -rf "$region"; python3 scripts/make-compare-corpus.py --out "$region/all" --pages 20 --variants 20
    mkdir -p "$region/docs"; ln "$region"/all/variant-*.md "$region/docs/"; cp "$region/all/manifest.tsv" "$region/"
  fi
  local clauses; clauses=$(awk -F'\t' '$1 == "standard" {print $2}' "$pair/manifest.tsv")
  read -r pair_s _ pair_kb < <($TOOLS measure 5 -- "$BIN" compare --standard "$pair/standard.md" "$pair/variant-01.md" --fail-on never --rules "$RULES")
  read -r nolint_s _ _ < <($TOOLS measure 5 -- "$BIN" compare --standard "$pair/standard.md" "$pair/variant-01.md" --fail-on never --no-lint)
  read -r region_s _ region_kb < <($TOOLS measure 2 -- "$BIN" compare "$region/docs" --fail-on never --rules "$RULES")
  awk -v p="$pair_s" -v n="$nolint_s" -v pk="$pair_kb" -v r="$region_s" -v rk="$region_kb" -v c="$clauses" -v ld="$(load)" \
      -v rc="$(awk -F'\t' '$1 == "variant-01" {print $2}' "$region/manifest.tsv")" 'BEGIN {
    printf "compare (load average %s)\n", ld
    printf "  100 pages against 100 pages (%d numbered clauses)   %.0f ms end to end (%.0f ms with --no-lint), peak %.1f MB   [target < 1 s]\n", c, p * 1000, n * 1000, pk / 1024
    printf "  region of 20 documents (about %d numbered clauses each) %.2f s, peak %.1f MB   [target < 10 s]\n", rc, r, rk / 1024
  }'
  if awk -v p="$pair_s" -v r="$region_s" 'BEGIN{exit !(p > 1.0 || r > 10.0)}'; then
    echo "benchmark: compare above its targets (pair ${pair_s}s, region ${region_s}s)" >&2
    status=1
  fi
  return $status
}

if [ "$compare" = 1 ]; then
  compare_bench
  exit $?
fi

# --------------------------------------------------------------------------------------------
# --memory: peak resident memory of every report format on DENSE documents (default 2,000; every
# paragraph a labelled burden), one run each; fails above PEAK_LIMIT_MB (default 100).
if [ "$memory" = 1 ]; then
  count=${DENSE:-2000}
  dense=$(corpus "dense-$count" --count "$count" --formats txt --dense)
  size=$(mb "$dense/txt")
  findings=$("$BIN" lint "$dense/txt" --fail-on never --rules "$RULES" --format compact --quiet | grep -c . || true)
  echo "peak memory, $count dense documents ($size MB of text, $findings findings), $(basename "$BIN") at $(dirname "$BIN"), load $(load)"
  status=0
  for f in text compact github json jsonl sarif junit checkstyle html; do
    /usr/bin/time -f '%e %M' -o "$BENCH_DIR/memory-$f.txt" "$BIN" lint "$dense/txt" --fail-on never --rules "$RULES" --format "$f" > /dev/null
    read -r secs kb < "$BENCH_DIR/memory-$f.txt"
    mbs=$(awk -v k="$kb" 'BEGIN{printf "%.1f", k/1024}')
    printf "  %-11s %6s MB peak  %6.1f s\n" "$f" "$mbs" "$secs"
    if awk -v m="$mbs" -v l="${PEAK_LIMIT_MB:-100}" 'BEGIN{exit !(m > l)}'; then status=1; fi
  done
  [ "$status" = 0 ] || echo "benchmark: a format above ${PEAK_LIMIT_MB:-100} MB peak" >&2
  exit $status
fi

# --------------------------------------------------------------------------------------------
# identity_check: every report of the inputs below byte-identical to the reference binary's.
# The reference is named by REF_BIN (a binary) or REF_REV (a git revision, built here once).
reference_binary() {
  if [ -n "${REF_BIN:-}" ]; then echo "$REF_BIN"; return; fi
  [ -n "${REF_REV:-}" ] || return 1
  local rev src
  rev=$(git rev-parse --short "$REF_REV") || return 1
  src=$BENCH_DIR/ref-src-$rev
  if [ ! -x "$ROOT/.build-ref/release/tenderlint" ] || [ "$(cat "$ROOT/.build-ref/revision" 2>/dev/null)" != "$rev" ]; then
    rm -rf "$src"; mkdir -p "$src"
    git archive "$rev" | tar -x -C "$src"
    echo "== building the reference $rev (.build-ref)" >&2
    swift build -c release --product tenderlint --package-path "$src" --scratch-path "$ROOT/.build-ref" >&2 || return 1
    echo "$rev" > "$ROOT/.build-ref/revision"
  fi
  echo "$ROOT/.build-ref/release/tenderlint"
}
# identity_hashes BIN OUT: one line "sha256  input-set/format" per report of BIN.
identity_hashes() {
  local bin=$1 out=$2 set fmt name tmp
  tmp=$(mktemp); : > "$out"
  for set in samples generated; do
    local inputs=()
    if [ "$set" = samples ]; then
      inputs=("$ROOT"/samples/*.md "$ROOT"/samples/*.xml "$ROOT"/samples/formats)
    else
      inputs=("$ident/mixed")
    fi
    for fmt in text text-en json sarif; do
      local args=(--format "${fmt%-en}")
      [ "$fmt" = text-en ] && args+=(--lang en)
      # Exit 1 (findings) is a normal outcome here; 2 and above is not.
      local status=0
      NO_COLOR=1 "$bin" lint "${inputs[@]}" "${args[@]}" --fail-on never --rules "$RULES" > "$tmp" 2> "$tmp.err" || status=$?
      if [ "$status" -ge 2 ]; then echo "benchmark: $bin failed on $set/$fmt: $(head -1 "$tmp.err")" >&2; rm -f "$tmp" "$tmp.err"; return 1; fi
      echo "$(sha256sum < "$tmp" | cut -d' ' -f1)  $set/$fmt ($(wc -c < "$tmp") bytes)" >> "$out"
    done
  done
  rm -f "$tmp" "$tmp.err"
}
identity_check() {
  local ref ref_id inputs_id ref_hashes new_hashes
  ref=$(reference_binary) || { echo "benchmark: name a reference for the output check: REF_BIN=path or REF_REV=revision" >&2; return 2; }
  [ -x "$ref" ] || { echo "benchmark: reference $ref missing" >&2; return 2; }
  ident=$(corpus ident200 --count 200 --mixed)
  mkdir -p "$BENCH_DIR/identity"
  # The reference's hashes depend on its binary and on the inputs (samples, rules, corpus generator).
  ref_id=$(sha256sum < "$ref" | cut -c1-12)
  inputs_id=$(cat "$ROOT"/samples/*.md "$ROOT"/samples/*.xml "$ROOT"/samples/formats/* scripts/make-corpus.py \
      $(find "$RULES" -type f | sort) | sha256sum | cut -c1-12)
  ref_hashes=$BENCH_DIR/identity/ref-$ref_id-$inputs_id.sha256
  new_hashes=$BENCH_DIR/identity/new.sha256
  [ -s "$ref_hashes" ] || identity_hashes "$ref" "$ref_hashes" || return 2
  identity_hashes "$BIN" "$new_hashes" || return 2
  if cmp -s "$ref_hashes" "$new_hashes"; then
    echo "output identical to the reference ($ref, $(wc -l < "$new_hashes") reports: samples and 200 generated documents; text nl/en, json, sarif)"
    return 0
  fi
  echo "benchmark: output differs from the reference $ref:" >&2
  diff "$ref_hashes" "$new_hashes" >&2 || true
  return 1
}

if [ "$identity" = 1 ]; then
  identity_check
  exit $?
fi


# --------------------------------------------------------------------------------------------
if [ "$quick" = 1 ]; then
  one=$(corpus one10 --count 1 --pages 10 --formats txt,docx)
  c50=$(corpus c50 --count 50 --formats txt)
  read -r load_ms compile_ms < <("$BIN" rules --stats --rules "$RULES" | awk -F': ' '/^load-ms/{l=$2} /^compile-ms/{c=$2} END{print l, c}')
  read -r one_s _ one_kb < <($TOOLS measure 5 -- "$BIN" lint "$one/txt/tender-00001.txt" --fail-on never --rules "$RULES")
  one_docx="unsupported"
  if reads "$one/docx"; then
    read -r t _ _ < <($TOOLS measure 5 -- "$BIN" lint "$one/docx/tender-00001.docx" --fail-on never --rules "$RULES")
    one_docx=$(awk -v t="$t" 'BEGIN{printf "%.0f ms", t * 1000}')
  fi
  read -r c50_s _ c50_kb < <($TOOLS measure 1 -- "$BIN" lint "$c50/txt" --fail-on never --rules "$RULES")
  awk -v l="$load_ms" -v c="$compile_ms" -v o="$one_s" -v ok="$one_kb" -v d="$one_docx" \
      -v cs="$c50_s" -v ck="$c50_kb" -v mb="$(mb "$c50/txt")" -v ld="$(load)" 'BEGIN {
    printf "benchmark (quick; load average %s)\n", ld
    printf "  catalogue load + compile     %s ms + %s ms\n", l, c
    printf "  one 10-page document (txt)   %.0f ms end to end, peak %.1f MB\n", o * 1000, ok / 1024
    printf "  one 10-page document (docx)  %s\n", d
    printf "  50 documents (txt, %s MB)    %.2f s, %.1f docs/s, %.2f MB/s, peak %.1f MB\n", mb, cs, 50 / cs, mb / cs, ck / 1024
  }'
  if awk -v o="$one_s" 'BEGIN{exit !(o > 1.0)}'; then
    echo "benchmark: gross regression: one 10-page document took ${one_s}s (limit 1 s)" >&2
    exit 1
  fi
  exit 0
fi

# --------------------------------------------------------------------------------------------
for tool in hyperfine rg /usr/bin/time; do
  command -v "$tool" > /dev/null || { echo "benchmark: $tool is missing (apt-get install hyperfine ripgrep time)" >&2; exit 2; }
done
have_proselint=0
command -v proselint > /dev/null && have_proselint=1

# The output check first: figures of a binary whose reports differ from the reference's mean nothing.
identity_line="output check: no reference named (REF_BIN or REF_REV)"
if [ -n "${REF_BIN:-}${REF_REV:-}" ]; then
  echo "== output check" >&2
  identity_line=$(identity_check) || { echo "benchmark: the output check failed; no figures" >&2; exit 1; }
fi

SIZES=${SIZES:-"100 1000 10000"}
results=$BENCH_DIR/results.md
json=$BENCH_DIR/hyperfine
mkdir -p "$json"
rows=()
row() { local line="|" cell; for cell in "$@"; do line+=" $cell |"; done; rows+=("$line"); echo "$line" >&2; }
# hf NAME RUNS CMD: hyperfine mean and stddev in seconds (one warm-up run when RUNS > 2).
hf() {
  local name=$1 runs=$2 warmup=0; shift 2
  [ "$runs" -gt 2 ] && warmup=1
  hyperfine -N --warmup "$warmup" --runs "$runs" -i --export-json "$json/$name.json" --style none "$*" > /dev/null 2>&1 \
    || hyperfine --warmup "$warmup" --runs "$runs" -i --export-json "$json/$name.json" --style none "$*" > /dev/null
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.4f %.4f" % (r["mean"], r["stddev"] or 0))' "$json/$name.json"
}
# rss CMD: peak resident set size in MB.
rss() { /usr/bin/time -f '%M' -o "$BENCH_DIR/rss.txt" "$@" > /dev/null 2>&1 || true; awk '{printf "%.0f", $1 / 1024}' "$BENCH_DIR/rss.txt"; }
# timed CMD: one run; prints "seconds peak_kb".
timed() { /usr/bin/time -f '%e %M' -o "$BENCH_DIR/timed.txt" "$@" > /dev/null 2> "$BENCH_DIR/timed.err" || true; cat "$BENCH_DIR/timed.txt"; }
runs_for() { if [ "$1" -ge 10000 ]; then echo 1; elif [ "$1" -ge 1000 ]; then echo 2; else echo 5; fi; }

echo "== corpora" >&2
one=$(corpus one10 --count 1 --pages 10 --formats txt,docx,odt)
declare -A C
for n in $SIZES; do C[$n]=$(corpus "c$n" --count "$n" --mixed); done
mid=$(echo $SIZES | awk '{print ($2 != "" ? $2 : $1)}')   # the corpus of the reference runs
big=$(echo $SIZES | awk '{print $NF}')
sub=$BENCH_DIR/sub20-$gen_id                                # 20 documents, for proselint
rm -rf "$sub"; mkdir -p "$sub"
find "${C[$mid]}/txt" -type f | sort | sed -n "1,20p" | xargs -I{} ln {} "$sub/"

echo "== catalogues" >&2
for k in 2 4; do $TOOLS multiply "$RULES" "$BENCH_DIR/rules-x$k" "$k" >&2; done
$TOOLS phrases "$RULES" > "$BENCH_DIR/phrases.txt"
phrase_count=$(wc -l < "$BENCH_DIR/phrases.txt")

{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- Sources Package.swift || echo ' (with uncommitted changes)')"
  echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m); load average at start: $(load)"
  echo "binary: swift build -c release; $($BIN --version)"
  echo "$identity_line"
} > "$BENCH_DIR/header.txt"

echo "== catalogue load" >&2
for k in 1 2 4; do
  rulesdir=$RULES; [ "$k" = 1 ] || rulesdir=$BENCH_DIR/rules-x$k
  stats=$("$BIN" rules --stats --rules "$rulesdir")
  for i in 1 2 3 4; do stats=$("$BIN" rules --stats --rules "$rulesdir"); done  # warm, keep the last
  get() { echo "$stats" | awk -F': ' -v k="$1" '$1 == k {print $2}'; }
  cold=$(TENDERLINT_CACHE=off "$BIN" rules --stats --rules "$rulesdir")
  coldget() { echo "$cold" | awk -F': ' -v k="$1" '$1 == k {print $2}'; }
  read -r mean _ < <(hf "stats-x$k" 10 "$BIN" rules --stats --rules "$rulesdir")
  through=$(get load-and-compile-through-cache-ms)
  row "catalogue ×$k: load + compile ($(get rules) rules, $(get phrases) phrases)" \
      "without cache $(coldget load-ms) + $(coldget compile-ms) ms; through the caches (catalogue $(get catalogue-cache), matcher $(get compiled-cache)) ${through:-?} ms in process; \`rules --stats\` $(awk -v m="$mean" 'BEGIN{printf "%.0f", m*1000}') ms whole process" "" "" ""
done

echo "== one 10-page document" >&2
for f in txt docx odt; do
  if ! reads "$one/$f"; then row "one 10-page document ($f)" "not read by this build" "" "" ""; continue; fi
  read -r mean sd < <(hf "one-$f" 20 "$BIN" lint "$one/$f/tender-00001.$f" --fail-on never --rules "$RULES")
  row "one 10-page document ($f), catalogue load included" \
      "$(awk -v m="$mean" -v s="$sd" 'BEGIN{printf "%.0f ms ± %.0f", m*1000, s*1000}')" "" "" \
      "$(rss "$BIN" lint "$one/$f/tender-00001.$f" --fail-on never --rules "$RULES") MB"
done

echo "== corpus size (txt)" >&2
declare -A T
for n in ${TXT_SIZES:-$SIZES}; do
  dir=${C[$n]}/txt; size=$(mb "$dir")
  if [ "$(runs_for "$n")" = 1 ]; then
    # One run: time and peak memory from the same run.
    read -r mean kb < <(timed "$BIN" lint "$dir" --fail-on never --rules "$RULES"); sd=0
    peak=$(awk -v k="$kb" 'BEGIN{printf "%.0f", k/1024}')
  else
    read -r mean sd < <(hf "txt-$n" "$(runs_for "$n")" "$BIN" lint "$dir" --fail-on never --rules "$RULES")
    peak=$(rss "$BIN" lint "$dir" --fail-on never --rules "$RULES")
  fi
  T[$n]=$mean
  row "$n documents, txt ($size MB)" "$(awk -v m="$mean" -v s="$sd" 'BEGIN{printf "%.2f s ± %.2f", m, s}')" \
      "$(awk -v n="$n" -v m="$mean" 'BEGIN{printf "%.0f", n/m}')" "$(awk -v b="$size" -v m="$mean" 'BEGIN{printf "%.2f", b/m}')" \
      "$peak MB"
done

echo "== one core against two" >&2
read -r mean1 _ < <(hf "txt-$mid-j1" 1 "$BIN" lint "${C[$mid]}/txt" --fail-on never --rules "$RULES" --jobs 1)
row "$mid documents, txt, --jobs 1" "$(awk -v m="$mean1" 'BEGIN{printf "%.2f s", m}')" \
    "$(awk -v n="$mid" -v m="$mean1" 'BEGIN{printf "%.0f", n/m}')" \
    "$(awk -v b="$(mb "${C[$mid]}/txt")" -v m="$mean1" 'BEGIN{printf "%.2f", b/m}')" \
    "speed-up with $(nproc) jobs: $(awk -v a="$mean1" -v b="${T[$mid]}" 'BEGIN{printf "%.2f×", a/b}')"

echo "== formats" >&2
for f in docx odt; do
  dir=${C[$mid]}/$f
  if ! reads "$dir"; then row "$mid documents, $f" "not read by this build" "" "" ""; continue; fi
  read -r mean kb < <(timed "$BIN" lint "$dir" --fail-on never --rules "$RULES")
  size=$(mb "${C[$mid]}/txt")
  row "$mid documents, $f ($(mb "$dir") MB of $f, $size MB text)" "$(awk -v m="$mean" 'BEGIN{printf "%.2f s", m}')" \
      "$(awk -v n="$mid" -v m="$mean" 'BEGIN{printf "%.0f", n/m}')" "$(awk -v b="$size" -v m="$mean" 'BEGIN{printf "%.2f", b/m}')" \
      "$(awk -v k="$kb" 'BEGIN{printf "%.0f", k/1024}') MB"
done
dir=${C[$big]}/mixed
/usr/bin/time -f '%e %M' -o "$BENCH_DIR/mixed.txt" "$BIN" lint "$dir" --fail-on never --rules "$RULES" > /dev/null 2> "$BENCH_DIR/mixed.err" || true
read -r secs kb < "$BENCH_DIR/mixed.txt"
unread=$(grep -c . "$BENCH_DIR/mixed.err" || true)
row "$big documents, mixed txt/docx/odt ($unread not read by this build)" "$(awk -v m="$secs" 'BEGIN{printf "%.1f s", m}')" \
    "$(awk -v n="$big" -v m="$secs" 'BEGIN{printf "%.0f", n/m}')" "" "$(awk -v k="$kb" 'BEGIN{printf "%.0f MB", k/1024}')"

echo "== dense findings" >&2
# Every paragraph a labelled burden (DENSE documents, default 2,000): the per-finding work and the
# report writers weigh here; every report format once, time and peak memory from the same run.
dcount=${DENSE:-2000}
dense=$(corpus "dense-$dcount" --count "$dcount" --formats txt --dense)
dsize=$(mb "$dense/txt")
dfindings=$("$BIN" lint "$dense/txt" --fail-on never --rules "$RULES" --format compact --quiet | grep -c . || true)
for f in ${DENSE_FORMATS:-text compact github json jsonl sarif junit checkstyle html}; do
  read -r secs kb < <(timed "$BIN" lint "$dense/txt" --fail-on never --rules "$RULES" --format "$f")
  row "$dcount dense documents ($dsize MB, $dfindings findings), --format $f" "$(awk -v m="$secs" 'BEGIN{printf "%.1f s", m}')" \
      "$(awk -v n="$dcount" -v m="$secs" 'BEGIN{printf "%.0f", n/m}')" "$(awk -v b="$dsize" -v m="$secs" 'BEGIN{printf "%.2f", b/m}')" \
      "$(awk -v k="$kb" 'BEGIN{printf "%.0f MB", k/1024}')"
done

echo "== rule count" >&2
for k in 2 4; do
  read -r mean sd < <(hf "txt-$mid-x$k" 1 "$BIN" lint "${C[$mid]}/txt" --fail-on never --rules "$BENCH_DIR/rules-x$k")
  row "$mid documents, txt, catalogue ×$k" "$(awk -v m="$mean" -v s="$sd" 'BEGIN{printf "%.2f s ± %.2f", m, s}')" \
      "$(awk -v n="$mid" -v m="$mean" 'BEGIN{printf "%.0f", n/m}')" \
      "$(awk -v b="$(mb "${C[$mid]}/txt")" -v m="$mean" 'BEGIN{printf "%.2f", b/m}')" \
      "$(awk -v a="$mean" -v b="${T[$mid]}" 'BEGIN{printf "%.2f× the time of ×1", a/b}')"
done

echo "== reference runs" >&2
dir=${C[$mid]}/txt; size=$(mb "$dir")
read -r rg_i _ < <(hf "rg-i-$mid" 5 rg -i -F -c -f "$BENCH_DIR/phrases.txt" "$dir")
row "ripgrep -i, $phrase_count phrases as fixed strings, $mid documents" "$(awk -v m="$rg_i" 'BEGIN{printf "%.2f s", m}')" \
    "$(awk -v n="$mid" -v m="$rg_i" 'BEGIN{printf "%.0f", n/m}')" "$(awk -v b="$size" -v m="$rg_i" 'BEGIN{printf "%.2f", b/m}')" \
    "tenderlint / ripgrep: $(awk -v a="${T[$mid]}" -v b="$rg_i" 'BEGIN{printf "%.2f×", a/b}')"
lower=$BENCH_DIR/lower-$mid-$gen_id
if [ ! -d "$lower" ] || [ "$keep" = 0 ]; then
  rm -rf "$lower"; mkdir -p "$lower"
  for f in "$dir"/*.txt; do tr 'A-Z' 'a-z' < "$f" > "$lower/${f##*/}"; done
fi
read -r rg_l _ < <(hf "rg-lower-$mid" 5 rg -F -c -f "$BENCH_DIR/phrases.txt" "$lower")
row "ripgrep, same phrases, on text lower-cased beforehand (case-sensitive literal search)" "$(awk -v m="$rg_l" 'BEGIN{printf "%.2f s", m}')" \
    "$(awk -v n="$mid" -v m="$rg_l" 'BEGIN{printf "%.0f", n/m}')" "$(awk -v b="$size" -v m="$rg_l" 'BEGIN{printf "%.2f", b/m}')" \
    "tenderlint / ripgrep: $(awk -v a="${T[$mid]}" -v b="$rg_l" 'BEGIN{printf "%.2f×", a/b}')"
subsize=$(mb "$sub")
read -r tl_sub _ < <(hf "txt-sub20" 5 "$BIN" lint "$sub" --fail-on never --rules "$RULES")
row "20 documents, txt ($subsize MB), tenderlint" "$(awk -v m="$tl_sub" 'BEGIN{printf "%.2f s", m}')" \
    "$(awk -v m="$tl_sub" 'BEGIN{printf "%.0f", 20/m}')" "$(awk -v b="$subsize" -v m="$tl_sub" 'BEGIN{printf "%.2f", b/m}')" ""
if [ "$have_proselint" = 1 ]; then
  read -r ps _ < <(hf "proselint-sub20" 2 proselint check "$sub"/*.txt)
  row "20 documents, txt, proselint $(pip show proselint 2>/dev/null | awk '/^Version/{print $2}')" "$(awk -v m="$ps" 'BEGIN{printf "%.2f s", m}')" \
      "$(awk -v m="$ps" 'BEGIN{printf "%.1f", 20/m}')" "$(awk -v b="$subsize" -v m="$ps" 'BEGIN{printf "%.3f", b/m}')" \
      "proselint / tenderlint: $(awk -v a="$ps" -v b="$tl_sub" 'BEGIN{printf "%.0f×", a/b}')"
else
  row "proselint" "not installed (pip install proselint)" "" "" ""
fi

echo "== compare" >&2
compare_bench > "$BENCH_DIR/compare.txt" || true
while read -r line; do row "compare: $line" "" "" "" ""; done < <(sed -n '2,$p' "$BENCH_DIR/compare.txt" | sed 's/^  //; s/   */ /g')

{
  cat "$BENCH_DIR/header.txt"
  echo "load average at end: $(load)"
  echo
  echo "| case | time | docs/s | MB/s | peak memory / ratio |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} | tee "$results"
echo "(written to $results)" >&2
