#!/usr/bin/env bash
# Scans of an adversarial hunt (independent of scripts/samples-scanned.ts): born-digital samples rasterised by
# pdftoppm and soiled with ImageMagick in ways the committed scans are not (bold or faded print, perspective,
# coloured paper, 2–2.5° turns, unruled tables). Writes tests/fixtures/scans-unseen/<stem>.{pdf,png} and
# <stem>.twin (the sample whose truth file applies). Deterministic: ImageMagick noise is seeded.
# Needs poppler-utils, imagemagick, img2pdf.  Run from the repository root: bash scripts/regressions/make-scan-hunt.sh
set -euo pipefail
S=samples
OUT=tests/fixtures/scans-unseen
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
mkdir -p "$OUT"

# render <twin> <dpi> <gray|color> -> $W/<twin>-<dpi>-N.png
render() {
  local twin=$1 dpi=$2 mode=$3 flag=-gray
  [ "$mode" = color ] && flag=""
  pdftoppm -r "$dpi" $flag -png "$S/$twin.pdf" "$W/$twin-$dpi"
}
pages() { ls "$W/$1-$2"-*.png | sort -V; }

# make <stem> <twin> <dpi> <gray|color> <kind: pdf-png|pdf-jpg:Q|png> <imagemagick ops...>
make() {
  local stem=$1 twin=$2 dpi=$3 mode=$4 kind=$5; shift 5
  render "$twin" "$dpi" "$mode"
  local i=0 outs=()
  for p in $(pages "$twin" "$dpi"); do
    i=$((i+1))
    local base="$W/$stem-p$i"
    case $kind in
      pdf-jpg:*) local q=${kind#pdf-jpg:}
        convert "$p" -seed $((i*7+dpi)) "$@" +repage -alpha off -depth 8 -density "$dpi" -units PixelsPerInch -quality "$q" "$base.jpg"
        outs+=("$base.jpg");;
      *) convert "$p" -seed $((i*7+dpi)) "$@" +repage -alpha off -depth 8 -density "$dpi" -units PixelsPerInch "$base.png"
        outs+=("$base.png");;
    esac
  done
  case $kind in
    pdf-*) img2pdf "${outs[@]}" -o "$OUT/$stem.pdf";;
    png) convert "${outs[@]}" -append -density "$dpi" -units PixelsPerInch "$OUT/$stem.png";;
  esac
  echo "$twin" > "$OUT/$stem.twin"
  echo "made $stem ($twin, $dpi dpi, $kind, $i pages)"
}

YELLOW='( +clone -fill #f4e7b8 -colorize 100 ) -compose Multiply -composite'

# An unruled table, 180 dpi, turned 2.5° anticlockwise, blurred.
make s03-fee-unit-180-rot-2.5-blur fee-unit-2022 180 gray pdf-png \
  -background white -rotate -2.5 -blur 0x1.0
# A legacy narrative report as one PNG, 180 dpi, faded print.
make s07-legacy-narrative-180-faded-png legacy-narrative-2012 180 gray png \
  +level 45%,100%
# The 2019 template, 150 dpi, low contrast, gaussian noise, JPEG q35.
make s11-v2019-mismatch-150-lowcontrast-q35 v2019-mismatch-2022 150 gray pdf-jpg:35 \
  +level 30%,92% -attenuate 0.5 +noise Gaussian -colorspace Gray
# The 2019 template, 300 dpi, faded print, JPEG q20.
make s12-v2019-ruled-300-faded-q20 v2019-ruled-2020 300 gray pdf-jpg:20 \
  +level 35%,100%
# 150 dpi, bold print (borders 3.4 pt thick once thresholded), turned 2° anticlockwise, JPEG q30.
make s14-ruled-clean-150-bold-rot-2-q30 ruled-clean-2023 150 gray pdf-jpg:30 \
  -morphology Erode Disk:1 -background white -rotate -2
# 240 dpi, yellow paper, perspective (the rules are not parallel), blur, JPEG q55.
make s16-county-rules-240-yellow-persp county-rules-2024 240 color pdf-jpg:55 \
  $YELLOW -virtual-pixel white -distort Perspective '0,0 0,0  1984,0 1960,25  0,2806 15,2790  1984,2806 1984,2806' -blur 0x0.7
