#!/usr/bin/env bash
# Renders the PDF fixtures of corpus/pdf/ from the HTML sources in corpus/pdf/src/ (written, together with
# their tab-separated text twins, by tools/pdf-fixture-sources.py). The tests read the committed PDFs; CI
# does not need the renderers.
# Debian 12 packages:
#   apt-get install -y --no-install-recommends chromium libreoffice-writer-nogui fonts-wqy-zenhei \
#       fonts-noto-cjk qpdf poppler-utils imagemagick
# Usage: tools/render-fixtures.sh            (about 30 s on 2 cores)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/corpus/pdf"
src="$out/src"
for t in chromium soffice qpdf convert pdftoppm python3; do
  command -v "$t" >/dev/null || { echo "missing '$t': see the apt-get line at the top of $0" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home"            # LibreOffice wants a writable profile
mkdir -p "$HOME"

python3 "$root/tools/pdf-fixture-sources.py" "$root"

# LibreOffice's HTML import takes only the first family of a CSS font list: map the government font
# names onto an installed CJK font with fontconfig aliases.
cat > "$work/fonts.conf" <<XML
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
$(for f in 仿宋_GB2312 FangSong 方正小标宋简体 黑体 SimHei 楷体_GB2312 KaiTi 宋体 SimSun; do
    echo "  <alias binding=\"same\"><family>$f</family><prefer><family>WenQuanYi Zen Hei</family></prefer></alias>"; done)
</fontconfig>
XML

chrome() { # $1 = html, $2 = pdf. --no-pdf-header-footer keeps the file path and date out of the page.
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
    --no-pdf-header-footer --print-to-pdf="$2" "file://$1" >/dev/null 2>&1
  test -s "$2"
}
lo() { # $1 = html, $2 = pdf
  local d="$work/lo.$RANDOM"
  FONTCONFIG_FILE="$work/fonts.conf" soffice --headless --infilter="HTML (StarWriter)" \
    --convert-to pdf:writer_pdf_Export --outdir "$d" "$1" >/dev/null 2>&1
  mv "$d/$(basename "${1%.*}").pdf" "$2"
}

for html in "$src"/*-20[0-9][0-9].html; do
  slug=$(basename "${html%.html}")
  chrome "$html" "$out/$slug-chromium.pdf"
  lo "$html" "$out/$slug-libreoffice.pdf"
done

# Table 三 without ruling lines, zeros left blank (columns come from the header's positions): Chromium only.
chrome "$src/songlin-market-2021-sparse.html" "$out/songlin-market-2021-sparse-chromium.pdf"

# A PDF that is not a disclosure report (a hand-written notice).
chrome "$src/not-a-report.html" "$out/not-a-report.pdf"

# A scanned page (image only, no text layer): page 1 of the 2021 Chromium PDF as a grey JPEG.
# Debian's ImageMagick policy forbids the PDF coder; the PDFA coder is not listed and writes an image-only PDF.
pdftoppm -r 100 -gray -f 1 -l 1 -png "$out/qingshan-transport-2021-chromium.pdf" "$work/scan"
convert "$work"/scan-1.png -quality 60 -compress jpeg -density 100 -units PixelsPerInch "PDFA:$out/scanned-image-only.pdf"
# Encrypted: with a user password (cannot be opened) and with an owner password only (opens and parses).
qpdf --encrypt secret owner 256 -- "$out/baihe-county-gov-2019-chromium.pdf" "$out/encrypted-userpw.pdf"
qpdf --encrypt "" owner 256 -- "$out/baihe-county-gov-2019-chromium.pdf" "$out/encrypted-ownerpw-only.pdf"
ls -l "$out"/*.pdf
