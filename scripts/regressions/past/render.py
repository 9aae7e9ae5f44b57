"""HTML renderings of report tables as portals publish them (for the past-reports adversarial round)."""
from model import COLS, COL_LABELS, RESULT_ROWS_2021, RESULT_ROWS_2019, S4_GROUPS, S4_FIELDS

FW = str.maketrans("0123456789.", "０１２３４５６７８９．")


class Style:
    def __init__(self, **kw):
        self.wrap = kw.get("wrap", "")  # "", "p", "div", "font"
        self.th = kw.get("th", False)
        self.br = kw.get("br", False)
        self.blank = kw.get("blank", "—")  # how a blank zero prints
        self.unit = kw.get("unit", "")  # "件" appended to counts
        self.fullwidth = kw.get("fullwidth", False)
        self.inline = kw.get("inline", False)
        self.split_at = kw.get("split_at")  # s3 row key where a second <table> starts
        self.unmerged = kw.get("unmerged", False)  # no rowspan/colspan: empty cells instead
        self.s2_captions_as_paragraphs = kw.get("s2cap", False)
        self.thead = kw.get("thead", False)
        self.delta = kw.get("delta", "sign")  # sign, word, short, fwminus
        self.procurement = kw.get("procurement", "yuan_inline")  # yuan_inline, wan_inline, yuan_header, wan_bare
        self.blank_cells = kw.get("blank_cells", set())
        self.heji = kw.get("heji", False)  # 合计 for 总计 in column headers
        self.two_label = kw.get("two_label", False)  # 三 with two label columns (no 三、本年度办理结果 column)
        self.repeat_header = kw.get("repeat_header", False)  # the second part of a split 三 repeats its header rows
        self.thousands = kw.get("thousands", "")  # "," or " " between thousands
        self.word = kw.get("word", False)
        self.s4split = kw.get("s4split", False)  # 四 as two tables: 行政复议, then 行政诉讼
        self.label_br = kw.get("label_br", False)  # <br> inside long row labels too
        self.big = kw.get("big", False)
        self.messy = kw.get("messy", False)  # &nbsp; padding, trailing <br>, label typos and half-width brackets
        self.caption_row = kw.get("caption_row", False)  # section heading as the table's first row
        self.nohead = kw.get("nohead", False)  # 三 without its header rows
        self.v19_heads = kw.get("v19_heads", "")  # "alt": 本年增加/减少, 采购总金额（万元）  # large table font: 三 runs over pages  # Word "save as HTML": MsoNormal spans, runs split, <o:p>, spacer row


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;")


def cell(st, text, tag="td", rs=1, cs=1, header=False, raw=False):
    if st.messy and not raw:
        text = TYPOS.get(text, text)
    attrs = ""
    if rs > 1:
        attrs += f' rowspan="{rs}"'
    if cs > 1:
        attrs += f' colspan="{cs}"'
    if st.inline:
        attrs += ' style="border:1px solid #000;padding:2px 4px;text-align:center;font-size:10.5pt"'
    else:
        attrs += ' align="center"'
    if st.big:
        attrs += ' style="font-size:15pt;padding:6px"'
    body = text if raw else esc(text)
    if (st.br and header or st.label_br and not raw) and len(text) > 8:
        body = "<br>".join(esc(text[i:i + 8]) for i in range(0, len(text), 8))
    if st.word:
        parts = [body[:1], body[1:]] if raw and len(body) > 1 and not body.startswith("&") else [body]
        spans = "".join(f"<span lang=EN-US style='font-size:10.5pt;font-family:宋体'>{x}</span>" for x in parts)
        body = f"<p class=MsoNormal align=center style='text-align:center'>{spans}<span><o:p></o:p></span></p>"
        attrs += " style='border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'"
    elif st.wrap == "p":
        body = f'<p style="margin:0;text-align:center">{body}</p>'
    elif st.wrap == "div":
        body = f'<div class="cell"><span>{body}</span></div>'
    elif st.wrap == "font":
        body = f'<font face="宋体" size="2">{body}</font>'
    t = "th" if (header and st.th) else tag
    return f"<{t}{attrs}>{body}</{t}>"


