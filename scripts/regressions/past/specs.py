"""The cases of the past-reports adversarial round, and the legacy (2008–2018) report writer."""

LEGACY_KEYS = [
    "active.published", "active.normative_docs", "applications.received", "applications.completed",
    "answers.already_public", "answers.granted", "answers.partial", "answers.denied", "answers.not_this_agency",
    "answers.not_exist", "answers.supplement", "answers.other_channel", "denial_reasons.state_secret",
    "denial_reasons.commercial_secret", "denial_reasons.privacy", "denial_reasons.security_stability",
    "denial_reasons.not_gov_info", "denial_reasons.other_law", "review.total", "review.upheld", "review.corrected",
    "review.other", "litigation.total", "litigation.upheld", "litigation.corrected", "litigation.other",
    "complaints.total", "fees.amount_wan",
]
MAPPED = {"applications.received": "s3.new_received.total", "answers.granted": "s3.granted.total",
          "answers.partial": "s3.partial.total", "denial_reasons.state_secret": "s3.deny_state_secret.total",
          "denial_reasons.security_stability": "s3.deny_three_security.total", "review.total": "s4.review.total",
          "review.upheld": "s4.review.upheld", "review.corrected": "s4.review.corrected"}

CASES = [
    # v2021 layout, HTML as portals publish it
    {"stem": "a01-gbk-nested-p-nbsp", "layout": "v2021", "year": 2022, "fmt": "html", "enc": "gbk-meta", "blank": "nbsp",
     "style": {"nested": True, "wrap": "p"}, "note": "GBK meta http-equiv; tables nested in layout table; <p> in cells; &nbsp; blanks"},
    {"stem": "a02-utf8-nometa-th-br", "layout": "v2021", "year": 2023, "fmt": "html", "enc": "utf8-nometa", "blank": "—",
     "style": {"th": True, "br": True, "inline": True}, "note": "UTF-8 without meta; <th> headers; <br> in header labels; inline styles"},
    {"stem": "a03-bom-split-s3", "layout": "v2021", "year": 2021, "fmt": "html", "enc": "utf8-bom", "blank": "/",
     "style": {"split_at": "unable_not_held", "wrap": "div"}, "note": "UTF-8 BOM; 三 table split into two <table>s at （四）; <div> cells"},
    {"stem": "a04-gb2312-jian-fullwidth", "layout": "v2021", "year": 2024, "fmt": "html", "enc": "gb2312-charset", "blank": "0",
     "style": {"unit": "件", "fullwidth": True}, "blank_share": 0, "note": "<meta charset=gb2312>; counts with 件; full-width digits"},
    {"stem": "a05-unmerged-grid", "layout": "v2021", "year": 2022, "fmt": "html", "enc": "utf8-meta", "blank": "empty",
     "style": {"unmerged": True}, "note": "no rowspan/colspan: merged cells exported as empty cells; empty blanks"},
    {"stem": "a06-pdf-div", "layout": "v2021", "year": 2023, "fmt": "pdf", "enc": "utf8-meta", "blank": "/",
     "style": {"wrap": "div"}, "note": "PDF via LibreOffice from HTML; / blanks"},
    {"stem": "a07-docx-lo-br", "layout": "v2021", "year": 2022, "fmt": "docx", "enc": "utf8-meta", "blank": "—",
     "style": {"br": True}, "note": ".docx via LibreOffice from HTML; <br> in labels"},
    {"stem": "a08-docx-template", "layout": "v2021", "year": 2023, "fmt": "docx-template", "blank": "",
     "note": "official template filled; blanks left empty"},
    {"stem": "a09-docx-template-fw", "layout": "v2021", "year": 2021, "fmt": "docx-template", "blank": "—",
     "style": {"fullwidth": True}, "note": "official template filled with full-width digits; — blanks"},
    {"stem": "a10-s2-captions-thead", "layout": "v2021", "year": 2024, "fmt": "html", "enc": "utf8-meta", "blank": "无",
     "style": {"s2cap": True, "thead": True, "th": True}, "note": "二 captions as paragraphs above four tables; <thead>; 无 blanks"},
    {"stem": "a11-htm-gbk-font", "layout": "v2021", "year": 2022, "fmt": "html", "ext": "htm", "enc": "gb2312-meta",
     "blank": "-", "style": {"wrap": "font", "nested": True}, "note": ".htm GB2312; <font> cells; - blanks; nested"},
    # v2019
    {"stem": "b01-v19-word-delta-wan", "layout": "v2019", "year": 2020, "fmt": "html", "enc": "utf8-meta", "blank": "—",
     "style": {"delta": "word", "procurement": "wan_inline"}, "note": "增加N/减少N; 采购金额 9.63万元"},
    {"stem": "b02-v19-gbk-yuan-header", "layout": "v2019", "year": 2019, "fmt": "html", "enc": "gbk-meta", "blank": "/",
     "style": {"delta": "sign", "procurement": "yuan_header", "nested": True}, "note": "采购总金额（元） bare 元; +N/-N; GBK nested"},
    {"stem": "b03-v19-pdf-fwminus", "layout": "v2019", "year": 2020, "fmt": "pdf", "enc": "utf8-meta", "blank": "/",
     "style": {"delta": "fwminus", "procurement": "yuan_inline"}, "note": "PDF; full-width minus; 251000元 inline"},
    {"stem": "b04-v19-docx-short", "layout": "v2019", "year": 2020, "fmt": "docx", "enc": "utf8-meta", "blank": "—",
     "style": {"delta": "short", "procurement": "wan_bare"}, "note": ".docx via LO; 增N/减N; bare 万元"},
    {"stem": "b05-v19-layout-2021", "layout": "v2019", "year": 2021, "fmt": "html", "enc": "utf8-meta", "blank": "—",
     "style": {"delta": "sign", "procurement": "yuan_inline"}, "note": "2021 report printing the 2019 layout"},
    {"stem": "b06-v21-layout-2020", "layout": "v2021", "year": 2020, "fmt": "pdf", "enc": "utf8-meta", "blank": "—",
     "style": {}, "note": "2020 report printing the 2021 layout"},
    {"stem": "b07-v19-split-th", "layout": "v2019", "year": 2019, "fmt": "html", "enc": "utf8-bom", "blank": "nbsp",
     "style": {"split_at": "reject_petition", "th": True, "delta": "sign", "procurement": "yuan_inline"},
     "note": "v2019 三 split at （五）; <th>; BOM; &nbsp; blanks"},
    {"stem": "b08-v19-unmerged-docx", "layout": "v2019", "year": 2020, "fmt": "docx", "enc": "utf8-meta", "blank": "empty",
     "style": {"unmerged": True, "delta": "word", "procurement": "wan_inline"}, "note": "v2019 unmerged grid as .docx"},
    {"stem": "b09-v19-pdf-unmerged", "layout": "v2019", "year": 2019, "fmt": "pdf", "enc": "utf8-meta", "blank": "—",
     "style": {"unmerged": True, "delta": "sign", "procurement": "yuan_header"}, "note": "v2019 unmerged grid PDF; header 元"},
    # round 2: portal pages, Word HTML, encodings, layouts
    {"stem": "d01-word-html", "layout": "v2021", "year": 2022, "fmt": "html", "enc": "gb2312-meta", "blank": "nbsp",
     "style": {"word": True}, "note": "Word save-as-HTML: MsoNormal spans, split runs, <o:p>, spacer row"},
    {"stem": "d02-portal-chrome", "layout": "v2021", "year": 2023, "fmt": "html", "enc": "utf8-meta", "blank": "—",
     "chrome": True, "style": {}, "note": "portal chrome: nav, 索引号 meta table, dates, ICP footer"},
    {"stem": "d03-thousands", "layout": "v2021", "year": 2022, "fmt": "html", "enc": "utf8-meta", "blank": "—", "scale": 3000,
     "style": {"thousands": ","}, "note": "1,362 thousands separators, large counts"},
    {"stem": "d04-two-label-cols", "layout": "v2021", "year": 2023, "fmt": "html", "enc": "utf8-meta", "blank": "—",
     "style": {"two_label": True, "heji": True}, "note": "三 with two label columns; 合计 for 总计"},
    {"stem": "d05-one-td-br", "layout": "v2021", "year": 2021, "fmt": "html", "enc": "gbk-meta", "blank": "/",
     "one_td_br": True, "style": {}, "note": "whole report in one <td>, lines separated by <br>"},
    {"stem": "d06-split-repeat-header", "layout": "v2021", "year": 2022, "fmt": "html", "enc": "utf8-meta", "blank": "—",
     "style": {"split_at": "deny_process_info", "repeat_header": True}, "note": "三 split in two tables, header rows repeated"},
    {"stem": "d07-split-repeat-docx", "layout": "v2019", "year": 2020, "fmt": "docx", "enc": "utf8-meta", "blank": "—",
     "style": {"split_at": "unable_unclear", "repeat_header": True, "delta": "sign", "procurement": "yuan_inline"},
     "note": "v2019 .docx, 三 split with repeated header"},
    {"stem": "d08-mislabelled-utf8", "layout": "v2021", "year": 2023, "fmt": "html", "enc": "utf8-mislabelled-gbk", "blank": "—",
     "style": {}, "note": "UTF-8 bytes under a gb2312 meta"},
    {"stem": "d09-gbk-nometa", "layout": "v2019", "year": 2020, "fmt": "html", "enc": "gbk-nometa", "blank": "—",
     "style": {"delta": "word", "procurement": "wan_inline"}, "note": "GBK without meta"},
    {"stem": "d10-xhtml-ncr", "layout": "v2021", "year": 2024, "fmt": "html", "enc": "ncr", "blank": "—", "style": {},
     "note": "all CJK as numeric character references, iso-8859-1 meta"},
    {"stem": "d11-xml-decl", "layout": "v2021", "year": 2022, "fmt": "html", "enc": "xml-gb2312", "blank": "—", "style": {},
     "note": "XHTML with <?xml encoding=gb2312?> and no meta"},
    {"stem": "d12-signature-agency", "layout": "v2021", "year": 2022, "fmt": "html", "enc": "utf8-meta", "blank": "—",
     "signature": True, "style": {}, "note": "title without agency; agency only in the signature"},
    {"stem": "d13-word-v19-docx", "layout": "v2019", "year": 2020, "fmt": "docx", "enc": "utf8-meta", "blank": "—",
     "style": {"word": True, "delta": "sign", "procurement": "yuan_inline"}, "note": "Word HTML v2019 converted to .docx by LibreOffice"},
    {"stem": "d14-thousands-space-pdf", "layout": "v2021", "year": 2023, "fmt": "pdf", "enc": "utf8-meta", "blank": "—",
     "scale": 2500, "style": {"thousands": " ", "two_label": True}, "note": "3 119 space separators, two label cols, PDF"},
    {"stem": "d15-chrome-v19-gbk", "layout": "v2019", "year": 2019, "fmt": "html", "enc": "gbk-meta", "blank": "—",
     "chrome": True, "style": {"nested": True, "delta": "short", "procurement": "yuan_header"}, "note": "v2019 GBK with chrome"},
    # round 3: .docx internals, 四 as two tables, pages
    {"stem": "e01-docx-sdt", "layout": "v2021", "year": 2022, "fmt": "docx-template", "blank": "—", "docx_runs": "sdt",
     "note": "template filled through content controls (w:sdt)"},
    {"stem": "e02-docx-split-runs", "layout": "v2021", "year": 2023, "fmt": "docx-template", "blank": "", "docx_runs": "split",
     "note": "numbers split over runs with proofErr/bookmarks between"},
    {"stem": "e03-docx-ins", "layout": "v2021", "year": 2024, "fmt": "docx-template", "blank": "0", "docx_runs": "ins",
     "blank_share": 0, "note": "numbers typed with track changes on (w:ins)"},
    {"stem": "e04-docx-smarttag", "layout": "v2021", "year": 2021, "fmt": "docx-template", "blank": "—",
     "docx_runs": "smarttag", "note": "numbers inside smartTag elements"},
    {"stem": "e05-docx-nested", "layout": "v2021", "year": 2022, "fmt": "docx", "enc": "utf8-meta", "blank": "—",
     "style": {"nested": True}, "note": ".docx from a nested-layout page: report tables inside a table cell"},
    {"stem": "e06-s4-split-html", "layout": "v2021", "year": 2023, "fmt": "html", "enc": "utf8-meta", "blank": "—",
     "style": {"s4split": True, "label_br": True}, "note": "四 as two tables (复议, 诉讼); <br> in row labels"},
    {"stem": "e07-s4-split-pdf", "layout": "v2019", "year": 2020, "fmt": "pdf", "enc": "utf8-meta", "blank": "/",
     "style": {"s4split": True, "delta": "sign", "procurement": "yuan_inline", "thousands": ","},
     "note": "v2019 PDF, 四 as two tables, 4,304,100元"},
    {"stem": "e08-big-thead-pdf", "layout": "v2021", "year": 2022, "fmt": "pdf", "enc": "utf8-meta", "blank": "—",
     "style": {"big": True, "thead": True}, "note": "large font: 三 over pages, <thead> repeated by Writer"},
    {"stem": "e09-s2cap-docx", "layout": "v2021", "year": 2023, "fmt": "docx", "enc": "utf8-meta", "blank": "无",
     "style": {"s2cap": True, "label_br": True}, "note": ".docx, 二 captions as paragraphs, <br> labels"},
    {"stem": "e10-s4-split-docx", "layout": "v2021", "year": 2024, "fmt": "docx", "enc": "utf8-meta", "blank": "—",
     "style": {"s4split": True, "two_label": True}, "note": ".docx, 四 as two tables, two label columns"},
    {"stem": "e11-v19-wan-thousands", "layout": "v2019", "year": 2019, "fmt": "html", "enc": "utf8-meta", "blank": "—",
     "style": {"delta": "fwminus", "procurement": "wan_inline", "thousands": ","}, "note": "采购 1,234.5万元"},
    # round 4: messy cells, headings in tables, headerless 三, v2019 header variants, template → PDF
    {"stem": "f01-messy-cells", "layout": "v2021", "year": 2023, "fmt": "html", "enc": "utf8-meta", "blank": "—",
     "style": {"messy": True}, "note": "&nbsp; padding, trailing <br>, typos, half-width brackets, 1、"},
    {"stem": "f02-caption-row", "layout": "v2021", "year": 2022, "fmt": "html", "enc": "gbk-meta", "blank": "/",
     "style": {"caption_row": True, "th": True}, "note": "section heading as the first row of the 三 table"},
    {"stem": "f03-nohead-s3", "layout": "v2021", "year": 2024, "fmt": "html", "enc": "utf8-meta", "blank": "—",
     "style": {"nohead": True}, "note": "三 without its header rows"},
    {"stem": "f04-v19-alt-heads", "layout": "v2019", "year": 2020, "fmt": "html", "enc": "utf8-meta", "blank": "—",
     "style": {"v19_heads": "alt", "delta": "word", "procurement": "wan_bare"},
     "note": "本年增加/减少, 采购总金额（万元） with bare amounts"},
    {"stem": "f05-template-pdf", "layout": "v2021", "year": 2022, "fmt": "docx-template-pdf", "blank": "—",
     "note": "official template filled, then exported to PDF by LibreOffice"},
    {"stem": "f06-messy-pdf", "layout": "v2019", "year": 2019, "fmt": "pdf", "enc": "utf8-meta", "blank": "—",
     "style": {"messy": True, "delta": "sign", "procurement": "yuan_inline"}, "note": "messy cells v2019 PDF"},
    {"stem": "f07-messy-docx", "layout": "v2021", "year": 2021, "fmt": "docx", "enc": "utf8-meta", "blank": "—",
     "style": {"messy": True, "caption_row": True}, "note": "messy cells, heading row, .docx"},
    {"stem": "f08-nohead-pdf", "layout": "v2021", "year": 2023, "fmt": "pdf", "enc": "utf8-meta", "blank": "—",
     "style": {"nohead": True}, "note": "三 without header rows, PDF"},
    {"stem": "f09-narr-compare", "layout": "v2021", "year": 2023, "fmt": "html", "enc": "utf8-meta", "blank": "—",
     "narrative": "compare", "style": {}, "note": "narrative compares with last year before stating this year's counts"},
    {"stem": "f10-narr-compare-v19", "layout": "v2019", "year": 2020, "fmt": "pdf", "enc": "utf8-meta", "blank": "—",
     "narrative": "compare", "style": {"delta": "sign", "procurement": "yuan_inline"}, "note": "same, v2019 PDF"},
    {"stem": "c17-leg-compare", "layout": "legacy", "year": 2016, "fmt": "html", "enc": "utf8-meta", "legacy": "compare",
     "fee": "none", "note": "legacy: 与上年收到申请N件相比, 本年度收到申请M件"},
    # legacy
    {"stem": "c01-leg-narr-yuan-pdf", "layout": "legacy", "year": 2011, "fmt": "pdf", "legacy": "narrative", "fee": "yuan",
     "note": "narrative only; fee in 元"},
    {"stem": "c02-leg-table3-gbk", "layout": "legacy", "year": 2015, "fmt": "html", "enc": "gbk-meta", "legacy": "table3",
     "fee": "wan", "note": "统计表 指标|单位|数量, GBK"},
    {"stem": "c03-leg-table2-pdf", "layout": "legacy", "year": 2014, "fmt": "pdf", "legacy": "table2", "fee": "wan",
     "note": "统计表 two columns, PDF"},
    {"stem": "c04-leg-prose-review-docx", "layout": "legacy", "year": 2017, "fmt": "docx", "legacy": "prose_outcomes",
     "fee": "none", "note": "行政复议/诉讼 with outcomes in prose, .docx"},
    {"stem": "c05-leg-zero-html", "layout": "legacy", "year": 2009, "fmt": "html", "enc": "utf8-nometa", "legacy": "zero",
     "fee": "none", "note": "未收到申请, 未发生复议诉讼, 未收取费用"},
    {"stem": "c06-leg-denial-paren-pdf", "layout": "legacy", "year": 2018, "fmt": "pdf", "legacy": "denial_paren",
     "fee": "yuan", "note": "不同意公开2件（涉及国家秘密1件、个人隐私1件）"},
    {"stem": "c07-leg-table3-nested", "layout": "legacy", "year": 2013, "fmt": "html", "enc": "gb2312-meta",
     "legacy": "table3", "fee": "wan", "style": {"nested": True}, "note": "统计表 nested in layout table"},
    {"stem": "c08-leg-table2-docx", "layout": "legacy", "year": 2016, "fmt": "docx", "legacy": "table2", "fee": "yuan_table",
     "note": "统计表 as .docx, fee row in 元"},
    {"stem": "c10-leg-numerals", "layout": "legacy", "year": 2012, "fmt": "html", "enc": "utf8-meta", "legacy": "numerals",
     "fee": "none", "note": "counts in Chinese numerals (受理申请二十三件)"},
    {"stem": "c11-leg-percent-jianmian", "layout": "legacy", "year": 2016, "fmt": "pdf", "legacy": "percent",
     "fee": "yuan_jianmian", "note": "共计/占%/办结率100%; fee 358.50元 with 减免"},
    {"stem": "c12-leg-qi-before", "layout": "legacy", "year": 2015, "fmt": "html", "enc": "gbk-nometa", "legacy": "qi_before",
     "fee": "wan", "note": "发生2起…行政复议案件 (number before the word); GBK without meta"},
    {"stem": "c13-leg-thousands", "layout": "legacy", "year": 2017, "fmt": "html", "enc": "utf8-meta", "legacy": "narrative",
     "fee": "none", "thousands": True, "note": "主动公开政府信息共计12,345条"},
    {"stem": "c14-leg-table2-docx-wan", "layout": "legacy", "year": 2010, "fmt": "docx", "legacy": "table2", "fee": "wan",
     "note": "统计表 .docx in 万元"},
    {"stem": "c15-leg-title-year-first", "layout": "legacy", "year": 2013, "fmt": "html", "enc": "utf8-meta",
     "legacy": "denial_paren", "fee": "wan", "title_style": "year_first", "note": "title 2013年度XX政府信息公开年报"},
    {"stem": "c16-leg-title-niandu", "layout": "legacy", "year": 2011, "fmt": "pdf", "legacy": "narrative",
     "fee": "yuan", "title_style": "niandu", "note": "title XX2011年度政府信息公开工作报告"},
    {"stem": "c09-leg-narr-html-2008", "layout": "legacy", "year": 2008, "fmt": "html", "enc": "gbk-meta",
     "legacy": "narrative", "fee": "wan", "note": "2008 narrative, GBK"},
]


