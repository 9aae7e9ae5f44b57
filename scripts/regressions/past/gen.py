"""Adversarial past reports (v2019 / legacy 2008–2018 / HTML / .docx) with known truth.

python3 scripts/regressions/past/gen.py [stem…]   (output in $GONGKAI_REGRESSION_OUT, default /tmp/adv6)
HTML is written as portals publish it; PDFs and LibreOffice .docx are converted from that HTML by soffice;
template .docx are the official blank template with its cells filled in.
"""
import json, os, random, re, shutil, subprocess, sys, tempfile, zipfile
sys.path.insert(0, os.path.dirname(__file__))
from model import AGENCIES, COLS, make_s2_2019, make_s2_2021, make_s3, make_s4
from render import Style, s2_2019, s2_2021, s3, s4
from specs import CASES, legacy_doc

OUT = os.environ.get("GONGKAI_REGRESSION_OUT", "/tmp/adv6")
TEMPLATE = os.environ.get("GONGKAI_TEMPLATE_DOCX", "/work/shared/template-2021-blank.docx")


def choose_blanks(rng, values, share):
    zero = [p for p, v in flat(values) if v == 0]
    rng.shuffle(zero)
    return set(zero[: int(len(zero) * share)])


def flat(values):
    for sec, rows in values.items():
        for row, cols in rows.items():
            for col, v in cols.items():
                yield f"{sec}.{row}.{col}", v


def narrative(year, agency, s3v, s4v, style=""):
    n = s3v["new_received"]["total"]
    done = s3v["total_processed"]["total"]
    review = s4v["review"]["total"]
    suits = s4v["suit_direct"]["total"] + s4v["suit_after_review"]["total"]
    p = [f"{year}年，{agency}认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，"
         f"不断完善政务公开制度机制，现将本年度政府信息公开工作情况报告如下。"]
    p.append(f"（二）依申请公开。全年共收到政府信息公开申请{n}件，办结{done}件，均在法定期限内答复。" if n else
             "（二）依申请公开。全年未收到政府信息公开申请。")
    if style == "compare" and n:
        prev = n + 7
        nat = s3v["new_received"]["natural"]
        p[-1] = (f"（二）依申请公开。与上年收到申请{prev}件相比，本年度共收到政府信息公开申请{n}件，同比下降"
                 f"{(prev - n) * 100 / prev:.1f}%，其中自然人提出申请{nat}件、法人或其他组织提出申请{n - nat}件；"
                 f"上年度办结{prev + 2}件，本年度办结{done}件。")
    rv = f"被申请行政复议{review}件" if review else "未发生政府信息公开行政复议案件"
    lt = f"被提起行政诉讼{suits}件" if suits else "未发生行政诉讼案件"
    return p, f"本年度因政府信息公开{rv}，{lt}。"


def report_html(case, rng):
    year, tpl = case["year"], case["layout"]
    agency = case.get("agency") or AGENCIES[case["i"] % len(AGENCIES)]
    s3v, _ = make_s3(rng, tpl, total_scale=case.get("scale", 30))
    s4v = make_s4(rng)
    s2v = make_s2_2021(rng) if tpl == "v2021" else make_s2_2019(rng)
    sec2 = "s2" if tpl == "v2021" else "s2v19"
    values = {sec2: s2v, "s3": s3v, "s4": s4v}
    blanks = choose_blanks(rng, values, case.get("blank_share", 0.3)) if case.get("blank", "—") is not None else set()
    st = Style(**{**case.get("style", {}), "blank": case.get("blank", "—"), "blank_cells": blanks})
    paras, s4text = narrative(year, agency, s3v, s4v, case.get("narrative", ""))
    title = case.get("title", f"{agency}{year}年政府信息公开工作年度报告")
    if case.get("signature"):
        title = f"{year}年政府信息公开工作年度报告"
    body = [f'<h1 style="text-align:center">{title}</h1>' if case.get("chrome") else f'<p align="center"><b>{title}</b></p>']
    if tpl == "v2019":
        body.append("<p>本报告根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国"
                    "政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2019〕60号）要求编制。</p>")
    body.append("<p><b>一、总体情况</b></p>")
    body += [f"<p>{x}</p>" for x in paras]
    body.append("<p><b>二、主动公开政府信息情况</b></p>")
    body.append(s2_2021(st, s2v) if tpl == "v2021" else s2_2019(st, s2v))
    body.append("<p><b>三、收到和处理政府信息公开申请情况</b></p>")
    body.append(s3(st, s3v, tpl))
    body.append("<p><b>四、政府信息公开行政复议、行政诉讼情况</b></p>")
    body.append(f"<p>{s4text}</p>")
    body.append(s4(st, s4v))
    body.append("<p><b>五、存在的主要问题及改进情况</b></p><p>政策解读的针对性还需加强，下一步将进一步规范公开流程。</p>")
    body.append("<p><b>六、其他需要报告的事项</b></p><p>本年度未收取信息处理费。</p>")
    if case.get("signature"):
        body.append(f'<p align="right">{agency}</p><p align="right">{year + 1}年1月18日</p>')
    if tpl == "v2021" and case["year"] >= 2021:
        s3v["other_processing"] = {c: sum(s3v[k][c] for k in ("other_no_supplement", "other_fee_unpaid", "other_other"))
                                   for c in COLS + ["total"]}
    for p in blanks:
        pass
    flags = []
    if (tpl == "v2021") != (year >= 2021):
        flags.append(["template.version_mismatch", "report.template"])
    if tpl == "v2021" and year < 2021:
        s3v["other_processing"] = {c: sum(s3v[k][c] for k in ("other_no_supplement", "other_fee_unpaid", "other_other"))
                                   for c in COLS + ["total"]}
    truth = {"agency": agency, "year": year, "template": tpl, "status": "success", "values": values,
             "blank": sorted(blanks), "expect_flags": flags, "variation": case["note"]}
    return title, "\n".join(body), truth


