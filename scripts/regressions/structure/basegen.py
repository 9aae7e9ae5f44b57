#!/usr/bin/env python3
"""Adversarial report generator: HTML -> PDF via LibreOffice or Chromium, truth JSON beside each PDF."""
import json, os, random, subprocess, sys, html, shutil

OUT = os.environ.get("GONGKAI_REGRESSION_OUT", "/tmp/gongkai-regressions")
os.makedirs(OUT, exist_ok=True)

COLS = ["natural", "commercial", "research", "social", "legal", "other_org", "total"]
RESULT_ROWS = ["granted", "partial", "deny_state_secret", "deny_law_forbidden", "deny_three_security",
               "deny_third_party", "deny_internal_affairs", "deny_process_info", "deny_enforcement_file",
               "deny_admin_query", "unable_not_held", "unable_need_create", "unable_unclear", "reject_petition",
               "reject_repeat", "reject_publication", "reject_massive", "reject_confirm", "other_no_supplement",
               "other_fee_unpaid", "other_other"]
ROWS = ["new_received", "carried_over"] + RESULT_ROWS + ["total_processed", "carried_forward"]

LABELS = {
    "new_received": "一、本年新收政府信息公开申请数量",
    "carried_over": "二、上年结转政府信息公开申请数量",
    "granted": "（一）予以公开",
    "partial": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "deny_state_secret": "1.属于国家秘密",
    "deny_law_forbidden": "2.其他法律行政法规禁止公开",
    "deny_three_security": "3.危及“三安全一稳定”",
    "deny_third_party": "4.保护第三方合法权益",
    "deny_internal_affairs": "5.属于三类内部事务信息",
    "deny_process_info": "6.属于四类过程性信息",
    "deny_enforcement_file": "7.属于行政执法案卷",
    "deny_admin_query": "8.属于行政查询事项",
    "unable_not_held": "1.本机关不掌握相关政府信息",
    "unable_need_create": "2.没有现成信息需要另行制作",
    "unable_unclear": "3.补正后申请内容仍不明确",
    "reject_petition": "1.信访举报投诉类申请",
    "reject_repeat": "2.重复申请",
    "reject_publication": "3.要求提供公开出版物",
    "reject_massive": "4.无正当理由大量反复申请",
    "reject_confirm": "5.要求行政机关确认或重新出具已获取信息",
    "other_no_supplement": "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "other_fee_unpaid": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "other_other": "3.其他",
    "total_processed": "（七）总计",
    "carried_forward": "四、结转下年度继续办理",
}
GROUPS = [  # (group label, first row, n rows)
    ("（三）不予公开", "deny_state_secret", 8),
    ("（四）无法提供", "unable_not_held", 3),
    ("（五）不予处理", "reject_petition", 5),
    ("（六）其他处理", "other_no_supplement", 3),
]
GROUP_OF = {}
for g, first, n in GROUPS:
    i = RESULT_ROWS.index(first)
    for k in range(n):
        GROUP_OF[RESULT_ROWS[i + k]] = (g, k == 0, n)

S4_GROUPS = ["review", "suit_direct", "suit_after_review"]
S4_FIELDS = ["upheld", "corrected", "other", "pending", "total"]


def gen_values(rng, scale=1, zero_prob=0.5):
    v = {"s2": {}, "s3": {}, "s4": {}}
    v["s2"]["rules"] = {"made": 0, "repealed": 0, "valid": 0}
    v["s2"]["normative_docs"] = {"made": rng.randint(0, 12), "repealed": rng.randint(0, 6), "valid": rng.randint(10, 120)}
    v["s2"]["admin_license"] = {"decisions": rng.randint(0, 5000) * scale}
    v["s2"]["admin_penalty"] = {"decisions": rng.randint(0, 900) * scale}
    v["s2"]["admin_coercion"] = {"decisions": rng.randint(0, 60)}
    v["s2"]["admin_fees"] = {"amount_wan": rng.choice([0, 0, 12.5, 3.27, 148])}
    s3 = {r: {} for r in ROWS}
    weights = {"natural": 1.0, "commercial": 0.4, "research": 0.1, "social": 0.15, "legal": 0.2, "other_org": 0.15}
    for c in COLS[:-1]:
        w = weights[c]
        for r in RESULT_ROWS:
            base = {"granted": 20, "partial": 6, "unable_not_held": 8}.get(r, 2)
            val = 0 if rng.random() < zero_prob + (0.2 if w < 0.3 else 0) else rng.randint(0, int(base * w * scale) + 1)
            s3[r][c] = val
        tp = sum(s3[r][c] for r in RESULT_ROWS)
        s3["total_processed"][c] = tp
        cf = rng.randint(0, 3) if rng.random() < 0.5 else 0
        co = min(rng.randint(0, 4) if rng.random() < 0.5 else 0, tp + cf)
        s3["carried_forward"][c] = cf
        s3["carried_over"][c] = co
        s3["new_received"][c] = tp + cf - co
    for r in ROWS:
        s3[r]["total"] = sum(s3[r][c] for c in COLS[:-1])
    v["s3"] = s3
    for g in S4_GROUPS:
        d = {f: (rng.randint(0, 4) if rng.random() < 0.5 else 0) for f in S4_FIELDS[:-1]}
        d["total"] = sum(d.values())
        v["s4"][g] = d
    return v


