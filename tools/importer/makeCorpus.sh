#!/usr/bin/env bash
# Builds the importer corpus in tests/fixtures/importer/ from the seed documents in tests/fixtures/seeds/:
# each seed as .docx (pandoc from an HTML rendering of its tables, laid out as a printed SOP), as a PDF with a text
# layer (LibreOffice from that .docx) and as a scanned-looking image-only PDF (pages rendered in grey, turned by
# 1–2 degrees, with noise, saved as JPEG). The outputs are committed, so CI never needs pandoc or LibreOffice.
#
# Needs (Debian): pandoc libreoffice-writer-nogui poppler-utils imagemagick. Run from anywhere:
#   bash tools/importer/makeCorpus.sh            # every document and the error fixtures
#   bash tools/importer/makeCorpus.sh NAME…      # only these documents (names as in CORPUS below); others untouched
set -euo pipefail
cd "$(dirname "$0")/../.."

SEEDS=tests/fixtures/seeds
OUT=tests/fixtures/importer
CONVERT=${CONVERT:-/usr/bin/convert} # Debian's ImageMagick (a stand-in `convert` may come earlier on PATH)
SCAN_DPI=150
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"

for tool in pandoc soffice pdftoppm "$CONVERT"; do
  command -v "$tool" >/dev/null || { echo "makeCorpus: $tool tidak terpasang (apt-get install pandoc libreoffice-writer-nogui poppler-utils imagemagick)" >&2; exit 1; }
done

# name | seed file | first line | last line (the Bangkalan excerpt: the first three service standards)
CORPUS=(
  "kutai-kartanegara-sop-2025|kutai-kartanegara-sop-2025.md|1|100000"
  "bangkalan-standar-pelayanan-2025-cuplikan|bangkalan-standar-pelayanan-2025.md|151|245"
  "bengkayang-sop-pjrs-2026|bengkayang-sop-pjrs-2026.md|1|100000"
  "bangkalan-daftar-sop-2025|bangkalan-daftar-sop-2025.txt|1|100000"
  "bangkalan-standar-pelayanan-2025|bangkalan-standar-pelayanan-2025.md|1|100000"
)

for entry in "${CORPUS[@]}"; do
  IFS='|' read -r name seed from to <<<"$entry"
  if [ $# -gt 0 ] && [[ " $* " != *" $name "* ]]; then continue; fi
  echo "== $name"
  npx tsx tools/importer/seedToHtml.ts "$SEEDS/$seed" --from "$from" --to "$to" >"$WORK/$name.html"
  pandoc -f html "$WORK/$name.html" -o "$OUT/$name.docx"
  npx tsx tools/importer/docxLayout.ts "$OUT/$name.docx"
  soffice --headless --convert-to pdf --outdir "$WORK" "$OUT/$name.docx" >/dev/null 2>&1
  cp "$WORK/$name.pdf" "$OUT/$name.pdf"

  # The scan: grey pages, each turned a little (alternating direction, as a hand-fed scanner does), with noise.
  pdftoppm -r "$SCAN_DPI" -gray "$OUT/$name.pdf" "$WORK/$name-page"
  pages=()
  index=0
  for page in "$WORK/$name-page"-*.pgm; do
    angles=(1.2 -1.6 0.8 -1.0 1.8)
    angle=${angles[$((index % ${#angles[@]}))]}
    "$CONVERT" "$page" -background white -rotate "$angle" -attenuate 0.3 +noise Gaussian \
      -blur 0x0.4 -quality 32 -sampling-factor 4:2:0 "$page.jpg"
    pages+=("$page.jpg")
    index=$((index + 1))
  done
  npx tsx tools/importer/jpegsToPdf.ts "$SCAN_DPI" "$OUT/$name.scan.pdf" "${pages[@]}"
done

# Error fixtures for the readers' tests: an empty file, a corrupt PDF, a password-protected PDF.
if [ $# -gt 0 ]; then exit 0; fi
: >"$OUT/kosong.pdf"
head -c 2000 "$OUT/bangkalan-standar-pelayanan-2025-cuplikan.pdf" >"$OUT/rusak.pdf"
if command -v qpdf >/dev/null; then
  qpdf --encrypt rahasia rahasia 256 -- "$OUT/bangkalan-standar-pelayanan-2025-cuplikan.pdf" "$OUT/bersandi.pdf"
fi
ls -la "$OUT"
du -sh "$OUT"
