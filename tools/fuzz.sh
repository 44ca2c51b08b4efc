#!/usr/bin/env bash
# Coverage-guided fuzzing of ReportParser with AFL++ and SharpFuzz, or a plain mutation loop without AFL.
#
#   tools/fuzz.sh [--minutes N] [--out DIR] [--seeds DIR]... [--deps] [--mutate] [--no-install]
#
#   --minutes N    how long to fuzz (default 10)
#   --out DIR      work directory: instrumented build, seeds, AFL findings (default artifacts/fuzz)
#   --seeds DIR    more seed documents besides corpus/ (repeatable)
#   --deps         also instrument Sprache, AngleSharp and PdfPig (slower executions, more coverage)
#   --mutate       skip AFL: run the harness's own mutation loop (--mutate corpus --seconds N*60)
#   --no-install   do not install afl++ or the SharpFuzz tool; expect them on PATH / in the tool path
#
# Environment: FUZZ_TIMEOUT_MS (per-input timeout, default 10000), FUZZ_SEED (mutation mode seed).
# Not run in CI. See docs/fuzzing.md.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
minutes=10
out="$root/artifacts/fuzz"
deps=0
mode=afl
install=1
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --seeds) extra+=("$2"); shift 2 ;;
    --deps) deps=1; shift ;;
    --mutate) mode=mutate; shift ;;
    --no-install) install=0; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
timeout_ms="${FUZZ_TIMEOUT_MS:-10000}"
sharpfuzz_version=2.3.0
tools="$out/tools"
bin="$out/bin"
mkdir -p "$out"

echo "== build (Release) into $bin"
rm -rf "$bin"
dotnet build "$root/tools/ReportParser.Fuzz/ReportParser.Fuzz.csproj" -c Release -o "$bin" -nologo -v q

seeds="$out/seeds"
rm -rf "$seeds"
mkdir -p "$seeds"
# Every document of the corpus (text, HTML, PDF: whatever exists), small ones only: AFL slows down on big inputs.
n=0
while IFS= read -r -d '' f; do
  size=$(stat -c %s "$f")
  if [ "$size" -gt 0 ] && [ "$size" -le 262144 ]; then
    cp "$f" "$seeds/$(printf '%03d' $n)-$(basename "$f")"
    n=$((n + 1))
  fi
done < <(find "$root/corpus" "${extra[@]}" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' -o -name '*.htm' -o -name '*.pdf' \) -print0 | sort -z)
echo "== $n seed files from corpus/ ${extra[*]}"
[ "$n" -gt 0 ] || { echo "no seeds under corpus/" >&2; exit 1; }

if [ "$mode" = mutate ]; then
  echo "== mutation loop for $minutes min (no AFL)"
  set +e
  dotnet "$bin/ReportParser.Fuzz.dll" --mutate "$seeds" --seconds $((minutes * 60)) --out "$out/mutate" \
    ${FUZZ_SEED:+--seed "$FUZZ_SEED"} --hang-seconds $((timeout_ms / 1000))
  rc=$?
  set -e
  echo "== findings in $out/mutate:"
  ls -1 "$out/mutate" 2>/dev/null || true
  exit $rc
fi

if [ "$install" = 1 ]; then
  if ! command -v afl-fuzz >/dev/null; then
    echo "== installing afl++"
    if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq afl++; else sudo apt-get update -qq && sudo apt-get install -y -qq afl++; fi
  fi
  if [ ! -x "$tools/sharpfuzz" ]; then
    echo "== installing SharpFuzz.CommandLine $sharpfuzz_version into $tools"
    dotnet tool install SharpFuzz.CommandLine --version "$sharpfuzz_version" --tool-path "$tools"
  fi
fi
command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: install afl++ or use --mutate" >&2; exit 1; }
sharpfuzz="$tools/sharpfuzz"
[ -x "$sharpfuzz" ] || sharpfuzz="$(command -v sharpfuzz || true)"
[ -n "$sharpfuzz" ] || { [ -x "$HOME/.dotnet/tools/sharpfuzz" ] && sharpfuzz="$HOME/.dotnet/tools/sharpfuzz"; } || true
[ -n "$sharpfuzz" ] || { echo "sharpfuzz tool not found" >&2; exit 1; }

echo "== instrumenting"
libs=(ReportParser.dll)
[ "$deps" = 1 ] && libs+=(Sprache.dll AngleSharp.dll UglyToad.PdfPig*.dll)
for pattern in "${libs[@]}"; do
  for dll in "$bin"/$pattern; do
    [ -f "$dll" ] || continue
    echo "   $(basename "$dll")"
    "$sharpfuzz" "$dll"
  done
done

findings="$out/findings"
# A previous run's findings are kept; AFL resumes from them when asked with AFL_AUTORESUME.
export AFL_SKIP_BIN_CHECK=1            # the target is the dotnet host, not an AFL-compiled binary
export AFL_SKIP_CPUFREQ=1
export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export AFL_NO_UI=1
export AFL_AUTORESUME=1
export AFL_FAST_CAL=1
dict=()
[ -f "$bin/report.dict" ] && dict=(-x "$bin/report.dict")
echo "== afl-fuzz for $minutes min (timeout ${timeout_ms} ms per input)"
set +e
afl-fuzz -i "$seeds" -o "$findings" -t "$timeout_ms" -m none -V $((minutes * 60)) "${dict[@]}" \
  -- dotnet "$bin/ReportParser.Fuzz.dll" --afl
rc=$?
set -e
stats="$findings/default/fuzzer_stats"
if [ -f "$stats" ]; then
  echo "== stats"
  grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|bitmap_cvg|stability)' "$stats" || true
fi
echo "== crashes"
ls -1 "$findings"/default/crashes/id:* 2>/dev/null || echo "   none"
echo "== hangs"
ls -1 "$findings"/default/hangs/id:* 2>/dev/null || echo "   none"
if ls "$findings"/default/crashes/id:* >/dev/null 2>&1; then
  echo "== reproducing crashes (stacks)"
  dotnet "$bin/ReportParser.Fuzz.dll" --run "$findings"/default/crashes || true
fi
exit $rc