CHROME_HEAD = (
    '<div class="top"><a href="/">{site}门户网站</a> | 无障碍 | 长者模式 | English</div>'
    '<div class="nav">首页 | 要闻动态 | 政务公开 | 政务服务 | 互动交流</div>'
    '<div class="crumb">当前位置：首页 &gt; 政府信息公开 &gt; 政府信息公开年报</div>'
    '<table class="meta" width="100%"><tr><td>索引号：</td><td>{code}/{pub}-00{n}</td><td>主题分类：</td><td>其他</td></tr>'
    '<tr><td>发布机构：</td><td>{agency}</td><td>成文日期：</td><td>{pub}-01-2{n}</td></tr>'
    '<tr><td>文　　号：</td><td></td><td>发布日期：</td><td>{pub}-01-2{n}</td></tr></table>'
    '<div class="info">发布时间：{pub}-01-2{n} 09:3{n} 来源：{agency} 浏览次数：1{n}37 字号：[大 中 小]</div>')
CHROME_FOOT = ('<div class="share">【打印本页】【关闭窗口】</div><div class="foot">主办单位：{site}办公室　承办单位：{site}大数据中心'
               '<br>网站标识码：36070{n}0001　赣ICP备0500{n}321号　赣公网安备 3607020200{n}1号<br>联系电话：0797-821{n}345</div>')


def wrap_page(case, title, body):
    if case.get("chrome"):
        agency = case["_truth"]["agency"]
        site = agency[: agency.index("区") + 1] + "人民政府" if "区" in agency else "某市人民政府"
        kw = {"site": site, "code": "11360702MB15764", "pub": case["year"] + 1, "n": case["i"] % 10, "agency": agency}
        body = CHROME_HEAD.format(**kw) + f'<div class="article">{body}</div>' + CHROME_FOOT.format(**kw)
    if case.get("one_td_br"):
        body = re.sub(r"<p[^>]*>(.*?)</p>", r"\1<br>", body)
        body = f'<table width="100%"><tr><td class="content">{body}</td></tr></table>'
    layout = case.get("style", {}).get("nested")
    if layout:
        body = ('<table width="1000" border="0"><tr><td width="200" valign="top"><div class="nav">首页 &gt; 政务公开 &gt; 年度报告</div></td>'
                f'<td valign="top"><table width="100%"><tr><td><div class="article">{body}</div></td></tr></table></td></tr></table>')
    enc = case.get("enc", "utf8-meta")
    meta = {"gbk-meta": '<meta http-equiv="Content-Type" content="text/html; charset=gbk">',
            "gb2312-meta": '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
            "gb2312-charset": '<meta charset="gb2312">',
            "utf8-meta": '<meta charset="utf-8">', "utf8-nometa": "", "utf8-bom": "", "gbk-nometa": "",
            "utf8-mislabelled-gbk": '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
            "xml-gb2312": "", "ncr": '<meta charset="iso-8859-1">'}[enc]
    html = (f"<!DOCTYPE html>\n<html><head>{meta}<title>{title}</title>"
            "<style>body{font-family:'Noto Sans CJK SC';font-size:12pt} td,th{font-size:10pt}</style></head>"
            f"<body>{body}</body></html>")
    if enc == "xml-gb2312":
        html = '<?xml version="1.0" encoding="gb2312"?>\n' + html.replace("<!DOCTYPE html>", '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">')
        return html.encode("gbk")
    if enc == "ncr":
        return html.encode("ascii", "xmlcharrefreplace")
    if enc.startswith("gb"):
        return html.encode("gbk")
    data = html.encode("utf-8")
    return (b"\xef\xbb\xbf" + data) if enc == "utf8-bom" else data


