#!/usr/bin/env python3
"""Round-2 adversarial generator: fills the official blank .docx template, applies Word/WPS-style
variations via regex edits of word/document.xml, converts with LibreOffice. Output in $GONGKAI_REGRESSION_OUT (default /tmp/gongkai-regressions-docx)."""
import json, os, random, re, subprocess, sys, zipfile, shutil

TPL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "samples", "source", "template-2021-blank.docx")
OUT = os.path.join(os.environ.get("GONGKAI_REGRESSION_OUT", "/tmp/gongkai-regressions-docx"), "out")
BUILD = os.path.join(os.environ.get("GONGKAI_REGRESSION_OUT", "/tmp/gongkai-regressions-docx"), "build")
os.makedirs(OUT, exist_ok=True)
os.makedirs(BUILD, exist_ok=True)

COLS = ["natural", "commercial", "research", "social", "legal", "other_org", "total"]
RESULT_ROWS = ["granted", "partial", "deny_state_secret", "deny_law_forbidden", "deny_three_security",
               "deny_third_party", "deny_internal_affairs", "deny_process_info", "deny_enforcement_file",
               "deny_admin_query", "unable_not_held", "unable_need_create", "unable_unclear", "reject_petition",
               "reject_repeat", "reject_publication", "reject_massive", "reject_confirm", "other_no_supplement",
               "other_fee_unpaid", "other_other"]
ROWS = ["new_received", "carried_over"] + RESULT_ROWS + ["total_processed", "carried_forward"]
S4_GROUPS = ["review", "suit_direct", "suit_after_review"]
S4_FIELDS = ["upheld", "corrected", "other", "pending", "total"]
S2_ROWS = {  # label in template -> paths
    "规章": ["s2.rules.made", "s2.rules.repealed", "s2.rules.valid"],
    "行政规范性文件": ["s2.normative_docs.made", "s2.normative_docs.repealed", "s2.normative_docs.valid"],
    "行政许可": ["s2.admin_license.decisions"],
    "行政处罚": ["s2.admin_penalty.decisions"],
    "行政强制": ["s2.admin_coercion.decisions"],
    "行政事业性收费": ["s2.admin_fees.amount_wan"],
}


def gen_values(rng, zero_prob=0.45, scale=1):
    v = {"s2": {}, "s3": {}, "s4": {}}
    v["s2"]["rules"] = {"made": 0, "repealed": 0, "valid": 0}
    v["s2"]["normative_docs"] = {"made": rng.randint(0, 12), "repealed": rng.randint(0, 6), "valid": rng.randint(10, 120)}
    v["s2"]["admin_license"] = {"decisions": rng.randint(0, 5000)}
    v["s2"]["admin_penalty"] = {"decisions": rng.randint(0, 900)}
    v["s2"]["admin_coercion"] = {"decisions": rng.randint(0, 60)}
    v["s2"]["admin_fees"] = {"amount_wan": rng.choice([0, 12.5, 3.27, 148])}
    s3 = {r: {} for r in ROWS}
    weights = {"natural": 1.0, "commercial": 0.4, "research": 0.1, "social": 0.15, "legal": 0.2, "other_org": 0.15}
    for c in COLS[:-1]:
        w = weights[c]
        for r in RESULT_ROWS:
            base = {"granted": 20, "partial": 6, "unable_not_held": 8}.get(r, 3)
            val = 0 if rng.random() < zero_prob + (0.2 if w < 0.3 else 0) else rng.randint(1, int(base * w * scale) + 1)
            s3[r][c] = val
        tp = sum(s3[r][c] for r in RESULT_ROWS)
        s3["total_processed"][c] = tp
        cf = rng.randint(1, 3) if rng.random() < 0.5 else 0
        co = min(rng.randint(1, 4) if rng.random() < 0.5 else 0, tp + cf)
        s3["carried_forward"][c] = cf
        s3["carried_over"][c] = co
        s3["new_received"][c] = tp + cf - co
    for r in ROWS:
        s3[r]["total"] = sum(s3[r][c] for c in COLS[:-1])
    v["s3"] = s3
    for g in S4_GROUPS:
        d = {f: (rng.randint(1, 4) if rng.random() < 0.5 else 0) for f in S4_FIELDS[:-1]}
        d["total"] = sum(d.values())
        v["s4"][g] = d
    return v


