import subprocess, sys, copy, json
import gen, specs
KEYS = [("new_received","本年新收"),("carried_over","上年结转政府"),("granted","予以公开"),("partial","部分公开"),
 ("deny_state_secret","国家秘密"),("deny_law_forbidden","禁止公开"),("deny_three_security","三安全"),("deny_third_party","第三方"),
 ("deny_internal_affairs","内部事务"),("deny_process_info","过程性"),("deny_enforcement_file","执法案卷"),("deny_admin_query","行政查询"),
 ("unable_not_held","不掌握"),("unable_need_create","另行制作"),("unable_unclear","补正后"),("reject_petition","信访"),
 ("reject_repeat","重复申请"),("reject_publication","出版物"),("reject_massive","大量反复"),("reject_confirm","重新出具"),
 ("other_no_supplement","逾期不补正"),("other_fee_unpaid","收费通知"),("other_other","3.其他"),("total_processed","（七）总计"),
 ("carried_forward","结转下年度继续办理")]
def first_next(pdf):
    pages = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout.split("\f")
    pg = {}
    for k, s in KEYS:
        for i, t in enumerate(pages):
            if s in t.replace(" ", ""):
                pg[k] = i; break
    p0 = pg["new_received"]
    for idx, (k, s) in enumerate(KEYS):
        if pg.get(k, p0) > p0: return idx
    return len(KEYS)
def build(base, tw, stem):
    s = dict(base); s["stem"] = stem; s["s3_pre"] = specs.spacer_pre(tw)
    return gen.build_doc(s)
if __name__ != "__main__": raise SystemExit
base, target = sys.argv[1], sys.argv[2]
spec = [s for s in specs.SPECS if s["stem"] == base][0]
tidx = [k for k, _ in KEYS].index(target)
lo, hi = 0, 14000  # first_next decreasing in tw
for _ in range(12):
    mid = (lo + hi) // 2
    f = first_next(build(spec, mid, spec["stem"]))
    print(mid, f, KEYS[f][0] if f < len(KEYS) else "-", flush=True)
    if f == tidx: break
    if f > tidx: lo = mid
    else: hi = mid