def fmt(n, o, section="s3"):
    """Printed form of a number given options."""
    if n == 0:
        z = o.get("zero_" + section, o.get("zero", "0"))
        return z
    if isinstance(n, float):
        return f"{n:g}"
    if o.get("thousands") and n >= 1000:
        return f"{n:,}"
    return str(n)


def blanks_for(values, o):
    """Paths printed blank (zero printed as non-'0')."""
    out = []
    for sec in ("s2", "s3", "s4"):
        z = o.get("zero_" + sec, o.get("zero", "0"))
        if z in ("0", "０"):
            continue
        for k1, d in values[sec].items():
            for k2, n in d.items():
                if n == 0:
                    out.append(f"{sec}.{k1}.{k2}")
    return out


def esc(s):
    return html.escape(s)


# ---------------- section 二 ----------------
def s2_html(v, o):
    lab = dict(rules="规章", normative_docs="行政规范性文件", admin_license="行政许可", admin_penalty="行政处罚",
               admin_coercion="行政强制", admin_fees="行政事业性收费")
    lab.update(o.get("s2_labels", {}))
    caps = ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"]
    n = lambda x: esc(fmt(x, o, "s2"))
    d = v["s2"]
    parts = [
        (caps[0], ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
         [[lab["rules"], n(d["rules"]["made"]), n(d["rules"]["repealed"]), n(d["rules"]["valid"])],
          [lab["normative_docs"], n(d["normative_docs"]["made"]), n(d["normative_docs"]["repealed"]), n(d["normative_docs"]["valid"])]]),
        (caps[1], ["信息内容", "本年处理决定数量"], [[lab["admin_license"], n(d["admin_license"]["decisions"])]]),
        (caps[2], ["信息内容", "本年处理决定数量"], [[lab["admin_penalty"], n(d["admin_penalty"]["decisions"])],
                                             [lab["admin_coercion"], n(d["admin_coercion"]["decisions"])]]),
        (caps[3], ["信息内容", "本年收费金额（单位：万元）"], [[lab["admin_fees"], n(d["admin_fees"]["amount_wan"])]]),
    ]
    mode = o.get("s2_mode", "one")
    out = []
    if mode == "separate":  # four tables, captions as paragraphs
        for cap, head, rows in parts:
            out.append(f"<p class=cap>{cap}</p>")
            out.append("<table class=t>")
            w = 4
            out.append("<tr>" + "".join(
                f"<td colspan={1 if len(head) == 4 or i == 0 else 3}>{h}</td>" for i, h in enumerate(head)) + "</tr>")
            for r in rows:
                out.append("<tr>" + "".join(
                    f"<td colspan={1 if len(r) == 4 or i == 0 else 3} class={'l' if i == 0 else 'n'}>{c}</td>" for i, c in enumerate(r)) + "</tr>")
            out.append("</table>")
    else:  # one grid (official template), caption rows inside
        out.append("<table class=t>")
        for cap, head, rows in parts:
            if not o.get("s2_no_caps"):
                out.append(f"<tr><td colspan=4 class=capc>{cap}</td></tr>")
            out.append("<tr>" + "".join(
                f"<td colspan={1 if len(head) == 4 or i == 0 else 3}>{h}</td>" for i, h in enumerate(head)) + "</tr>")
            for r in rows:
                out.append("<tr>" + "".join(
                    f"<td colspan={1 if len(r) == 4 or i == 0 else 3} class={'l' if i == 0 else 'n'}>{c}</td>" for i, c in enumerate(r)) + "</tr>")
        out.append("</table>")
    return "\n".join(out)