def fill_template(case, rng):
    """The official blank template with its cells filled in (as an office worker would)."""
    title, _, truth = report_html(case, rng)
    values = truth["values"]
    blanks = set(truth["blank"])
    blank_text = case.get("blank", "—")
    x = zipfile.ZipFile(TEMPLATE).read("word/document.xml").decode()
    tables = re.findall(r"<w:tbl>.*?</w:tbl>", x, re.S)
    order2 = [("rules", ["made", "repealed", "valid"]), ("normative_docs", ["made", "repealed", "valid"]),
              ("admin_license", ["decisions"]), ("admin_penalty", ["decisions"]), ("admin_coercion", ["decisions"]),
              ("admin_fees", ["amount_wan"])]
    rows3 = ["new_received", "carried_over", "granted", "partial", "deny_state_secret", "deny_law_forbidden",
             "deny_three_security", "deny_third_party", "deny_internal_affairs", "deny_process_info", "deny_enforcement_file",
             "deny_admin_query", "unable_not_held", "unable_need_create", "unable_unclear", "reject_petition", "reject_repeat",
             "reject_publication", "reject_massive", "reject_confirm", "other_no_supplement", "other_fee_unpaid", "other_other",
             "total_processed", "carried_forward"]
    fw = case.get("style", {}).get("fullwidth")

    def text(path, v):
        if path in blanks:
            return blank_text or ""
        s = f"{v:g}" if isinstance(v, float) else str(v)
        return s.translate(str.maketrans("0123456789", "０１２３４５６７８９")) if fw else s

    def fill_rows(tbl, plan):
        rows = re.findall(r"<w:tr[ >].*?</w:tr>", tbl, re.S)
        new = tbl
        for ri, texts in plan:
            r = rows[ri]
            cells = re.findall(r"<w:tc>.*?</w:tc>", r, re.S)
            r2 = r
            for ci, t in zip(range(len(cells) - len(texts), len(cells)), texts):
                c = cells[ci]
                c2 = re.sub(r"<w:r>.*?</w:r>|<w:r [^>]*>.*?</w:r>", "", c, flags=re.S)
                run = wrap_run(case, t)
                c2 = re.sub(r"(</w:p>)(?!.*</w:p>)", lambda m: run + m.group(1), c2, count=1, flags=re.S)
                r2 = r2.replace(c, c2, 1)
            new = new.replace(r, r2, 1)
        return new

    s2 = values["s2"]
    plan2 = [(2, [text(f"s2.rules.{f}", s2["rules"][f]) for f in order2[0][1]]),
             (3, [text(f"s2.normative_docs.{f}", s2["normative_docs"][f]) for f in order2[1][1]]),
             (6, [text("s2.admin_license.decisions", s2["admin_license"]["decisions"])]),
             (9, [text("s2.admin_penalty.decisions", s2["admin_penalty"]["decisions"])]),
             (10, [text("s2.admin_coercion.decisions", s2["admin_coercion"]["decisions"])]),
             (13, [text("s2.admin_fees.amount_wan", s2["admin_fees"]["amount_wan"])])]
    plan3 = [(3 + i, [text(f"s3.{k}.{c}", values["s3"][k][c]) for c in COLS + ["total"]]) for i, k in enumerate(rows3)]
    plan4 = [(3, [text(f"s4.{g}.{f}", values["s4"][g][f]) for g in ["review", "suit_direct", "suit_after_review"]
                  for f in ["upheld", "corrected", "other", "pending", "total"]])]
    filled = [fill_rows(tables[0], plan2), fill_rows(tables[1], plan3), fill_rows(tables[2], plan4)]
    for a, b in zip(tables, filled):
        x = x.replace(a, b, 1)
    x = x.replace("政府信息公开工作年度报告格式模板", title, 1)
    _, s4text = narrative(truth["year"], truth["agency"], values["s3"], values["s4"])
    paras, _ = narrative(truth["year"], truth["agency"], values["s3"], values["s4"])
    x = x.replace("（文字描述）", "".join(paras), 1)
    x = x.replace("（文字描述，收取信息处理费情况在此处报告。）", "本年度未收取信息处理费。", 1)
    return x, truth