def getv(v, path):
    s, a, b = path.split(".")
    return v[s][a][b]


# ---------------------------------------------------------------- XML helpers
ROW_RE = re.compile(r"<w:tr[ >].*?</w:tr>", re.S)
CELL_RE = re.compile(r"<w:tc>.*?</w:tc>", re.S)
TBL_RE = re.compile(r"<w:tbl>.*?</w:tbl>", re.S)


def text_of(x):
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", x))


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def rfonts(f):
    return f'<w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:eastAsia="{f}" w:cs="{f}"/>'


def para(text, font, size=24, bold=False, center=False, indent=False, extra_ppr=""):
    jc = '<w:jc w:val="center"/>' if center else '<w:jc w:val="both"/>'
    ind = '<w:ind w:firstLine="480"/>' if indent else ""
    rpr = f'{rfonts(font)}{"<w:b/>" if bold else ""}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    run = f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{esc(text)}</w:t></w:r>' if text else ""
    return (f'<w:p><w:pPr>{extra_ppr}<w:spacing w:before="0" w:after="0" w:line="360" w:lineRule="auto"/>{ind}{jc}'
            f'<w:rPr>{rpr}</w:rPr></w:pPr>{run}</w:p>')


def cell_paras(text, font, size=20, jc="center", blank_before=0, blank_after=0):
    rpr = f'{rfonts(font)}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    ppr = f'<w:pPr><w:spacing w:before="0" w:after="0"/><w:jc w:val="{jc}"/><w:rPr>{rpr}</w:rPr></w:pPr>'
    run = f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{esc(text)}</w:t></w:r>' if text != "" else ""
    blank = f"<w:p>{ppr}</w:p>"
    return blank * blank_before + f"<w:p>{ppr}{run}</w:p>" + blank * blank_after


def set_cell_body(tc, body):
    start = tc.find("<w:p")
    head = tc[:start] if start >= 0 else tc[: -len("</w:tc>")]
    return head + body + "</w:tc>"


def map_cells(tr, fn):
    i = [0]

    def rep(m):
        r = fn(m.group(0), i[0])
        i[0] += 1
        return r

    return CELL_RE.sub(rep, tr)


def map_rows(tbl, fn):
    i = [0]

    def rep(m):
        r = fn(m.group(0), i[0])
        i[0] += 1
        return r

    return ROW_RE.sub(rep, tbl)


def tcpr_set(tc, tag, xml):
    """Replace or insert a child element in w:tcPr (order is lax enough for LibreOffice)."""
    m = re.search(r"<w:tcPr>(.*?)</w:tcPr>", tc, re.S)
    inner = m.group(1)
    pat = re.compile(rf"<w:{tag}(?: [^>]*)?/>|<w:{tag}(?: [^>]*)?>.*?</w:{tag}>", re.S)
    if pat.search(inner):
        inner = pat.sub(xml, inner, count=1)
    else:
        # insert before vAlign / at end
        if tag == "textDirection" and "<w:vAlign" in inner:
            inner = inner.replace("<w:vAlign", xml + "<w:vAlign", 1)
        elif tag in ("tcBorders", "shd") and "<w:vAlign" in inner:
            inner = inner.replace("<w:vAlign", xml + "<w:vAlign", 1)
        else:
            inner = inner + xml
    return tc[: m.start(1)] + inner + tc[m.end(1):]


def borders_xml(kind, top=None, left=None, bottom=None, right=None, color="000000", sz=8):
    def one(side, val):
        if val is None or val == "nil":
            return f'<w:{side} w:val="nil"/>'
        return f'<w:{side} w:val="{val}" w:color="{color}" w:sz="{sz}" w:space="0"/>'
    return f"<w:{kind}>" + one("top", top) + one("left", left) + one("bottom", bottom) + one("right", right) + f"</w:{kind}>"


# ---------------------------------------------------------------- template
def load_template():
    with zipfile.ZipFile(TPL) as z:
        files = {n: z.read(n) for n in z.namelist()}
    doc = files["word/document.xml"].decode("utf-8")
    tbls = TBL_RE.findall(doc)
    head = doc[: doc.index("<w:body>") + len("<w:body>")]
    sect = doc[doc.rfind("<w:sectPr"): doc.rfind("</w:body>")]
    return files, head, tbls, sect