# ---------------- section 三 ----------------
def s3_html(v, o, values_key="s3"):
    s3 = v[values_key]
    total_word = o.get("total_word", "总计")
    colnames = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", total_word]
    if o.get("spaced_headers"):
        colnames = [" ".join(c) if len(c) <= 3 else c for c in colnames]
    labels = dict(LABELS)
    labels["total_processed"] = f"（七）{total_word}"
    labels.update(o.get("s3_labels", {}))
    groups = {g: g for g, _, _ in GROUPS}
    groups.update(o.get("group_labels", {}))
    res_label = o.get("result_label", "三、本年度办理结果")
    corner = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    numcell = lambda x: f"<td class=n>{esc(fmt(x, o, 's3'))}</td>"
    extra = o.get("extra_blank_col")
    seqcol = o.get("seq_col")
    out = [f"<table class='t s3'>"]
    if o.get("colwidths"):
        out.append("".join(f"<col width={w}>" for w in o["colwidths"]))
    thead = o.get("thead")
    if thead:
        out.append("<thead>")
    seqh = "<td rowspan=3>序号</td>" if seqcol else ""
    if o.get("flat_header"):
        out.append("<tr>" + (("<td>序号</td>") if seqcol else "") + f"<td colspan=3>{corner}</td>" + "".join(f"<td>{c}</td>" for c in colnames) + ("<td></td>" if extra else "") + "</tr>")
    else:
        cs = 1 if o.get("lc1") else 3
        xh = o.get("extra_head", "")
        out.append(f"<tr>{seqh}<td rowspan=3 colspan={cs}>{corner}</td><td colspan=7>申请人情况</td>" + (f"<td rowspan=3>{xh}</td>" if extra else "") + "</tr>")
        out.append(f"<tr><td rowspan=2>{colnames[0]}</td><td colspan=5>法人或其他组织</td><td rowspan=2>{colnames[6]}</td></tr>")
        out.append("<tr>" + "".join(f"<td>{c}</td>" for c in colnames[1:6]) + "</tr>")
    if thead:
        out.append("</thead><tbody>")
    one_col = o.get("one_label_col")
    seq = [0]

    def row(key, label_cells):
        seq[0] += 1
        s = f"<td>{seq[0]}</td>" if seqcol else ""
        cells = "".join(numcell(s3[key][c]) for c in COLS)
        e = "<td></td>" if extra else ""
        return f"<tr>{s}{label_cells}{cells}{e}</tr>"

    rows_to_print = list(ROWS)
    for dup in o.get("dup_rows", []):
        rows_to_print.insert(rows_to_print.index(dup) + 1, dup)
    n_result = len(RESULT_ROWS) + 1 + sum(1 for d in o.get("dup_rows", []) if d in RESULT_ROWS + ["total_processed"])
    first_result = True
    seen_group = set()
    seen_keys = {}
    for key in rows_to_print:
        seen_keys[key] = seen_keys.get(key, 0) + 1
        lab = esc(labels[key])
        if key in o.get("label_as", {}):
            lab = esc(o["label_as"][key])
        if key in ("new_received", "carried_over", "carried_forward"):
            out.append(row(key, f"<td colspan={1 if o.get('lc1') else 3} class=l>{lab}</td>"))
            continue
        if one_col:
            prefix = ""
            if first_result:
                prefix = res_label + " "
                first_result = False
            if key in GROUP_OF and GROUP_OF[key][1] and key not in seen_group:
                prefix += groups[GROUP_OF[key][0]] + " "
                seen_group.add(key)
            out.append(row(key, f"<td colspan={1 if o.get('lc1') else 3} class=l>{esc(prefix)}{lab}</td>"))
            continue
        lead = ""
        if first_result:
            lead = f"<td rowspan={n_result} class=g>{esc(res_label)}</td>"
            first_result = False
        if key in GROUP_OF:
            g, first, n = GROUP_OF[key]
            if first and key not in seen_group:
                seen_group.add(key)
                n2 = n + sum(1 for d in o.get("dup_rows", []) if d in GROUP_OF and GROUP_OF[d][0] == g)
                out.append(row(key, f"{lead}<td rowspan={n2} class=g>{esc(groups[g])}</td><td class=l>{lab}</td>"))
            else:
                out.append(row(key, f"{lead}<td class=l>{lab}</td>"))
        else:
            out.append(row(key, f"{lead}<td colspan=2 class=l>{lab}</td>"))
    if thead:
        out.append("</tbody>")
    out.append("</table>")
    return "\n".join(out)


