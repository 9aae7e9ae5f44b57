#!/usr/bin/env bash
# Regenerate the independent scan test set: bash make.sh OUTDIR [--samples DIR] [--only NAME ...]
# Needs Debian tools only: poppler-utils, imagemagick (6, /usr/bin/convert), img2pdf, qpdf, libtiff-tools, python3 (stdlib).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:?usage: make.sh OUTDIR [--samples DIR] [--only NAME ...]}
shift
mkdir -p "$out"
nice -n "${NICE:-15}" python3 "$here/gen.py" "$out" "$@"
[ "$#" -gt 0 ] || nice -n "${NICE:-15}" python3 "$here/check.py" "$out"