# ---------------------------------------------------------------- filling
def fill_tables(tbls, v, fmt, cellfmt):
    """fmt(path, value) -> printed text; cellfmt(path) -> dict(jc, size, blank_before, blank_after)."""
    t2, t3, t4 = tbls

    def fill_s2(tr, ri):
        cells = CELL_RE.findall(tr)
        lab = text_of(cells[0]).strip()
        if lab not in S2_ROWS:
            return tr
        paths = S2_ROWS[lab]

        def f(tc, i):
            if i == 0:
                return tc
            p = paths[i - 1]
            return set_cell_body(tc, cell_paras(fmt(p, getv(v, p)), **cellfmt(p)))
        return map_cells(tr, f)

    t2 = map_rows(t2, fill_s2)

    def fill_s3(tr, ri):
        if ri < 3:
            return tr
        row = ROWS[ri - 3]
        n = len(CELL_RE.findall(tr))

        def f(tc, i):
            k = i - (n - 7)
            if k < 0:
                return tc
            p = f"s3.{row}.{COLS[k]}"
            return set_cell_body(tc, cell_paras(fmt(p, getv(v, p)), **cellfmt(p)))
        return map_cells(tr, f)

    t3 = map_rows(t3, fill_s3)

    def fill_s4(tr, ri):
        if ri != 3:
            return tr

        def f(tc, i):
            p = f"s4.{S4_GROUPS[i // 5]}.{S4_FIELDS[i % 5]}"
            return set_cell_body(tc, cell_paras(fmt(p, getv(v, p)), **cellfmt(p)))
        return map_cells(tr, f)

    t4 = map_rows(t4, fill_s4)
    return [t2, t3, t4]


def set_fonts(x, font):
    x = re.sub(r'w:(ascii|hAnsi|eastAsia|cs)="(宋体|楷体|仿宋|黑体|仿宋_GB2312)"', lambda m: f'w:{m.group(1)}="{font}"', x)
    return x


# ---------------------------------------------------------------- narrative
def narrative(v, agency, year, ystr, phr):
    s3, s4 = v["s3"], v["s4"]
    k = dict(new=s3["new_received"]["total"], co=s3["carried_over"]["total"], tp=s3["total_processed"]["total"],
             cf=s3["carried_forward"]["total"], rev=s4["review"]["total"],
             lit=s4["suit_direct"]["total"] + s4["suit_after_review"]["total"],
             nat=s3["new_received"]["natural"], newco=s3["new_received"]["total"] + s3["carried_over"]["total"],
             granted=s3["granted"]["total"], y=ystr, agency=agency)
    one = [f"{ystr}，{agency}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，"
           "持续深化政务公开，推进决策、执行、管理、服务、结果公开。",
           "（一）主动公开。全年通过政府门户网站主动公开政府信息2153条，同比增长12.5%，其中政策文件41件，政策解读23篇。"]
    one += [p.format(**k) for p in phr]
    one.append("（三）政府信息管理。严格落实公开属性源头认定制度，规范信息发布审核流程。")
    return {"一": one,
            "五": ["一是公开内容的全面性有待提高；二是政策解读形式较为单一。下一步将加强业务培训，提升公开质量。"],
            "六": [f"本机关{ystr}度未收取信息处理费。无其他需要报告的事项。"]}


PHRASES = {
    "plain": ["（二）依申请公开。全年共收到政府信息公开申请{new}件，上年结转{co}件，办结{tp}件，结转下年度继续办理{cf}件，办结率100%。",
              "（四）全年因政府信息公开被申请行政复议{rev}件，被提起行政诉讼{lit}件。"],
    "incl": ["（二）依申请公开。全年收到政府信息公开申请共计{newco}件（含上年结转{co}件），其中自然人申请{nat}件，"
             "已全部按时答复，答复期限内办结{tp}件，结转下年度继续办理{cf}件。",
             "（四）本年度发生政府信息公开行政复议{rev}件、行政诉讼{lit}件。"],
    "incl0": ["（二）依申请公开。全年收到政府信息公开申请共计{newco}件（含上年结转{co}件），其中自然人申请{nat}件，办结率100%，"
              "同比增长12.5%。",
              "（四）本年度发生政府信息公开行政复议0件、行政诉讼0件。"],
}


