#!/bin/bash
# The third hunt's scan set (19 scans: coffee stains, highlighter, pencil ticks, tight spacing, a phone photo,
# a fold, 600 dpi G4 hairlines, 100 dpi over-sharpened, seals over the title, opposite skews, toner ghost, tape
# glare, an office watermark, an embossed seal, feeder streaks, a receipt stamp, colour misregistration, a red
# letterhead, inkjet banding): bash scripts/scans/hunt3/make.sh OUT_DIR [name-substring ...]
# Needs Debian's python3-numpy, python3-scipy, python3-pil (/usr/bin/python3), poppler-utils, img2pdf.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
export REPO="${REPO:-$(cd "$HERE/../../.." && pwd)}"
exec nice -n 10 /usr/bin/python3 "$HERE/gen.py" "$@"
