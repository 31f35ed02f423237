#!/usr/bin/env bash
# Regenerates the committed font subsets in web/fonts/ from the `geist` npm package.
#
#   bash scripts/subset-fonts.sh        (after `npm ci`; needs python3 and PyPI)
#
# The full Geist files weigh 69 KB (sans, variable) and 50 KB (mono) and cover Latin,
# Cyrillic, Greek and Vietnamese. The site is Indonesian and English, so each file keeps
# Basic Latin, Latin-1 and the punctuation, arrows and check mark the pages use; the sans
# keeps only the weights the pages use (400-700, still one variable file). Anything outside
# the subset still renders, in the fallback font. Run this again when the geist package is
# upgraded or when the site starts using characters outside the list below (the script
# prints every character of messages/*.json, lib/, app/ and components/ that a subset lacks).
#
# The build does not run this: it uses the committed files, so `npm ci && npm run build`
# needs no Python. Geist is under the SIL Open Font License (fonts/OFL.txt; no reserved
# font name), which allows subsets.
set -euo pipefail
WEB="$(cd "$(dirname "$0")/.." && pwd)"
SRC="$WEB/node_modules/geist/dist/fonts"
DST="$WEB/fonts"
[ -d "$SRC" ] || { echo "subset-fonts: run npm ci first ($SRC missing)" >&2; exit 1; }

# Fixed timestamps (fontTools honours SOURCE_DATE_EPOCH): the same input gives the same bytes.
export SOURCE_DATE_EPOCH=1700000000
VENV="$(mktemp -d "${TMPDIR:-/tmp}/satu-fonts.XXXXXX")"
trap 'rm -rf "$VENV"' EXIT
python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet --disable-pip-version-check "fonttools==4.68.0" "brotli==1.2.1"

# Basic Latin, Latin-1, dashes, quotes, bullet, ellipsis, guillemets, euro, trade mark,
# arrows, minus, check mark.
UNICODES="U+0020-007E,U+00A0-00FF,U+2013-2014,U+2018-201D,U+2022,U+2026,U+2039-203A,U+20AC,U+2122,U+2190-2193,U+2212,U+2713"
# Kerning, ligatures, contextual forms, marks, tabular figures (prices), case forms.
FEATURES="kern,liga,calt,ccmp,locl,mark,mkmk,tnum,case"
subset() {
  "$VENV/bin/pyftsubset" "$1" --unicodes="$UNICODES" --layout-features="$FEATURES" \
    --flavor=woff2 --no-hinting --output-file="$2"
}

mkdir -p "$DST"
# Sans: limit the weight axis to 400-700 (regular, medium, semibold, and bold for <strong>).
"$VENV/bin/fonttools" varLib.instancer -q "$SRC/geist-sans/Geist-Variable.ttf" "wght=400:700" -o "$VENV/sans.ttf"
subset "$VENV/sans.ttf" "$DST/geist-sans-latin.woff2"
subset "$SRC/geist-mono/GeistMono-Regular.ttf" "$DST/geist-mono-latin.woff2"
cp "$WEB/node_modules/geist/LICENSE.txt" "$DST/OFL.txt"

# Report characters the pages use that the subsets do not have.
"$VENV/bin/python" - "$WEB" "$DST" "$SRC" <<'PY'
import pathlib, sys
from fontTools.ttLib import TTFont
web, dst, src = map(pathlib.Path, sys.argv[1:4])
originals = {"geist-sans-latin.woff2": src / "geist-sans/Geist-Variable.woff2", "geist-mono-latin.woff2": src / "geist-mono/GeistMono-Regular.woff2"}
used = set()
for p in [*web.glob("messages/*.json"), *web.glob("lib/*.ts"), *web.glob("components/**/*.tsx"), *web.glob("app/**/*.tsx")]:
    used |= {c for c in p.read_text(encoding="utf-8") if ord(c) > 0x7E}
for name in ("geist-sans-latin.woff2", "geist-mono-latin.woff2"):
    cmap = TTFont(dst / name).getBestCmap()
    full = TTFont(originals[name]).getBestCmap()
    # Characters Geist itself lacks (e.g. U+2713) come from the fallback font either way.
    missing = sorted(c for c in used if ord(c) not in cmap and ord(c) in full)
    size = (dst / name).stat().st_size
    print(f"{name}: {size} bytes" + (f"; not covered: {' '.join(f'U+{ord(c):04X}' for c in missing)}" if missing else ""))
PY
