"""Compare `gongkai extract` outputs with the truth files of the past-reports round.

python3 scripts/regressions/past/score.py <truth dir> <output dir> [-v]
"""
import json, os, sys
from collections import defaultdict

tdir, odir = sys.argv[1], sys.argv[2]
verbose = "-v" in sys.argv
per_cat = defaultdict(lambda: [0, 0, 0, 0])  # reports exact, reports, cells exact, cells
for name in sorted(os.listdir(tdir)):
    if not name.endswith(".truth.json"):
        continue
    stem = name[: -len(".truth.json")]
    truth = json.load(open(os.path.join(tdir, name)))
    cat = {"a": "v2021-html/docx/pdf", "b": "v2019", "c": "legacy", "d": "round2-pages/encodings/layouts", "e": "round3-docx-internals/s4-split", "f": "round4-messy/headings/template-pdf"}[stem[0]]
    problems = []
    cells = exact = 0
    try:
        out = json.load(open(os.path.join(odir, f"{stem}.json")))
    except FileNotFoundError:
        out = None
    if out is None:
        problems.append("no output")
        out = {"cells": {}, "flags": [], "report": {}, "status": None}
    for sec, rows in truth["values"].items():
        for row, cols in rows.items():
            for col, v in cols.items():
                p = f"{sec}.{row}.{col}"
                cells += 1
                got = out["cells"].get(p, {}).get("value")
                if got == v or (isinstance(v, float) and isinstance(got, (int, float)) and abs(got - v) < 1e-9):
                    exact += 1
                else:
                    problems.append(f"{p}: {v} → {got} (raw {out['cells'].get(p, {}).get('raw')!r})")
    blanks = sorted(p for p, c in out["cells"].items() if c.get("blank"))
    want = sorted(truth["blank"])
    if blanks != want:
        problems.append(f"blank missing {sorted(set(want) - set(blanks))[:8]} extra {sorted(set(blanks) - set(want))[:8]}")
    flags = sorted(f"{f['rule']} {f['path']}" for f in out["flags"] if f["rule"] != "cell.blank")
    wantf = sorted(f"{r} {p}" for r, p in truth["expect_flags"])
    if flags != wantf:
        problems.append(f"flags got {flags} want {wantf}")
    rep = out["report"]
    for k in ("agency", "year", "template"):
        if rep.get(k) != truth[k]:
            problems.append(f"{k}: {truth[k]} → {rep.get(k)}")
    if out["status"] != truth["status"]:
        problems.append(f"status {out['status']}")
    c = per_cat[cat]
    c[0] += not problems
    c[1] += 1
    c[2] += exact
    c[3] += cells
    print(f"{'OK ' if not problems else 'BAD'} {stem}: {exact}/{cells} cells, {len(problems)} problems")
    if problems and verbose:
        for p in problems[:14]:
            print("     ", p)
        if len(problems) > 14:
            print("      …", len(problems) - 14, "more")
tot = [sum(v[i] for v in per_cat.values()) for i in range(4)]
for cat, (r, n, ce, cn) in sorted(per_cat.items()):
    print(f"{cat}: reports {r}/{n} exact, cells {ce}/{cn}")
print(f"ALL: reports {tot[0]}/{tot[1]} exact, cells {tot[2]}/{tot[3]}")