# ---------------- section 四 ----------------
def s4_html(v, o):
    total_word = o.get("s4_total_word", "总计")
    f = ["结果维持", "结果纠正", "其他结果", "尚未审结", total_word]
    nums = []
    for g in S4_GROUPS:
        for k in S4_FIELDS:
            nums.append(f"<td class=n>{esc(fmt(v['s4'][g][k], o, 's4'))}</td>")
    out = ["<table class='t s4'>"]
    if o.get("s4_single_header"):
        heads = ["行政复议" + x for x in f] + ["未经复议直接起诉" + x for x in f] + ["复议后起诉" + x for x in f]
        if o.get("s4_single_header") == "plain":
            heads = f * 3
        out.append("<tr>" + "".join(f"<td>{h}</td>" for h in heads) + "</tr>")
    else:
        out.append("<tr><td colspan=5>行政复议</td><td colspan=10>行政诉讼</td></tr>")
        out.append("<tr>" + "".join(f"<td rowspan=2>{x}</td>" for x in f) + "<td colspan=5>未经复议直接起诉</td><td colspan=5>复议后起诉</td></tr>")
        out.append("<tr>" + "".join(f"<td>{x}</td>" for x in f) * 2 + "</tr>")
    out.append("<tr>" + "".join(nums) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def narrative(v, o, agency, year):
    s3, s4 = v["s3"], v["s4"]
    t = s3["new_received"]["total"]
    paras = {}
    paras["一"] = [f"{year}年，{agency}坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实《中华人民共和国政府信息公开条例》，"
                  "围绕中心工作，不断深化政务公开，推进决策、执行、管理、服务、结果公开。",
                  "（一）主动公开。全年通过门户网站主动公开政府信息1526条，其中政策文件38件，政策解读21篇。"]
    if o.get("narr_counts"):
        paras["一"].append(
            f"（二）依申请公开。本年度共收到政府信息公开申请{t}件，上年结转{s3['carried_over']['total']}件，"
            f"办结{s3['total_processed']['total']}件，结转下年度继续办理{s3['carried_forward']['total']}件。")
        r = s4["review"]["total"]
        l1 = s4["suit_direct"]["total"] + s4["suit_after_review"]["total"]
        paras["一"].append(f"（三）全年因政府信息公开被申请行政复议{r}件，被提起行政诉讼{l1}件。")
    else:
        paras["一"].append("（二）依申请公开。严格按照法定时限和程序办理政府信息公开申请，做到依法依规答复。")
    paras["一"].append("（三）政府信息管理。严格落实公开属性源头认定制度，规范发布流程。")
    keys = dict(new=t, co=s3["carried_over"]["total"], tp=s3["total_processed"]["total"], cf=s3["carried_forward"]["total"],
                rev=s4["review"]["total"], lit=s4["suit_direct"]["total"] + s4["suit_after_review"]["total"],
                granted=s3["granted"]["total"], newco=t + s3["carried_over"]["total"])
    paras["一"] += [x.format(**keys) for x in o.get("narr_extra", [])]
    paras["五"] = ["一是公开内容不够全面；二是解读形式较为单一。下一步将加强培训，提升公开质量。"]
    paras["六"] = ["本机关" + str(year) + "年度未收取信息处理费。无其他需要报告的事项。"]
    return paras


CSS_BASE = """
body { font-family: 'Noto Sans CJK SC'; font-size: %(body)s; }
h1 { font-size: 16pt; text-align: center; }
h2 { font-size: 12pt; }
table.t { border-collapse: collapse; width: 100%%; font-size: %(tf)s; }
table.t td { border: %(border)s; padding: 2pt; text-align: center; }
td.l { text-align: left; }
p.cap { text-align: center; font-weight: bold; }
"""


def build_html(spec, v):
    o = spec["opts"]
    agency, year = spec["agency"], spec["year"]
    css = CSS_BASE % {"body": o.get("body_font", "11pt"), "tf": o.get("table_font", "9pt"),
                      "border": o.get("border", "0.5pt solid black")}
    css += o.get("css", "")
    p = narrative(v, o, agency, year)
    heads = [("一", "总体情况"), ("二", "主动公开政府信息情况"), ("三", "收到和处理政府信息公开申请情况"),
             ("四", "政府信息公开行政复议、行政诉讼情况"), ("五", "存在的主要问题及改进情况"), ("六", "其他需要报告的事项")]
    body = []
    if o.get("lo_header"):
        body.append(f"<div title=\"header\"><p align=center>{esc(o['lo_header'])}</p></div>")
    if o.get("lo_footer"):
        body.append('<div title="footer"><p align=center>第 <sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield> 页 共 '
                    '<sdfield type=DOCSTAT subtype=PAGE format=PAGE>1</sdfield> 页</p></div>')
    body.append(f"<h1>{esc(o.get('title', agency + str(year) + '年政府信息公开工作年度报告'))}</h1>")
    body.append("<p>本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制。本报告中所列数据的统计期限自"
                f"{year}年1月1日起至{year}年12月31日止。</p>")
    for num, h in heads:
        body.append(f"<h2>{num}、{h}</h2>")
        if num == "一":
            body += [f"<p>{esc(x)}</p>" for x in p["一"]]
        elif num == "二":
            body.append(s2_html(v, o))
        elif num == "三":
            if o.get("two_s3"):
                body.append("<p>（一）本机关情况</p>")
                body.append(s3_html(v, o))
                body.append("<p>（二）全区汇总情况</p>")
                body.append(s3_html(v, o, "s3_all"))
            else:
                body.append(s3_html(v, o))
        elif num == "四":
            if o.get("s4_landscape"):
                body.append("<div class=land>" + s4_html(v, o) + "</div>")
            else:
                body.append(s4_html(v, o))
        else:
            body += [f"<p>{esc(x)}</p>" for x in p[num]]
    return f"<!DOCTYPE html><html><head><meta charset=utf-8><style>{css}</style></head><body>\n" + "\n".join(body) + "\n</body></html>"


def lo_inline(htmltext, o):
    import re
    border = o.get("border", "0.5pt solid #000000")
    tf = o.get("table_font", "9pt")
    font = o.get("font", "Noto Sans CJK SC")
    def rep(m):
        attrs, inner = m.group(1), m.group(2)
        align = "left" if "class=l" in attrs else o.get("num_align", "center")
        st = "" if border == "none" else f' style="border:{border}"'
        return f'<td{attrs}{st} align="{align}" valign="{o.get("valign", "middle")}"><font face="{font}" style="font-size:{tf}">{inner}</font></td>'
    htmltext = re.sub(r"<td([^>]*)>(.*?)</td>", rep, htmltext, flags=re.S)
    return htmltext.replace("<table class", '<table width="100%" cellspacing="0" cellpadding="2" style="border-collapse:collapse" class')


def render(stem, htmltext, engine, o=None):
    if engine == "soffice":
        htmltext = lo_inline(htmltext, o or {})
    hp = os.path.join(OUT, stem + ".html")
    with open(hp, "w", encoding="utf-8") as f:
        f.write(htmltext)
    pdf = os.path.join(OUT, stem + ".pdf")
    if engine == "soffice":
        subprocess.run(["soffice", "--headless", "--infilter=HTML (StarWriter)", "--convert-to", "pdf:writer_pdf_Export",
                        "--outdir", OUT, hp], check=True, capture_output=True)
    else:
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run",
                        "--user-data-dir=" + os.path.join(OUT, "chrome-profile"), "--no-pdf-header-footer",
                        f"--print-to-pdf={pdf}", "file://" + hp], check=True, capture_output=True)
    return pdf