# ---------------------------------------------------------------- document assembly
def build_doc(spec):
    rng = random.Random(spec["seed"])
    v = gen_values(rng, zero_prob=spec.get("zero_prob", 0.45))
    if spec.get("s4_zero"):
        for g in S4_GROUPS:
            v["s4"][g] = {f: 0 for f in S4_FIELDS}
    files, head, tbls, sect = load_template()
    font = spec.get("font", "Noto Serif CJK SC")
    tfont = spec.get("table_font", font)
    blank = []
    zero_style = spec.get("zero", lambda p, r: "0")  # function path,rng -> printed zero
    zrng = random.Random(spec["seed"] + 1)
    printed = {}

    def fmt(p, val):
        if val == 0:
            z = zero_style(p, zrng)
            if z.strip() not in ("0", "０"):
                blank.append(p)
            printed[p] = z
            return z
        s = f"{val:g}" if isinstance(val, float) else str(val)
        if spec.get("num_style"):
            s = spec["num_style"](p, s, zrng)
        printed[p] = s
        return s

    cf = spec.get("cellfmt", lambda p: {})

    def cellfmt(p):
        d = dict(font=tfont, size=spec.get("tsize", 20), jc=spec.get("jc", "center"))
        d.update(cf(p))
        return d

    tbls = fill_tables(tbls, v, fmt, cellfmt)
    tbls = [set_fonts(t, tfont) for t in tbls]
    if spec.get("tsize"):
        tbls = [re.sub(r'<w:(sz|szCs) w:val="\d+"/>', lambda m: f'<w:{m.group(1)} w:val="{spec["tsize"]}"/>', t) for t in tbls]
    for fn in spec.get("transforms", []):
        tbls = fn(tbls)
    agency, year = spec["agency"], spec["year"]
    ystr = spec.get("ystr", f"{year}年")
    narr = narrative(v, agency, year, ystr, PHRASES[spec.get("phr", "plain")])
    body = []
    for line in spec.get("pre_title", []):
        body.append(para(line, font, 24, center=True))
    title = spec.get("title", [f"{agency}{ystr}政府信息公开工作年度报告"])
    for t in title:
        body.append(para(t, font, 36, bold=True, center=True))
    for line in spec.get("post_title", []):
        body.append(para(line, font, 24, center=True))
    body.append(para("", font))

    def h(t):
        return para(t, font, 28, bold=True)

    body.append(h("一、总体情况"))
    body += [para(x, font, indent=True) for x in narr["一"]]
    body.append(h("二、主动公开政府信息情况"))
    body.append(spec.get("s2_xml", lambda t, f: t)(tbls[0], font) if spec.get("s2_xml") else tbls[0])
    body.append(para("", font))
    s3_pre = spec.get("s3_pre", lambda font: [h("三、收到和处理政府信息公开申请情况")])(font)
    body += s3_pre
    body.append(tbls[1])
    body += spec.get("s3_post", lambda font: [para("", font)])(font)
    body.append(h("四、政府信息公开行政复议、行政诉讼情况"))
    body.append(tbls[2])
    body.append(para("", font))
    body.append(h("五、存在的主要问题及改进情况"))
    body += [para(x, font, indent=True) for x in narr["五"]]
    body.append(h("六、其他需要报告的事项"))
    body += [para(x, font, indent=True) for x in narr["六"]]
    body.append(para(spec.get("sign", agency), font, center=False, extra_ppr=""))
    doc = head + "".join(body) + spec.get("sect", sect) + "</w:body></w:document>"
    files["word/document.xml"] = doc.encode("utf-8")
    stem = spec["stem"]
    dpath = os.path.join(BUILD, stem + ".docx")
    with zipfile.ZipFile(dpath, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in files.items():
            z.writestr(n, b)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", OUT, dpath],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    truth = {"file": stem + ".pdf", "agency": agency, "year": year, "variation": spec["variation"],
             "values": v, "blank": sorted(set(blank)), "printed": printed}
    json.dump(truth, open(os.path.join(OUT, stem + ".truth.json"), "w"), ensure_ascii=False, indent=1)
    return os.path.join(OUT, stem + ".pdf")


if __name__ == "__main__":
    from specs import SPECS
    want = sys.argv[1:]
    for s in SPECS:
        if want and s["stem"] not in want:
            continue
        print(build_doc(s), flush=True)