def wrap_run(case, t):
    """A value's run as Word and WPS write it in a filled-in form."""
    mode = case.get("docx_runs", "plain")
    if mode == "split" and len(t) > 1:
        return (f'<w:r><w:t>{t[0]}</w:t></w:r><w:proofErr w:type="gramStart"/><w:bookmarkStart w:id="9" w:name="_GoBack"/>'
                f'<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t>{t[1:]}</w:t></w:r><w:bookmarkEnd w:id="9"/>')
    run = f'<w:r><w:t xml:space="preserve">{t}</w:t></w:r>'
    if mode == "sdt":
        return (f'<w:sdt><w:sdtPr><w:id w:val="1{len(t)}"/><w:placeholder><w:docPart w:val="DefaultPlaceholder"/></w:placeholder>'
                f'</w:sdtPr><w:sdtContent>{run}</w:sdtContent></w:sdt>')
    if mode == "ins":
        return f'<w:ins w:id="7" w:author="办公室" w:date="2022-01-10T09:00:00Z">{run}</w:ins>'
    if mode == "smarttag":
        return f'<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="chmetcnv">{run}</w:smartTag>'
    return run


def write_docx_from_template(path, xml):
    src = zipfile.ZipFile(TEMPLATE)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            z.writestr(item, xml if item.filename == "word/document.xml" else src.read(item.filename))


def convert(paths, target, outdir):
    if not paths:
        return
    filt = ["--infilter=HTML (StarWriter)"]
    conv = {"pdf": "pdf:writer_pdf_Export", "docx": 'docx:MS Word 2007 XML'}[target]
    with tempfile.TemporaryDirectory() as prof:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{prof}", "--headless", *filt, "--convert-to", conv,
                        "--outdir", outdir, *paths], check=True, capture_output=True, timeout=600)


def convert_docx_pdf(path, outdir):
    with tempfile.TemporaryDirectory() as prof:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{prof}", "--headless", "--convert-to", "pdf",
                        "--outdir", outdir, path], check=True, capture_output=True, timeout=600)


def main():
    only = set(sys.argv[1:])
    os.makedirs(OUT, exist_ok=True)
    work = tempfile.mkdtemp()
    todo = {"pdf": [], "docx": []}
    for i, case in enumerate(CASES):
        stem = case["stem"]
        if only and stem not in only:
            continue
        case = {**case, "i": i}
        rng = random.Random(stem)
        fmt = case["fmt"]
        if case["layout"] == "legacy":
            title, body, truth = legacy_doc(case, rng)
        elif fmt in ("docx-template", "docx-template-pdf"):
            xml, truth = fill_template(case, rng)
            if fmt == "docx-template":
                write_docx_from_template(os.path.join(OUT, f"{stem}.docx"), xml)
            else:
                docx = os.path.join(work, f"{stem}.docx")
                write_docx_from_template(docx, xml)
                convert_docx_pdf(docx, OUT)
            json.dump(truth, open(os.path.join(OUT, f"{stem}.truth.json"), "w"), ensure_ascii=False, indent=1)
            continue
        else:
            title, body, truth = report_html(case, rng)
        data = wrap_page({**case, "_truth": truth}, title, body)
        ext = case.get("ext", "html")
        if fmt == "html":
            open(os.path.join(OUT, f"{stem}.{ext}"), "wb").write(data)
        else:
            p = os.path.join(work, f"{stem}.html")
            open(p, "wb").write(data)
            todo[fmt].append(p)
        truth["file"] = f"{stem}.{ext if fmt == 'html' else fmt}"
        json.dump(truth, open(os.path.join(OUT, f"{stem}.truth.json"), "w"), ensure_ascii=False, indent=1)
    for fmt, paths in todo.items():
        convert(paths, fmt, OUT)
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