TYPOS = {"（一）予以公开": "(一)予以公开", "1.属于国家秘密": "1、属于国家秘密", "2.其他法律行政法规禁止公开": "2.其他法律行政止公开",
         "3.危及“三安全一稳定”": '3.危及"三安全一稳定"', "2.重复申请": "2、重复申请", "（七）总计": "(七)总计"}


def num(st, path, v, unit=True):
    if st.messy and path not in st.blank_cells:
        s = num(Style(**{**st.__dict__, "messy": False}), path, v, unit)
        return (f"&nbsp;{s}&nbsp;" if hash(path) % 3 == 0 else f"{s}<br>" if hash(path) % 3 == 1 else f" {s} ")
    if path in st.blank_cells:
        return {"empty": "", "nbsp": "&nbsp;"}.get(st.blank, st.blank)
    s = f"{v:,}".replace(",", st.thousands) if st.thousands and isinstance(v, int) else str(v)
    if st.fullwidth:
        s = s.translate(FW)
    if unit and st.unit and isinstance(v, int):
        s += st.unit
    return s


def table_open(st, border=True):
    b = ' border="1" cellspacing="0" cellpadding="2"' if border and not st.inline else ""
    extra = ' style="border-collapse:collapse;width:100%"' if st.inline else ' width="100%"'
    return f"<table{b}{extra}>"


