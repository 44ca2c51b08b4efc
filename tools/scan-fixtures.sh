#!/usr/bin/env bash
# Makes the scanned fixtures of corpus/scan/ from the born-digital PDF fixtures of corpus/pdf/: pages rendered
# with pdftoppm, degraded deterministically with ImageMagick (rotation up to 1.5°, 150/200/300 dpi, JPEG quality
# 40–80, seeded noise, a red seal over text, one bilevel CCITT page), then wrapped into image-only PDFs or written as image files.
# corpus/scan/MANIFEST.tsv names each fixture's born-digital twin and the cells it is expected to flag; the
# tests (tests/ReportParser.Tests/Ocr) read the committed files, CI does not need the tools.
# Debian 12 packages: apt-get install -y --no-install-recommends poppler-utils imagemagick
# Usage: tools/scan-fixtures.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
pdf="$root/corpus/pdf"
out="$root/corpus/scan"
for t in pdftoppm convert identify; do
  command -v "$t" >/dev/null || { echo "missing '$t': see the apt-get line at the top of $0" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# render SRC DPI PREFIX: grey PNG pages PREFIX-1.png …
render() { pdftoppm -r "$2" -gray -png "$1" "$work/$3"; }

# seal IMAGE X Y: a red seal (ring, inner ring and star) centred at X,Y (fractions of the page), radius 7% of the width.
seal() {
  local w h cx cy r
  w=$(identify -format %w "$1"); h=$(identify -format %h "$1")
  cx=$(awk -v w="$w" -v f="$2" 'BEGIN { printf "%d", w * f }'); cy=$(awk -v h="$h" -v f="$3" 'BEGIN { printf "%d", h * f }')
  r=$(awk -v w="$w" 'BEGIN { printf "%d", w * 0.07 }')
  local star
  star=$(awk -v cx="$cx" -v cy="$cy" -v r="$r" 'BEGIN { pi = atan2(0, -1); for (i = 0; i < 10; i++) { a = -pi / 2 + i * pi / 5; q = (i % 2 == 0) ? r * 0.35 : r * 0.14; printf "%d,%d ", cx + q * cos(a), cy + q * sin(a) } }')
  convert "$1" -colorspace sRGB -fill none -stroke 'rgb(215,40,45)' -strokewidth "$((r / 12 + 2))" \
    -draw "circle $cx,$cy $((cx + r)),$cy" -strokewidth "$((r / 30 + 1))" -draw "circle $cx,$cy $((cx + r * 8 / 10)),$cy" \
    -stroke none -fill 'rgba(215,40,45,0.85)' -draw "polygon $star" "$1"
}

# degrade IMAGE ANGLE SEED [NOISE]: rotation (white corners) and seeded Gaussian noise (attenuation 0.25 by default).
degrade() {
  convert "$1" -background white -rotate "$2" -seed "$3" -attenuate "${4:-0.25}" +noise Gaussian "$1"
}

# to_pdf DPI QUALITY OUT IMAGES…: an image-only PDF, one JPEG per page. Debian's ImageMagick policy forbids the
# PDF coder; the PDFA coder is not listed and writes the same image-only PDF.
to_pdf() {
  local dpi=$1 q=$2 o=$3; shift 3
  convert "$@" -compress jpeg -quality "$q" -density "$dpi" -units PixelsPerInch "PDFA:$o"
}

# 1. The 2021 report at 200 dpi: rotated 0.7°, noise, JPEG quality 60, a red seal over the signature and one
#    over the edge of table 四.
render "$pdf/qingshan-transport-2021-chromium.pdf" 200 qs200
seal "$work/qs200-3.png" 0.86 0.66
seal "$work/qs200-3.png" 0.93 0.17
for i in 1 2 3; do degrade "$work/qs200-$i.png" 0.7 "$i"; done
to_pdf 200 60 "$out/qingshan-transport-2021-scan200.pdf" "$work"/qs200-{1,2,3}.png

# 2. The 2019 report at 150 dpi: rotated −1.2°, noise, JPEG quality 45.
render "$pdf/baihe-county-gov-2019-chromium.pdf" 150 bh150
for f in "$work"/bh150-*.png; do degrade "$f" -1.2 7; done
to_pdf 150 45 "$out/baihe-county-gov-2019-scan150.pdf" "$work"/bh150-*.png

# 3. The 2021 report at 300 dpi as one long JPEG (pages stacked, as page photos and web long images come):
#    rotated 0.5°, light noise, JPEG quality 55 (a noisier or finer JPEG of this size is several MB).
render "$pdf/qingshan-transport-2021-chromium.pdf" 300 qs300
convert "$work"/qs300-{1,2,3}.png -append "$work/qs300.png"
degrade "$work/qs300.png" 0.5 11 0.08
convert "$work/qs300.png" -quality 55 "$out/qingshan-transport-2021-long300.jpg"

# 4. The 2019 report at 150 dpi as one long PNG (grey, 16 levels), not rotated.
render "$pdf/baihe-county-gov-2019-chromium.pdf" 150 bhpng
convert "$work"/bhpng-*.png -append -colors 16 "$out/baihe-county-gov-2019-long150.png"

# 5. Damaged digits, page 2 of the 2021 report at 200 dpi (quality 70): the first digit of 8.属于行政查询事项's
#    总计 (1196) painted white, and the first digit of 1.本机关不掌握相关政府信息's 自然人 (99) smudged grey.
render "$pdf/qingshan-transport-2021-chromium.pdf" 200 dmg
cp "$work/dmg-2.png" "$work/erased.png"
convert "$work/erased.png" -fill white -stroke none -draw "rectangle 1408,1270 1423,1312" "$work/erased.png"
to_pdf 200 70 "$out/qingshan-transport-2021-erased-digit.pdf" "$work/erased.png"
cp "$work/dmg-2.png" "$work/smudged.png"
convert "$work/smudged.png" -fill 'gray(45%)' -stroke none -draw "rectangle 866,1348 880,1360" "$work/smudged.png"
to_pdf 200 70 "$out/qingshan-transport-2021-smudged-digit.pdf" "$work/smudged.png"

# 6. One bilevel page (CCITT G4 in the PDF, as office scanners write): page 2 of the 2021 report at 200 dpi.
convert "$work/dmg-2.png" -threshold 60% -monochrome -compress Group4 -density 200 -units PixelsPerInch "PDFA:$out/qingshan-transport-2021-ccitt.pdf"

# 7. Tables as pictures in an HTML page: the three page JPEGs of the 200-dpi scan (1), exactly as stored in it, beside
#    qingshan-transport-2021-img.html (committed by hand: a title, a logo too small to read, and the three <img>).
mkdir -p "$out/images"
pdfimages -j "$out/qingshan-transport-2021-scan200.pdf" "$work/img"
for n in 1 2 3; do cp "$work/img-00$((n - 1)).jpg" "$out/images/qingshan-transport-2021-page$n.jpg"; done

ls -l "$out"
