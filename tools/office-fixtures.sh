#!/usr/bin/env bash
# Converts the HTML fixtures (corpus/html/*.html and the report sources in corpus/pdf/src/) to office
# formats with LibreOffice, into corpus/docx, corpus/doc, corpus/odt, corpus/rtf, corpus/xlsx, corpus/xls
# and corpus/ods. Each output is the twin of its HTML source (same file stem) and must give the same
# values (tests/ReportParser.Tests/Input/OfficeTwinTests.cs). The tests read the committed files; CI does
# not need LibreOffice (the tests of converted formats skip without it).
# Debian 12 packages:
#   apt-get install -y --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui
# Usage: tools/office-fixtures.sh        (about 1 minute on 2 cores)
# The exact conversion command for each file is printed as it runs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
command -v soffice >/dev/null || { echo "missing 'soffice': see the apt-get line at the top of $0" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
profile="file://$work/profile"

sources=("$root"/corpus/html/*.html "$root"/corpus/pdf/src/baihe-county-gov-2019.html "$root"/corpus/pdf/src/qingshan-transport-2021.html)

convert() { # convert <infilter> <target[:filter]> <outdir> <file>
  mkdir -p "$3"
  local cmd=(soffice "-env:UserInstallation=$profile" --headless --norestore "--infilter=$1" --convert-to "$2" --outdir "$3" "$4")
  echo "${cmd[*]}"
  "${cmd[@]}" > /dev/null 2>&1
}

for f in "${sources[@]}"; do
  convert "HTML (StarWriter)" "docx:MS Word 2007 XML" "$root/corpus/docx" "$f"
  convert "HTML (StarWriter)" "doc:MS Word 97" "$root/corpus/doc" "$f"
  convert "HTML (StarWriter)" "odt:writer8" "$root/corpus/odt" "$f"
  convert "HTML (StarWriter)" "rtf:Rich Text Format" "$root/corpus/rtf" "$f"
  # Calc's HTML import scrambles the 四 table of the portal page (it pulls the following headings and
  # prose into the table's rows): that page has no workbook twins.
  case "$f" in */portal-county-bureau-2021.html) continue ;; esac
  convert "HTML (StarCalc)" "xlsx:Calc MS Excel 2007 XML" "$root/corpus/xlsx" "$f"
  convert "HTML (StarCalc)" "xls:MS Excel 97" "$root/corpus/xls" "$f"
  convert "HTML (StarCalc)" "ods:calc8" "$root/corpus/ods" "$f"
done
ls -l "$root"/corpus/{docx,doc,odt,rtf,xlsx,xls,ods}