def cn(n):
    d = "零一二三四五六七八九"
    if n < 10:
        return d[n]
    if n < 20:
        return "十" + (d[n % 10] if n % 10 else "")
    if n < 100:
        return d[n // 10] + "十" + (d[n % 10] if n % 10 else "")
    return str(n)


def legacy_facts(rng, kind):
    f = {k: None for k in LEGACY_KEYS}
    pub = rng.randint(300, 9000)
    f["active.published"] = pub
    f["active.normative_docs"] = rng.randint(1, 40)
    if kind == "zero":
        f["applications.received"] = 0
        f["review.total"] = 0
        f["litigation.total"] = 0
        f["fees.amount_wan"] = 0
        return f
    g, p = rng.randint(5, 40), rng.randint(0, 6)
    ss, pr = rng.randint(0, 2), rng.randint(1, 3)
    denied = ss + pr
    ne = rng.randint(0, 5)
    ap = rng.randint(1, 8)
    recv = g + p + denied + ne + ap
    f.update({"applications.received": recv, "applications.completed": recv, "answers.granted": g,
              "answers.partial": p, "answers.denied": denied, "denial_reasons.state_secret": ss,
              "denial_reasons.privacy": pr, "answers.not_exist": ne, "answers.already_public": ap})
    f["review.total"] = rng.randint(1, 4)
    f["litigation.total"] = rng.randint(0, 2)
    return f


def legacy_doc(case, rng):
    from model import AGENCIES
    year, kind = case["year"], case["legacy"]
    agency = AGENCIES[(case["i"] * 7) % len(AGENCIES)]
    f = legacy_facts(rng, kind)
    fee_yuan = rng.randint(20, 900)
    fee = case["fee"]
    title = {"year_first": f"{year}年度{agency}政府信息公开年报",
             "niandu": f"{agency}{year}年度政府信息公开工作报告"}.get(case.get("title_style"),
                                                              f"{agency}{year}年政府信息公开工作年度报告")
    body = [f'<p align="center"><b>{title}</b></p>']
    body.append(f"<p>本报告根据《中华人民共和国政府信息公开条例》要求，由{agency}编制。报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。</p>")
    body.append("<p><b>一、概述</b></p><p>本年度，我单位认真贯彻落实《条例》，进一步健全政府信息公开工作机制。</p>")
    body.append("<p><b>二、主动公开政府信息情况</b></p>")
    pub = f"{f['active.published']:,}" if case.get("thousands") else f["active.published"]
    if case.get("thousands"):
        f["active.published"] += 10000
        pub = f"{f['active.published']:,}"
    body.append(f"<p>{year}年，全年主动公开政府信息共计{pub}条，其中规范性文件{f['active.normative_docs']}件。</p>")
    body.append("<p><b>三、依申请公开政府信息情况</b></p>")
    if kind == "zero":
        body.append("<p>本年度未收到公民、法人或其他组织提出的政府信息公开申请。</p>")
    elif kind in ("narrative", "prose_outcomes"):
        body.append(f"<p>全年共受理政府信息公开申请{f['applications.received']}件，已全部办结。其中，同意公开{f['answers.granted']}件，"
                    f"同意部分公开{f['answers.partial']}件，不同意公开{f['answers.denied']}件，信息不存在{f['answers.not_exist']}件，"
                    f"属于已主动公开范围{f['answers.already_public']}件。</p>")
        f["answers.partial"] = f["answers.partial"]
        if kind == "narrative":
            f["applications.completed"] = None
        else:
            f["applications.completed"] = None
    elif kind == "qi_before":
        f["applications.completed"] = None
        f["denial_reasons.state_secret"] = None
        f["denial_reasons.privacy"] = None
        body.append(f"<p>全年共收到政府信息公开申请{f['applications.received']}件，其中同意公开{f['answers.granted']}件，同意部分公开"
                    f"{f['answers.partial']}件，不同意公开{f['answers.denied']}件，信息不存在{f['answers.not_exist']}件，属于已主动公开范围"
                    f"{f['answers.already_public']}件。</p>")
    elif kind == "compare":
        for k in ("applications.completed", "denial_reasons.state_secret", "denial_reasons.privacy"):
            f[k] = None
        prev = f["applications.received"] + 5
        body.append(f"<p>与{year - 1}年收到申请{prev}件相比，{year}年我局共收到政府信息公开申请{f['applications.received']}件，"
                    f"其中同意公开{f['answers.granted']}件，同意部分公开{f['answers.partial']}件，不同意公开{f['answers.denied']}件，"
                    f"信息不存在{f['answers.not_exist']}件，属于已主动公开范围{f['answers.already_public']}件。</p>")
    elif kind == "numerals":
        f["applications.completed"] = None
        f["denial_reasons.state_secret"] = None
        f["denial_reasons.privacy"] = None
        body.append(f"<p>本年度，我局共受理政府信息公开申请{cn(f['applications.received'])}件，其中同意公开{cn(f['answers.granted'])}件，"
                    f"同意部分公开{cn(f['answers.partial'])}件，不同意公开{cn(f['answers.denied'])}件，信息不存在{cn(f['answers.not_exist'])}件，"
                    f"属于已主动公开范围{cn(f['answers.already_public'])}件。</p>")
    elif kind == "percent":
        r = f["applications.received"]
        pc = lambda k: f"{f[k] * 100 / r:.1f}%"
        f["applications.completed"] = None
        f["denial_reasons.state_secret"] = None
        f["denial_reasons.privacy"] = None
        body.append(f"<p>{year}年，共收到政府信息公开申请共计{r}件，全部按期办结，办结率100%。从答复情况看，同意公开的{f['answers.granted']}件，"
                    f"占{pc('answers.granted')}；同意部分公开的{f['answers.partial']}件，占{pc('answers.partial')}；不同意公开的"
                    f"{f['answers.denied']}件，占{pc('answers.denied')}；信息不存在的{f['answers.not_exist']}件；属于已主动公开范围的"
                    f"{f['answers.already_public']}件。</p>")
    elif kind == "denial_paren":
        body.append(f"<p>{year}年共收到政府信息公开申请{f['applications.received']}件，办结{f['applications.completed']}件。"
                    f"其中同意公开{f['answers.granted']}件，同意部分公开{f['answers.partial']}件，不同意公开{f['answers.denied']}件"
                    f"（涉及国家秘密{f['denial_reasons.state_secret']}件、涉及个人隐私{f['denial_reasons.privacy']}件），"
                    f"信息不存在{f['answers.not_exist']}件，属于已主动公开范围{f['answers.already_public']}件。</p>")
    if kind in ("narrative", "prose_outcomes"):
        f["denial_reasons.state_secret"] = None
        f["denial_reasons.privacy"] = None
    body.append("<p><b>四、政府信息公开的收费及减免情况</b></p>")
    if fee == "yuan_jianmian":
        f["fees.amount_wan"] = round(fee_yuan / 10000, 6)
        body.append(f"<p>本年度依申请公开信息共收取检索、复制等费用{fee_yuan}.50元，减免费用120元。</p>")
        f["fees.amount_wan"] = (fee_yuan + 0.5) / 10000
    elif fee in ("yuan", "yuan_table"):
        f["fees.amount_wan"] = round(fee_yuan / 10000, 6)
        if fee == "yuan":
            body.append(f"<p>本年度依申请提供政府信息，共收取检索、复制、邮寄费用{fee_yuan}元。</p>")
    elif fee == "wan":
        f["fees.amount_wan"] = round(fee_yuan / 10000, 4) if kind != "zero" else 0
        if kind.startswith("table"):
            pass
        elif kind != "zero":
            body.append(f"<p>本年度共收取检索、复制费用{f['fees.amount_wan']:g}万元。</p>")
        else:
            body.append("<p>本年度未收取任何费用。</p>")
    else:
        f["fees.amount_wan"] = 0
        body.append("<p>本年度未收取任何费用。</p>")
    body.append("<p><b>五、因政府信息公开申请行政复议、提起行政诉讼的情况</b></p>")
    if kind == "zero":
        body.append("<p>本年度未发生针对本机关政府信息公开事务的行政复议和行政诉讼。</p>")
    elif kind == "prose_outcomes":
        r = f["review.total"]
        up = rng.randint(0, r)
        f["review.upheld"], f["review.corrected"] = up, r - up
        l = f["litigation.total"] or 1
        f["litigation.total"] = l
        f["litigation.upheld"] = l
        body.append(f"<p>本年度因政府信息公开申请行政复议{r}件，经复议维持{up}件、纠正{r - up}件；"
                    f"提起行政诉讼{l}件，法院判决维持{l}件。</p>")
    elif kind == "qi_before":
        r, l = f["review.total"], f["litigation.total"]
        body.append(f"<p>全年共发生{r}起因政府信息公开引起的行政复议案件，" + (f"{l}起行政诉讼案件。</p>" if l else "未发生行政诉讼案件。</p>"))
    elif not kind.startswith("table"):
        r, l = f["review.total"], f["litigation.total"]
        lt = f"行政诉讼{l}件" if l else "未发生行政诉讼"
        if not l:
            f["litigation.total"] = 0
        body.append(f"<p>本年度本机关被申请行政复议{r}件，{lt}。</p>")
    if kind.startswith("table"):
        body.append("<p>附件：政府信息公开情况统计表</p>")
        body.append(legacy_table(f, kind, fee, fee_yuan, case))
    body.append("<p><b>六、存在的主要问题和改进措施</b></p><p>信息公开的及时性仍需提高。</p>")
    values = {"legacy": {}}
    for k in LEGACY_KEYS:
        g, fld = k.split(".")
        values["legacy"].setdefault(g, {})[fld] = f[k]
    for k, path in MAPPED.items():
        sec, row, col = path.split(".")
        values.setdefault(sec, {}).setdefault(row, {})[col] = f[k]
    truth = {"agency": agency, "year": year, "template": "legacy", "status": "success", "values": values, "blank": [],
             "expect_flags": [], "variation": case["note"]}
    return title, "\n".join(body), truth


def legacy_table(f, kind, fee, fee_yuan, case):
    rng_complaints = 0
    f["complaints.total"] = rng_complaints
    for k in ("answers.not_this_agency", "answers.supplement", "answers.other_channel",
              "denial_reasons.commercial_secret", "denial_reasons.security_stability", "denial_reasons.not_gov_info",
              "denial_reasons.other_law"):
        f[k] = 0
    for k in ("review", "litigation"):
        t = f[f"{k}.total"]
        f[f"{k}.upheld"], f[f"{k}.corrected"], f[f"{k}.other"] = t, 0, 0
    fee_label, fee_unit, fee_value = "依申请公开信息收取的费用", "万元", f"{f['fees.amount_wan']:g}"
    if fee == "yuan_table":
        fee_unit, fee_value = "元", str(fee_yuan)
    rows = [
        ("一、主动公开情况", "", ""), ("（一）主动公开政府信息数", "条", f["active.published"]),
        ("其中：主动公开规范性文件数", "条", f["active.normative_docs"]),
        ("二、依申请公开情况", "", ""), ("（一）收到申请数", "件", f["applications.received"]),
        ("（二）申请办结数", "件", f["applications.completed"]), ("（三）申请答复数", "件", f["applications.completed"]),
        ("1.属于已主动公开范围数", "件", f["answers.already_public"]), ("2.同意公开答复数", "件", f["answers.granted"]),
        ("3.同意部分公开答复数", "件", f["answers.partial"]), ("4.不同意公开答复数", "件", f["answers.denied"]),
        ("其中：涉及国家秘密", "件", f["denial_reasons.state_secret"]), ("涉及商业秘密", "件", 0),
        ("涉及个人隐私", "件", f["denial_reasons.privacy"]), ("危及国家安全、公共安全、经济安全和社会稳定", "件", 0),
        ("不是《条例》所指政府信息", "件", 0), ("法律法规规定的其他情形", "件", 0),
        ("5.不属于本行政机关公开数", "件", 0), ("6.申请信息不存在数", "件", f["answers.not_exist"]),
        ("7.告知作出更改补充数", "件", 0), ("8.告知通过其他途径办理数", "件", 0),
        ("三、行政复议数量", "件", f["review.total"]), ("（一）维持具体行政行为数", "件", f["review.total"]),
        ("（二）被依法纠错数", "件", 0), ("（三）其他情形数", "件", 0),
        ("四、行政诉讼数量", "件", f["litigation.total"]), ("（一）维持具体行政行为或者驳回原告诉讼请求数", "件", f["litigation.total"]),
        ("（二）被依法纠错数", "件", 0), ("（三）其他情形数", "件", 0),
        ("五、举报投诉数量", "件", 0), (f"六、{fee_label}", fee_unit, fee_value),
    ]
    out = ['<table border="1" cellspacing="0" width="100%">']
    if kind == "table3":
        out.append("<tr><th>统 计 指 标</th><th>单位</th><th>统计数</th></tr>")
        for label, unit, v in rows:
            out.append(f"<tr><td>{label}</td><td align=\"center\">{unit}</td><td align=\"center\">{v}</td></tr>")
    else:
        out.append("<tr><td>指标</td><td>数量</td></tr>")
        for label, unit, v in rows:
            lab = f"{label}（{unit}）" if unit else label
            out.append(f"<tr><td>{lab}</td><td align=\"right\">{v}</td></tr>")
    out.append("</table>")
    return "\n".join(out)