def make(spec):
    rng = random.Random(spec["seed"])
    o = spec["opts"]
    v = gen_values(rng, scale=o.get("scale", 1), zero_prob=o.get("zero_prob", 0.5))
    if o.get("two_s3"):
        v2 = gen_values(random.Random(spec["seed"] + 1000), scale=3)
        v["s3_all"] = v2["s3"]
    for path, val in o.get("force", {}).items():
        a, b, c = path.split(".")
        v[a][b][c] = val
    if o.get("force"):  # re-derive totals for s3
        for r in ROWS:
            pass
    h = build_html(spec, v)
    pdf = render(spec["stem"], h, spec.get("engine", "soffice"), o)
    truth = {"file": os.path.basename(pdf), "agency": spec["agency"], "year": spec["year"],
             "variation": spec["what"], "values": {k: v[k] for k in ("s2", "s3", "s4")},
             "blank": blanks_for(v, o), "expect_flags": spec.get("expect_flags", [])}
    if "s3_all" in v:
        truth["s3_all"] = v["s3_all"]
    with open(os.path.join(OUT, spec["stem"] + ".truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
    return pdf


if __name__ == "__main__":
    from specs import SPECS
    only = sys.argv[1:]
    for s in SPECS:
        if only and s["stem"] not in only:
            continue
        print("->", make(s), flush=True)
