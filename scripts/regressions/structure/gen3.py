#!/usr/bin/env python3
"""Round 3: whole-document structure/text variations. HTML -> PDF (LibreOffice or Chromium), truth JSON beside."""
import json, os, random, subprocess, sys, copy, re
sys.path.insert(0, os.path.dirname(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import gen as B  # the round-1 generator (scripts/regressions/gen.py): values and table HTML
from gen import esc, gen_values, s3_html, s4_html, ROWS, COLS, S4_GROUPS, S4_FIELDS

OUT = os.environ.get("GONGKAI_REGRESSION_OUT", "/tmp/gongkai-regressions-structure")
B.OUT = OUT
os.makedirs(OUT, exist_ok=True)

HEADS = {"一": "总体情况", "二": "主动公开政府信息情况", "三": "收到和处理政府信息公开申请情况",
         "四": "政府信息公开行政复议、行政诉讼情况", "五": "存在的主要问题及改进情况", "六": "其他需要报告的事项"}

FILLER = [
    "全年通过区政府门户网站发布各类政府信息2,345条，其中政策文件56件，政策解读43篇，图片解读12篇，召开新闻发布会12场。",
    "网上办事大厅全年受理办件35,621件，按时办结率100%，群众满意率99.8%。",
    "累计答复网民留言1,203件，办理人大代表建议和政协提案42件，办结群众来信86件。",
    "持续深化“放管服”改革，推进政务服务事项“一网通办”，可网办率达98.6%，平均办理时限压缩至3个工作日。",
    "加强政府网站和政务新媒体管理，开展季度检查4次，整改问题23个，政务微信公众号发布信息812条。",
    "围绕优化营商环境、乡村振兴、生态环境保护等重点领域，集中公开重大建设项目批准和实施信息178条。",
    "严格落实政府信息公开保密审查制度，坚持“先审查、后公开”和“一事一审”原则，全年未发生泄密事件。",
    "组织开展政务公开业务培训3期，培训人员260余人次，进一步提升工作人员业务能力。",
    "依法做好财政预决算公开，公开部门预算、决算及“三公”经费情况，预决算公开率达100%。",
    "在政府开放日活动中邀请人大代表、政协委员、群众代表等参与活动6次，参与人数150余人。",
]


def mkvalues(spec):
    rng = random.Random(spec["seed"])
    o = spec["opts"]
    v = gen_values(rng, scale=o.get("scale", 1), zero_prob=o.get("zero_prob", 0.5))
    if o.get("two_s3"):
        v["s3_all"] = gen_values(random.Random(spec["seed"] + 1000), scale=3)["s3"]
    return v


# ---------------- section 二 (custom) ----------------
def s2_custom(v, o):
    d = v["s2"]
    cellp = o.get("s2_print", {})  # path -> printed string

    def n(path, val):
        if path in cellp:
            return esc(cellp[path])
        return esc(B.fmt(val, o, "s2"))
    parts = {
        "一": ("第二十条第（一）项", ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
               [["规章"] + [n(f"s2.rules.{k}", d["rules"][k]) for k in ("made", "repealed", "valid")],
                [o.get("nd_label", "行政规范性文件")] + [n(f"s2.normative_docs.{k}", d["normative_docs"][k]) for k in ("made", "repealed", "valid")]]),
        "五": ("第二十条第（五）项", ["信息内容", "本年处理决定数量"], [["行政许可", n("s2.admin_license.decisions", d["admin_license"]["decisions"])]]),
        "六": ("第二十条第（六）项", ["信息内容", "本年处理决定数量"], [["行政处罚", n("s2.admin_penalty.decisions", d["admin_penalty"]["decisions"])],
                                                        ["行政强制", n("s2.admin_coercion.decisions", d["admin_coercion"]["decisions"])]]),
        "八": ("第二十条第（八）项", ["信息内容", "本年收费金额（单位：万元）"], [["行政事业性收费", n("s2.admin_fees.amount_wan", d["admin_fees"]["amount_wan"])]]),
    }
    if o.get("no_rules_row"):
        parts["一"] = (parts["一"][0], parts["一"][1], parts["一"][2][1:])
    order = o.get("s2_order", ["一", "五", "六", "八"])
    out = []
    sep = o.get("s2_mode") == "separate"
    if not sep:
        out.append("<table class=t>")
    for k in order:
        cap, head, rows = parts[k]
        if sep:
            out.append(f"<p class=cap>{cap}</p><table class=t>")
        else:
            out.append(f"<tr><td colspan=4 class=capc>{cap}</td></tr>")
        out.append("<tr>" + "".join(f"<td colspan={1 if len(head) == 4 or i == 0 else 3}>{h}</td>" for i, h in enumerate(head)) + "</tr>")
        for r in rows:
            out.append("<tr>" + "".join(f"<td colspan={1 if len(r) == 4 or i == 0 else 3} class={'l' if i == 0 else 'n'}>{c}</td>" for i, c in enumerate(r)) + "</tr>")
        if sep:
            out.append("</table>")
    if not sep:
        out.append("</table>")
    return "\n".join(out)


def simple_table(head, rows):
    out = ["<table class=t>", "<tr>" + "".join(f"<td>{esc(h)}</td>" for h in head) + "</tr>"]
    for r in rows:
        out.append("<tr>" + "".join(f"<td class={'l' if i == 0 else 'n'}>{esc(str(c))}</td>" for i, c in enumerate(r)) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def heading(num, o):
    text = o.get("heads", {}).get(num, f"{num}、{HEADS[num]}")
    if text is None:
        return ""
    style = o.get("head_style", "h2")
    if style == "bigbold":
        return f"<p><b><font size=5>{esc(text)}</font></b></p>"
    if style == "plain":
        return f"<p>{esc(text)}</p>"
    return f"<h2>{esc(text)}</h2>"


def P(x):
    return f"<p>{esc(x)}</p>"


def build_html(spec, v):
    o = spec["opts"]
    agency, year = spec["agency"], spec["year"]
    css = B.CSS_BASE % {"body": o.get("body_font", "11pt"), "tf": o.get("table_font", "9pt"), "border": "0.5pt solid black"}
    css += o.get("css", "")
    title = o.get("title", f"{agency}{year}年政府信息公开工作年度报告")
    body = []
    if o.get("lo_header"):
        body.append(f"<div title=\"header\"><p align=center>{esc(o['lo_header'])}</p></div>")
    if o.get("lo_footer"):
        body.append('<div title="footer"><p align=center>- <sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield> -</p></div>')
    if o.get("cover"):
        body.append(simple_table(["索引号", o["cover"]["idx"], "分类", "政府信息公开年报"],
                                 [["发布机构", o["cover"]["pub"], "发文日期", f"{year + 1}-01-20"],
                                  ["名称", title, "文号", ""],
                                  ["发布日期", f"{year + 1}-01-20", "主题词", ""]]))
    for x in o.get("pre_title", []):
        body.append(P(x))
    if not o.get("no_title"):
        body.append(f"<h1>{esc(title)}</h1>")
    for x in o.get("post_title", []):
        body.append(P(x))
    if o.get("toc"):
        body.append("<p align=center><b>目　录</b></p>")
        for num in "一二三四五六":
            body.append(P(f"{num}、{HEADS[num]}……………………{2 + '一二三四五六'.index(num) * 3}"))
        body.append('<p style="page-break-before: always"></p>')
    body.append(P(o.get("intro", "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制。本报告中所列数据的统计期限自"
                f"{year}年1月1日起至{year}年12月31日止。本报告电子版可在本机关门户网站下载。")))
    for num in "一二三四五六":
        body.append(heading(num, o))
        sec = o.get("sec", {}).get(num, {})
        body += [P(x) for x in sec.get("before", [])]
        body += sec.get("before_html", [])
        if num == "一":
            body.append(P(f"{year}年，{agency}坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实《中华人民共和国政府信息公开条例》，"
                          "围绕中心工作，不断深化政务公开，推进决策、执行、管理、服务、结果公开。"))
            for i in range(o.get("filler", 0)):
                body.append(P(FILLER[i % len(FILLER)]))
        elif num == "二":
            body.append(s2_custom(v, o))
        elif num == "三":
            if o.get("spacer_mm"):
                body.append(f"<div style='height:{o['spacer_mm']}mm'></div>")
            body.append(s3_html(v, o))
            if o.get("two_s3"):
                body.append(P(o.get("second_caption", "（二）所属单位收到和处理政府信息公开申请情况")))
                body.append(s3_html(v, o, "s3_all"))
        elif num == "四":
            body.append(s4_html(v, o))
        elif num == "五":
            body.append(P("一是公开内容不够全面；二是解读形式较为单一。下一步将加强培训，提升公开质量。"))
            for i in range(o.get("filler5", 0)):
                body.append(P(FILLER[(i + 3) % len(FILLER)]))
        elif num == "六":
            body.append(P(o.get("s6", f"本机关{year}年度未收取信息处理费。无其他需要报告的事项。")))
        body += [P(x) for x in sec.get("after", [])]
        body += sec.get("after_html", [])
    for x in o.get("tail", []):
        body.append(P(x))
    return f"<!DOCTYPE html><html><head><meta charset=utf-8><style>{css}</style></head><body>\n" + "\n".join(body) + "\n</body></html>"


def blanks(v, o):
    out = B.blanks_for({k: v[k] for k in ("s2", "s3", "s4")}, o)
    for p, s in o.get("s2_print", {}).items():
        if s.strip() in ("", "/", "无", "不涉及", "—", "-") and p not in out:
            out.append(p)
    if o.get("no_rules_row"):
        out = [p for p in out if not p.startswith("s2.rules.")]
    return sorted(set(out))


def make(spec):
    o = spec["opts"]
    v = mkvalues(spec)
    for path, val in o.get("force", {}).items():  # force a value; then derived totals re-derived unless 'broken'
        a, b, c = path.split(".")
        v[a][b][c] = val
    if o.get("force"):
        s3 = v["s3"]
        for c in COLS[:-1]:
            s3["total_processed"][c] = sum(s3[r][c] for r in B.RESULT_ROWS)
            s3["new_received"][c] = s3["total_processed"][c] + s3["carried_forward"][c] - s3["carried_over"][c]
        for r in ROWS:
            s3[r]["total"] = sum(s3[r][c] for c in COLS[:-1])
        for g in S4_GROUPS:
            v["s4"][g]["total"] = sum(v["s4"][g][f] for f in S4_FIELDS[:-1])
    for path, delta in o.get("break", {}).items():  # published arithmetic errors, after derivation
        a, b, c = path.split(".")
        v[a][b][c] += delta
    # narrative templates filled with table values
    s3, s4 = v["s3"], v["s4"]
    keys = dict(new=s3["new_received"]["total"], co=s3["carried_over"]["total"], tp=s3["total_processed"]["total"],
                cf=s3["carried_forward"]["total"], rev=s4["review"]["total"],
                lit=s4["suit_direct"]["total"] + s4["suit_after_review"]["total"], granted=s3["granted"]["total"],
                newp5=s3["new_received"]["total"] + 5, tpm2=s3["total_processed"]["total"] - 2,
                big=s3["new_received"]["total"] * 37 + 11, bigtp=s3["total_processed"]["total"] * 37 + 5,
                new_cn=cn(s3["new_received"]["total"]), tp_cn=cn(s3["total_processed"]["total"]),
                cf_cn=cn(s3["carried_forward"]["total"]), rev_cn=cn(s4["review"]["total"]),
                pct=round(100 * s3["granted"]["total"] / max(1, s3["total_processed"]["total"]), 1),
                prev=max(0, s3["new_received"]["total"] - 7), yr=spec["year"], yrp=spec["year"] - 1,
                revp1=s4["review"]["total"] + 1)
    def fill(x):
        return x.format(**keys) if isinstance(x, str) else x
    o = copy.deepcopy(o)
    for sec in o.get("sec", {}).values():
        for k in ("before", "after"):
            if k in sec:
                sec[k] = [fill(x) for x in sec[k]]
    o["tail"] = [fill(x) for x in o.get("tail", [])]
    spec = dict(spec, opts=o)
    h = build_html(spec, v)
    engine = spec.get("engine", "soffice")
    pdf = B.render(spec["stem"], h, engine, o)
    vals = {k: copy.deepcopy(v[k]) for k in ("s2", "s3", "s4")}
    if o.get("no_rules_row"):
        vals["s2"]["rules"] = {"made": None, "repealed": None, "valid": None}
    truth = {"file": os.path.basename(pdf), "agency": spec["agency"], "agency_alt": spec.get("agency_alt", []),
             "year": spec["year"], "variation": spec["what"], "status": spec.get("status", "success"),
             "values": vals, "blank": blanks(v, o), "expect_flags": spec.get("expect_flags", [])}
    with open(os.path.join(OUT, spec["stem"] + ".truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
    return pdf


CN = "零一二三四五六七八九"


def cn(n):
    if n < 10:
        return CN[n]
    if n < 20:
        return "十" + (CN[n % 10] if n % 10 else "")
    if n < 100:
        return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")
    h, r = divmod(n, 100)
    s = CN[h] + "百"
    if r == 0:
        return s
    if r < 10:
        return s + "零" + CN[r]
    return s + (CN[r // 10] + "十" + (CN[r % 10] if r % 10 else ""))


if __name__ == "__main__":
    from specs3 import SPECS
    only = sys.argv[1:]
    for s in SPECS:
        if only and s["stem"] not in only:
            continue
        print("->", make(s), flush=True)