def s2_2021(st, s2):
    caps = ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"]
    blocks = [
        (["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
         [("规章", "rules", ["made", "repealed", "valid"]), ("行政规范性文件", "normative_docs", ["made", "repealed", "valid"])]),
        (["信息内容", "本年处理决定数量"], [("行政许可", "admin_license", ["decisions"])]),
        (["信息内容", "本年处理决定数量"], [("行政处罚", "admin_penalty", ["decisions"]), ("行政强制", "admin_coercion", ["decisions"])]),
        (["信息内容", "本年收费金额（单位：万元）"], [("行政事业性收费", "admin_fees", ["amount_wan"])]),
    ]
    return _s2(st, caps, blocks, s2, "s2")


def _s2(st, caps, blocks, s2, sec):
    out = []
    if not st.s2_captions_as_paragraphs:
        out.append(table_open(st))
    for cap, (head, items) in zip(caps, blocks):
        if st.s2_captions_as_paragraphs:
            out.append(f"<p>{cap}</p>")
            out.append(table_open(st))
        else:
            out.append("<tr>" + cell(st, cap, cs=4, header=True) + "</tr>")
        hs = [cell(st, head[0], header=True)] + [cell(st, h, header=True, cs=(4 - len(head) + 1) if i == len(head) - 2 else 1)
                                              for i, h in enumerate(head[1:])]
        out.append("<tr>" + "".join(hs) + "</tr>")
        for label, key, fields in items:
            cs = [cell(st, label)]
            for i, f in enumerate(fields):
                v = s2[key][f]
                text = fmt_s2(st, key, f, v, f"{sec}.{key}.{f}")
                span = (4 - len(fields)) if i == len(fields) - 1 else 0
                cs.append(cell(st, text, cs=span + 1, raw=True))
            out.append("<tr>" + "".join(cs) + "</tr>")
        if st.s2_captions_as_paragraphs:
            out.append("</table>")
    if not st.s2_captions_as_paragraphs:
        out.append("</table>")
    return "\n".join(out)


def fmt_s2(st, key, f, v, path):
    if path in st.blank_cells:
        return num(st, path, v)
    if f == "delta":
        if v == 0:
            return "0"
        if st.delta == "sign":
            return f"+{v}" if v > 0 else f"-{-v}"
        if st.delta == "word":
            return f"增加{v}" if v > 0 else f"减少{-v}"
        if st.delta == "short":
            return f"增{v}" if v > 0 else f"减{-v}"
        if st.delta == "fwminus":
            return f"{v}" if v > 0 else f"－{-v}"
    if f == "amount_wan" and key == "procurement":
        if st.procurement == "yuan_inline":
            return f"{round(v * 10000):,}元".replace(",", st.thousands) if st.thousands else f"{round(v * 10000)}元"
        if st.procurement == "wan_inline":
            return f"{v:,}万元".replace(",", st.thousands) if st.thousands else f"{v:g}万元"
        if st.procurement == "yuan_header":
            return str(round(v * 10000))
        return f"{v:g}"
    if f == "amount_wan":
        return f"{v:g}" if not st.fullwidth else f"{v:g}".translate(FW)
    return num(st, path, v, unit=False)


def s2_2019(st, s2):
    caps = ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项", "第二十条第（九）项"]
    amount = "采购总金额（元）" if st.procurement == "yuan_header" else "采购总金额"
    delta = "本年增加/减少" if st.v19_heads == "alt" else "本年增/减"
    if st.v19_heads == "alt" and st.procurement == "wan_bare":
        amount = "采购总金额（万元）"
    blocks = [
        (["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
         [("规章", "rules", ["new_made", "new_published", "total_published"]),
          ("规范性文件", "normative_docs", ["new_made", "new_published", "total_published"])]),
        (["信息内容", "上一年项目数量", delta, "处理决定数量"],
         [("行政许可", "admin_license", ["prev_year_items", "delta", "decisions"]),
          ("其他对外管理服务事项", "other_services", ["prev_year_items", "delta", "decisions"])]),
        (["信息内容", "上一年项目数量", delta, "处理决定数量"],
         [("行政处罚", "admin_penalty", ["prev_year_items", "delta", "decisions"]),
          ("行政强制", "admin_coercion", ["prev_year_items", "delta", "decisions"])]),
        (["信息内容", "上一年项目数量", delta], [("行政事业性收费", "admin_fees", ["prev_year_items", "delta"])]),
        (["信息内容", "采购项目数量", amount], [("政府集中采购", "procurement", ["items", "amount_wan"])]),
    ]
    return _s2(st, caps, blocks, s2, "s2v19")


def s3(st, s3v, template):
    rows = RESULT_ROWS_2021 if template == "v2021" else RESULT_ROWS_2019
    out = [table_open(st)]
    corner = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    total = "合计" if st.heji else "总计"
    lab = 2 if st.two_label else 3
    if st.thead:
        out.append("<thead>")
    header_start = len(out)
    if st.caption_row:
        out.append("<tr>" + cell(st, "三、收到和处理政府信息公开申请情况", cs=lab + 7, header=True) + "</tr>")
    if st.nohead:
        pass
    elif st.unmerged:
        out.append("<tr>" + cell(st, corner, header=True) + cell(st, "", header=True) * 2 + cell(st, "申请人情况", header=True)
                   + cell(st, "", header=True) * 6 + "</tr>")
        out.append("<tr>" + cell(st, "", header=True) * 3 + cell(st, "自然人", header=True) + cell(st, "法人或其他组织", header=True)
                   + cell(st, "", header=True) * 4 + cell(st, total, header=True) + "</tr>")
        out.append("<tr>" + cell(st, "", header=True) * 4 + "".join(cell(st, c, header=True) for c in COL_LABELS[1:])
                   + cell(st, "", header=True) + "</tr>")
    elif True:
        out.append("<tr>" + cell(st, corner, rs=3, cs=lab, header=True) + cell(st, "申请人情况", cs=7, header=True) + "</tr>")
        out.append("<tr>" + cell(st, "自然人", rs=2, header=True) + cell(st, "法人或其他组织", cs=5, header=True)
                   + cell(st, total, rs=2, header=True) + "</tr>")
        out.append("<tr>" + "".join(cell(st, c, header=True) for c in COL_LABELS[1:]) + "</tr>")
    header_rows = out[header_start:]
    if st.thead:
        out.append("</thead><tbody>")

    def nums(key):
        return "".join(cell(st, num(st, f"s3.{key}.{c}", s3v[key][c]), raw=True) for c in COLS + ["total"])

    out.append("<tr>" + cell(st, "一、本年新收政府信息公开申请数量", cs=lab if not st.unmerged else 1)
               + ("" if not st.unmerged else cell(st, "") * 2) + nums("new_received") + "</tr>")
    out.append("<tr>" + cell(st, "二、上年结转政府信息公开申请数量", cs=lab if not st.unmerged else 1)
               + ("" if not st.unmerged else cell(st, "") * 2) + nums("carried_over") + "</tr>")
    full = rows + [("total_processed", "（七）总计", None)]
    # group spans
    seq = []
    for i, (key, label, group) in enumerate(full):
        seq.append((key, label, group))
    split_idx = next((i for i, r in enumerate(seq) if r[0] == st.split_at), None)
    parts = [seq] if split_idx is None else [seq[:split_idx], seq[split_idx:]]
    for pi, part in enumerate(parts):
        if pi == 1:
            out.append("</tbody></table>" if st.thead else "</table>")
            out.append('<p style="text-align:center">- 5 -</p>')
            out.append(table_open(st))
            if st.repeat_header:
                out += header_rows
            if st.thead:
                out.append("<tbody>")
        big_rows = len(part)
        first = True
        i = 0
        while i < len(part):
            key, label, group = part[i]
            tds = ""
            if first:
                tds += "" if st.two_label else cell(st, "三、本年度办理结果", rs=1 if st.unmerged else big_rows)
                first = False
            elif st.unmerged:
                tds += cell(st, "")
            if group is None:
                tds += cell(st, label, cs=1 if st.unmerged else 2) + (cell(st, "") if st.unmerged else "")
                out.append("<tr>" + tds + nums(key) + "</tr>")
                i += 1
                continue
            n = 1
            while i + n < len(part) and part[i + n][2] == group:
                n += 1
            for j in range(n):
                k2, l2, _ = part[i + j]
                t = tds if j == 0 else ("" if not st.unmerged else cell(st, ""))
                if j == 0:
                    t += cell(st, group, rs=1 if st.unmerged else n)
                elif st.unmerged:
                    t += cell(st, "")
                out.append("<tr>" + t + cell(st, l2) + nums(k2) + "</tr>")
            i += n
    if st.word:
        out.append("<![if !supportMisalignedColumns]><tr height=0>" + '<td width=40 style="border:none"></td>' * (lab + 7)
                   + "</tr><![endif]>")
    out.append("<tr>" + cell(st, "四、结转下年度继续办理", cs=lab if not st.unmerged else 1)
               + ("" if not st.unmerged else cell(st, "") * 2) + nums("carried_forward") + "</tr>")
    out.append("</tbody></table>" if st.thead else "</table>")
    return "\n".join(out)


def s4(st, s4v):
    if st.s4split:
        heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
        t1 = [table_open(st), "<tr>" + cell(st, "行政复议", cs=5, header=True) + "</tr>",
              "<tr>" + "".join(cell(st, h, header=True) for h in heads) + "</tr>",
              "<tr>" + "".join(cell(st, num(st, f"s4.review.{f}", s4v["review"][f]), raw=True) for f in S4_FIELDS) + "</tr>",
              "</table>", "<p></p>", table_open(st),
              "<tr>" + cell(st, "行政诉讼", cs=10, header=True) + "</tr>",
              "<tr>" + cell(st, "未经复议直接起诉", cs=5, header=True) + cell(st, "复议后起诉", cs=5, header=True) + "</tr>",
              "<tr>" + "".join(cell(st, h, header=True) for h in heads * 2) + "</tr>",
              "<tr>" + "".join(cell(st, num(st, f"s4.{g}.{f}", s4v[g][f]), raw=True) for g in S4_GROUPS[1:] for f in S4_FIELDS)
              + "</tr>", "</table>"]
        return "\n".join(t1)
    out = [table_open(st)]
    if st.thead:
        out.append("<thead>")
    out.append("<tr>" + cell(st, "行政复议", cs=5, header=True) + cell(st, "行政诉讼", cs=10, header=True) + "</tr>")
    out.append("<tr>" + "".join(cell(st, h, rs=2, header=True) for h in ["结果维持", "结果纠正", "其他结果", "尚未审结", "合计" if st.heji else "总计"])
               + cell(st, "未经复议直接起诉", cs=5, header=True) + cell(st, "复议后起诉", cs=5, header=True) + "</tr>")
    out.append("<tr>" + "".join(cell(st, h, header=True) for h in ["结果维持", "结果纠正", "其他结果", "尚未审结", "合计" if st.heji else "总计"] * 2) + "</tr>")
    if st.thead:
        out.append("</thead><tbody>")
    out.append("<tr>" + "".join(cell(st, num(st, f"s4.{g}.{f}", s4v[g][f]), raw=True) for g in S4_GROUPS for f in S4_FIELDS) + "</tr>")
    out.append("</tbody></table>" if st.thead else "</table>")
    return "\n".join(out)
