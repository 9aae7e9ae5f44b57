#!/usr/bin/env python3
"""Check a generated scan set: every file opens (pdfinfo + qpdf --check + every page rendered by pdftoppm for
PDFs; identify on every frame for images), has a .twin naming an existing truth, and has the twin's page count
(PDF, TIFF). Prints one line per file; exit 1 on any problem.

usage: python3 check.py SETDIR [--samples DIR]
"""

import json
import os
import re
import subprocess
import sys


def sh(cmd):
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")


def main():
    d = sys.argv[1]
    samples = None
    if "--samples" in sys.argv:
        samples = sys.argv[sys.argv.index("--samples") + 1]
    here = os.path.dirname(os.path.abspath(__file__))
    for cand in ([samples] if samples else []) + [os.environ.get("GONGKAI_SAMPLES") or "",
                                                  os.path.join(here, "../samples"), os.path.join(here, "../../samples"),
                                                  ]:
        if cand and os.path.isdir(cand):
            samples = cand
            break
    manifest = {}
    mpath = os.path.join(d, "manifest.tsv")
    if os.path.exists(mpath):
        lines = open(mpath, encoding="utf-8").read().splitlines()
        head = lines[0].split("\t")
        for line in lines[1:]:
            row = dict(zip(head, line.split("\t")))
            manifest[row["file"]] = row
    bad = 0
    files = sorted(f for f in os.listdir(d) if re.search(r"\.(pdf|png|jpe?g|tiff?)$", f))
    for f in files:
        p = os.path.join(d, f)
        stem = re.sub(r"\.\w+$", "", f)
        problems = []
        twin_path = os.path.join(d, stem + ".twin")
        twin = open(twin_path).read().strip() if os.path.exists(twin_path) else None
        if not twin or not os.path.exists(os.path.join(samples, twin + ".truth.json")):
            problems.append("no twin / truth")
        want = None
        if f in manifest and manifest[f].get("pages", "").isdigit():
            want = int(manifest[f]["pages"])
        elif twin and os.path.exists(os.path.join(samples, twin + ".pdf")):
            rc, out, _ = sh(["pdfinfo", os.path.join(samples, twin + ".pdf")])
            want = int(re.search(r"Pages:\s+(\d+)", out)[1])
        info = ""
        if f.endswith(".pdf"):
            rc, out, err = sh(["pdfinfo", p])
            if rc != 0:
                problems.append("pdfinfo: " + err.strip())
            else:
                n = int(re.search(r"Pages:\s+(\d+)", out)[1])
                size = re.search(r"Page size:\s+(.*)", out)[1]
                rot = re.search(r"Page rot:\s+(\d+)", out)[1]
                info = "%d p, %s, rot %s" % (n, size, rot)
                if want and n != want:
                    problems.append("pages %d != twin %d" % (n, want))
            rc, out, err = sh(["qpdf", "--check", p])
            if rc not in (0, 3):
                problems.append("qpdf --check: " + (out + err).strip().splitlines()[-1])
            rc, out, err = sh(["pdftoppm", "-r", "20", "-gray", p, "/tmp/scangen-check"])
            if rc != 0 or err.strip():
                problems.append("pdftoppm: " + err.strip()[:200])
            for x in os.listdir("/tmp"):
                if x.startswith("scangen-check"):
                    os.remove(os.path.join("/tmp", x))
            rc, out, err = sh(["pdfimages", "-list", p])
            encs = sorted(set(line.split()[8] for line in out.splitlines()[2:] if len(line.split()) > 8))
            info += ", images: " + ",".join(encs)
        else:
            rc, out, err = sh(["identify", p])
            if rc != 0:
                problems.append("identify: " + err.strip()[:200])
            frames = out.strip().splitlines()
            info = "%d frame(s): %s" % (len(frames), " ".join(frames[0].split()[1:5]) if frames else "")
            if want and len(frames) != want and (f in manifest or f.endswith((".tif", ".tiff"))):
                problems.append("frames %d != twin %d" % (len(frames), want))
        if manifest and f not in manifest:
            problems.append("not in manifest.tsv")
        print("%-4s %-55s %-22s %s%s" % ("ok" if not problems else "BAD", f, twin, info,
                                         ("  !! " + "; ".join(problems)) if problems else ""))
        bad += bool(problems)
    print("%d files, %d bad" % (len(files), bad))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
