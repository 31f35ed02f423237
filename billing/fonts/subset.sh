#!/usr/bin/env bash
# Regenerates the invoice fonts (billing/fonts/DejaVuSans-Latin*.ttf) from DejaVu Sans
# (Debian's fonts-dejavu-core). printpdf embeds a font whole unless its heavy `text_layout`
# feature is on, so the committed files keep only what invoices print: Basic Latin, Latin-1,
# Latin Extended-A (Indonesian and most European names), dashes, quotes, bullet, ellipsis,
# euro. Each invoice PDF then carries ~40 KB of font instead of ~1.4 MB. DejaVu's licence
# (LICENSE-DejaVu.txt, Bitstream Vera terms) allows modified copies under another name.
#   bash billing/fonts/subset.sh     (needs python3 and PyPI)
set -euo pipefail
DIR="$(cd "$(dirname "$0")" && pwd)"
SRC="${DEJAVU_DIR:-/usr/share/fonts/truetype/dejavu}"
export SOURCE_DATE_EPOCH=1700000000
VENV="$(mktemp -d "${TMPDIR:-/tmp}/satu-fonts.XXXXXX")"
trap 'rm -rf "$VENV"' EXIT
python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet --disable-pip-version-check "fonttools==4.68.0"
UNICODES="U+0020-007E,U+00A0-017F,U+2013-2014,U+2018-201E,U+2022,U+2026,U+20AC"
for face in "DejaVuSans:DejaVuSans-Latin" "DejaVuSans-Bold:DejaVuSans-Latin-Bold"; do
  "$VENV/bin/pyftsubset" "$SRC/${face%%:*}.ttf" --unicodes="$UNICODES" \
    --layout-features='kern,liga' --name-IDs='*' --no-hinting --output-file="$DIR/${face##*:}.ttf"
done
ls -l "$DIR"/DejaVuSans-Latin*.ttf
