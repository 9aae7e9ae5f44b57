import re
from gen import (ROW_RE, CELL_RE, map_rows, map_cells, tcpr_set, borders_xml, text_of, para, ROWS, COLS, esc,
                 cell_paras, rfonts)


# ------------------------------------------------------------ border transforms
def tbl_borders(tbl, xml):
    return re.sub(r"<w:tblBorders>.*?</w:tblBorders>", xml, tbl, flags=re.S)


def all_nil(tbls, which=(0, 1, 2)):
    out = []
    for i, t in enumerate(tbls):
        if i in which:
            t = tbl_borders(t, '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/>'
                               '<w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>')
            t = re.sub(r"<w:tcBorders>.*?</w:tcBorders>", borders_xml("tcBorders"), t, flags=re.S)
        out.append(t)
    return out


def outer_only(tbls):
    out = []
    for t in tbls:
        t = tbl_borders(t, '<w:tblBorders><w:top w:val="single" w:sz="12" w:color="000000" w:space="0"/>'
                           '<w:left w:val="single" w:sz="12" w:color="000000" w:space="0"/>'
                           '<w:bottom w:val="single" w:sz="12" w:color="000000" w:space="0"/>'
                           '<w:right w:val="single" w:sz="12" w:color="000000" w:space="0"/>'
                           '<w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>')
        t = re.sub(r"<w:tcBorders>.*?</w:tcBorders>", "", t, flags=re.S)
        out.append(t)
    return out


def restyle_borders(val=None, color=None, sz=None):
    def f(tbls):
        out = []
        for t in tbls:
            def one(m):
                s = m.group(0)
                if 'w:val="nil"' in s or 'w:val="none"' in s:
                    return s
                if val:
                    s = re.sub(r'w:val="[a-z]+"', f'w:val="{val}"', s)
                if color:
                    s = re.sub(r'w:color="[^"]*"', f'w:color="{color}"', s)
                if sz:
                    s = re.sub(r'w:sz="\d+"', f'w:sz="{sz}"', s)
                return s
            t = re.sub(r"<w:(top|left|bottom|right|insideH|insideV) w:val=\"[a-z]+\"[^>]*/>", one, t)
            out.append(t)
        return out
    return f


def rows_ruled(keep):
    """Table 三: only rows whose index is in keep(ri) keep their cell borders; others lose all."""
    def f(tbls):
        t = tbls[1]
        t = tbl_borders(t, '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/>'
                           '<w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>')

        def row(tr, ri):
            if keep(ri):
                return tr
            return re.sub(r"<w:tcBorders>.*?</w:tcBorders>", borders_xml("tcBorders"), tr, flags=re.S)
        return [tbls[0], map_rows(t, row), tbls[2]]
    return f


# ------------------------------------------------------------ cell property transforms
def text_dir(labels, val="tbRl", tables=(1, 2)):
    def f(tbls):
        out = []
        for i, t in enumerate(tbls):
            if i in tables:
                def cell(tc, ci):
                    if text_of(tc).strip() in labels:
                        return tcpr_set(tc, "textDirection", f'<w:textDirection w:val="{val}"/>')
                    return tc
                t = map_rows(t, lambda tr, ri: map_cells(tr, cell))
            out.append(t)
        return out
    return f


def shading(header_rows=3, alt=True, fill1="D9D9D9", fill2="F2F2F2"):
    def f(tbls):
        out = []
        for i, t in enumerate(tbls):
            hr = {0: 0, 1: header_rows, 2: 3}[i]

            def row(tr, ri):
                if ri < hr:
                    fill = fill1
                elif alt and ri % 2 == 1:
                    fill = fill2
                else:
                    return tr
                return map_cells(tr, lambda tc, ci: tcpr_set(tc, "shd", f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'))
            out.append(map_rows(t, row))
        return out
    return f


def valign_all(val, tables=(1,)):
    def f(tbls):
        return [re.sub(r'<w:vAlign w:val="[a-z]+"/>', f'<w:vAlign w:val="{val}"/>', t) if i in tables else t
                for i, t in enumerate(tbls)]
    return f


def regrid(tbl, grid):
    cols = "".join(f'<w:gridCol w:w="{w}"/>' for w in grid)
    out = re.sub(r"<w:tblGrid>.*?</w:tblGrid>", f"<w:tblGrid>{cols}</w:tblGrid>", tbl, flags=re.S)
    out = re.sub(r'<w:tblW w:w="\d+" w:type="dxa"/>', f'<w:tblW w:w="{sum(grid)}" w:type="dxa"/>', out)

    def row(tr, ri):
        col = [0]

        def cell(tc, ci):
            m = re.search(r'<w:gridSpan w:val="(\d+)"/>', tc)
            span = int(m.group(1)) if m else 1
            w = sum(grid[col[0]:col[0] + span])
            col[0] += span
            return re.sub(r'<w:tcW w:w="\d+" w:type="dxa"/>', f'<w:tcW w:w="{w}" w:type="dxa"/>', tc)
        return map_cells(tr, cell)
    return map_rows(out, row)


def s3_grid(grid):
    def f(tbls):
        return [tbls[0], regrid(tbls[1], grid), tbls[2]]
    return f


def scale_table(i, k):
    def f(tbls):
        t = tbls[i]
        g = [int(x) for x in re.findall(r'<w:gridCol w:w="(\d+)"/>', t)]
        t = regrid(t, [int(x * k) for x in g])
        return tbls[:i] + [t] + tbls[i + 1:]
    return f


def tbl_jc(val, ind=None, tables=(0, 1, 2)):
    def f(tbls):
        out = []
        for i, t in enumerate(tbls):
            if i in tables:
                t = re.sub(r'(<w:tblPr>.*?)<w:jc w:val="[a-z]+"/>', rf'\1<w:jc w:val="{val}"/>', t, count=1, flags=re.S)
                if ind is not None:
                    t = t.replace("<w:tblBorders>", f'<w:tblInd w:w="{ind}" w:type="dxa"/><w:tblBorders>', 1)
                t = re.sub(r'<w:trPr><w:jc w:val="[a-z]+"/></w:trPr>', f'<w:trPr><w:jc w:val="{val}"/></w:trPr>', t)
            out.append(t)
        return out
    return f


def compose(*fs):
    def f(tbls):
        for g in fs:
            tbls = g(tbls)
        return tbls
    return f


# ------------------------------------------------------------ sections / page breaks
LANDSCAPE_SECT = ('<w:sectPr><w:type w:val="nextPage"/><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'
                  '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="851" w:footer="992" w:gutter="0"/>'
                  '<w:cols w:space="425" w:num="1"/></w:sectPr>')
PORTRAIT_SECT = ('<w:sectPr><w:type w:val="nextPage"/><w:pgSz w:w="11906" w:h="16838"/>'
                 '<w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/>'
                 '<w:cols w:space="425" w:num="1"/></w:sectPr>')


def sect_para(sect, font):
    return f'<w:p><w:pPr>{sect}</w:pPr></w:p>'


def heading3(font):
    return para("三、收到和处理政府信息公开申请情况", font, 28, bold=True)


def landscape_pre(font):
    return [sect_para(PORTRAIT_SECT, font), heading3(font)]


def landscape_post(font):
    return [sect_para(LANDSCAPE_SECT, font)]


def spacer_pre(twips):
    def f(font):
        return [para("三、收到和处理政府信息公开申请情况", font, 28, bold=True, extra_ppr='<w:pageBreakBefore/>'),
                ] + [f'<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="100" w:lineRule="exact"/><w:rPr><w:sz w:val="4"/></w:rPr></w:pPr></w:p>'] * (twips // 100)
    return f


# ------------------------------------------------------------ number / zero styles
def zero_mix(p, rng):
    return rng.choice(["", "—", "/", "无", "0"])


def zero_blank(p, rng):
    return ""


def zero_dash(p, rng):
    return "—"


def units_style(p, s, rng):
    r = rng.random()
    if p.startswith("s2.admin_fees"):
        return s
    if r < 0.25:
        return s + "件"
    if r < 0.45:
        return " " + s + " "
    return s


def spaces_style(p, s, rng):
    return rng.choice([" " + s, s + "  ", "  " + s + " ", s])


S3_HEADER_V = ["自然人", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
GROUPS_V = ["三、本年度办理结果", "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"]
S4_V = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def top_num(p):
    return {}


SPECS = [
    dict(stem="w01-unruled-right", seed=201, agency="广西壮族自治区南宁市青秀区人民政府", year=2023,
         variation="all borders nil (unruled) in all three tables; numbers right-aligned; zeros blank",
         transforms=[all_nil], jc="right", zero=zero_blank),
    dict(stem="w02-outer-only", seed=202, agency="延边朝鲜族自治州人民政府", year=2022,
         variation="only the outer border kept (inside lines nil); zeros as —", transforms=[outer_only], zero=zero_dash,
         phr="incl"),
    dict(stem="w03-double-grey", seed=203, agency="长阳土家族自治县人民政府", year=2024,
         variation="double borders in grey BFBFBF", transforms=[restyle_borders(val="double", color="BFBFBF", sz=6)]),
    dict(stem="w04-light-grey", seed=204, agency="成都高新技术产业开发区管理委员会", year=2023,
         variation="all borders very light grey (E0E0E0, hairline)", transforms=[restyle_borders(color="E0E0E0", sz=2)],
         zero=zero_mix),
    dict(stem="w05-some-rows-ruled", seed=205, agency="雄安新区管理委员会", year=2023,
         variation="table 三: only header rows and every 4th row keep cell borders",
         transforms=[rows_ruled(lambda ri: ri < 3 or ri % 4 == 0)]),
    dict(stem="w06-vertical-groups", seed=206, agency="南京市江北新区管理委员会", year=2022,
         variation="textDirection tbRl on group cells (三、本年度办理结果, （三）…（六）) and on s3/s4 header cells",
         transforms=[text_dir(GROUPS_V), text_dir(S3_HEADER_V + S4_V)]),
    dict(stem="w07-landscape-s3", seed=207, agency="苏州工业园区管理委员会", year=2023,
         variation="table 三 on its own landscape section, grid widened x1.35",
         s3_pre=landscape_pre, s3_post=landscape_post, transforms=[scale_table(1, 1.35)], phr="incl0", s4_zero=True),
    dict(stem="w08-wide-table", seed=208, agency="上海市浦东新区人民政府", year=2024,
         variation="table 三 wider than the text area (x1.15, fixed layout, still on the page) centred; 7pt table font", tsize=14,
         transforms=[scale_table(1, 1.15)]),
    dict(stem="w09-tiny-right-indent", seed=209, agency="西藏自治区拉萨市城关区人民政府", year=2023,
         variation="7pt table font; tables right-aligned; s3 indented 1500", tsize=14,
         transforms=[tbl_jc("right"), scale_table(1, 0.8), tbl_jc("left", ind=1500, tables=(1,))]),
    dict(stem="w10-units-spaces", seed=210, agency="内蒙古自治区鄂尔多斯市康巴什区人民政府", year=2022,
         variation="'件' unit in ~25% of cells, leading/trailing spaces; zeros mixed 0/blank/—///无; left-aligned",
         num_style=units_style, zero=zero_mix, jc="left"),
    dict(stem="w11-shading", seed=211, agency="宁夏回族自治区固原市原州区人民政府", year=2023,
         variation="header rows shaded D9D9D9, alternate rows F2F2F2", transforms=[shading()], phr="incl"),
    dict(stem="w12-extra-para-top", seed=212, agency="恩施土家族苗族自治州教育局", year=2024,
         variation="number cells: empty paragraph first (numbers on 2nd line), vAlign top; narrow label column",
         cellfmt=lambda p: dict(blank_before=1) if p.startswith("s3") else {},
         transforms=[valign_all("top"), s3_grid([600, 800, 1900, 900, 900, 900, 900, 900, 900, 900])]),
    dict(stem="w13-top-narrow", seed=213, agency="湘西土家族苗族自治州人民政府办公室", year=2023,
         variation="vAlign top everywhere, very narrow label column so labels wrap 3-5 lines",
         transforms=[valign_all("top"), s3_grid([500, 700, 1300, 1000, 1000, 1000, 1000, 1000, 1000, 1000])]),
    dict(stem="w14-meta-hanzi-year", seed=214, agency="黔东南苗族侗族自治州民族宗教事务委员会", year=2023,
         ystr="二〇二三年", variation="year as 二〇二三年; title over two lines; 发布日期 line above",
         pre_title=["发布日期：2024-01-26", "来源：黔东南州民宗委"],
         title=["黔东南苗族侗族自治州民族宗教事务委员会", "二〇二三年政府信息公开工作年度报告"], phr="incl"),
    dict(stem="w15-spaces-right", seed=215, agency="天津市滨海新区人民政府", year=2022,
         variation="numbers right-aligned with leading/trailing spaces; unruled s4 only; zeros '0'",
         num_style=spaces_style, jc="right", transforms=[lambda t: all_nil(t, which=(2,))]),
]


# ------------------------------------------------------------ more builders
def simple_tc(text, font, w, span=1, vmerge=None, size=20, bold=False):
    gs = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    vm = f'<w:vMerge w:val="{vmerge}"/>' if vmerge == "restart" else ('<w:vMerge/>' if vmerge == "cont" else "")
    b = borders_xml("tcBorders", "single", "single", "single", "single", sz=4)
    return (f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/>{gs}{vm}{b}<w:vAlign w:val="center"/></w:tcPr>'
            f'{cell_paras(text, font, size=size)}</w:tc>')


def s2_captions_as_paragraphs(t2, font):
    rows = ROW_RE.findall(t2)
    head = t2[: t2.index("<w:tr")]
    groups = [(0, rows[1:4]), (4, rows[5:7]), (7, rows[8:11]), (11, rows[12:14])]
    out = []
    for ci, rs in groups:
        cap = text_of(rows[ci])
        out.append(para(cap, font, 24, bold=False, center=False))
        out.append(head + "".join(rs) + "</w:tbl>")
    return "".join(out)


def s4_two_row_header(tbls, font="Noto Serif CJK SC"):
    t4 = tbls[2]
    rows = ROW_RE.findall(t4)
    head = t4[: t4.index("<w:tr")]
    grid = [int(x) for x in re.findall(r'<w:gridCol w:w="(\d+)"/>', head)]
    w5 = [sum(grid[i:i + 5]) for i in (0, 5, 10)]
    ra = "<w:tr>" + "".join(simple_tc(t, font, w, 5) for t, w in zip(
        ["行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"], w5)) + "</w:tr>"
    rb = "<w:tr>" + "".join(simple_tc(t, font, grid[i]) for i, t in
                            enumerate(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3)) + "</w:tr>"
    return [tbls[0], tbls[1], head + ra + rb + rows[3] + "</w:tbl>"]


def s4_split_header(tbls, font="Noto Serif CJK SC"):
    """行政复议 header only one row tall: its five sub-labels sit in row 2, row 3 of those columns empty (merged)."""
    t4 = tbls[2]
    rows = ROW_RE.findall(t4)
    head = t4[: t4.index("<w:tr")]
    grid = [int(x) for x in re.findall(r'<w:gridCol w:w="(\d+)"/>', head)]
    ra = "<w:tr>" + simple_tc("行政复议", font, sum(grid[:5]), 5) + simple_tc("行政诉讼", font, sum(grid[5:]), 10) + "</w:tr>"
    rb = "<w:tr>" + "".join(simple_tc(t, font, grid[i], vmerge="restart") for i, t in
                            enumerate(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"])) + \
         simple_tc("未经复议直接起诉", font, sum(grid[5:10]), 5) + simple_tc("复议后起诉", font, sum(grid[10:]), 5) + "</w:tr>"
    rc = "<w:tr>" + "".join(simple_tc("", font, grid[i], vmerge="cont") for i in range(5)) + \
         "".join(simple_tc(t, font, grid[5 + i]) for i, t in enumerate(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2)) + "</w:tr>"
    return [tbls[0], tbls[1], head + ra + rb + rc + rows[3] + "</w:tbl>"]


SPECS += [
    dict(stem="w01b-unruled-allcentre", seed=201, agency="广西壮族自治区南宁市青秀区人民政府", year=2023,
         variation="control for w01: unruled, right-aligned, blank zeros, but 总计 column vAlign centre like the others",
         transforms=[all_nil, valign_all("center")], jc="right", zero=zero_blank),
    dict(stem="w16-unruled-centre-template", seed=216, agency="云南省西双版纳傣族自治州景洪市人民政府", year=2024,
         variation="unruled (all borders nil), numbers centred, zeros '0' (official template vAlign kept: 总计 column top)",
         transforms=[all_nil]),
    dict(stem="w17-thick", seed=217, agency="海南省三沙市人民政府", year=2023,
         variation="all borders thick (w:sz=24, 3pt)", transforms=[restyle_borders(sz=24)]),
    dict(stem="w18-thick-outer-double", seed=218, agency="重庆两江新区管理委员会", year=2022,
         variation="double borders in black, sz=4 (thin double, like Word's 双线)", transforms=[restyle_borders(val="double", sz=4)]),
    dict(stem="w19-captions-s4hdr", seed=219, agency="贵州省黔南布依族苗族自治州财政局", year=2023,
         variation="s2 captions as normal paragraphs above four separate tables; s4 header in two rows (行政复议 | 行政诉讼（…） spans 5)",
         s2_xml=s2_captions_as_paragraphs, transforms=[s4_two_row_header]),
    dict(stem="w20-s4-split-header", seed=220, agency="大连金普新区管理委员会", year=2024,
         variation="s4 header rebuilt: 行政复议 one row tall, its sub-labels vMerged over rows 2-3",
         transforms=[s4_split_header], phr="incl"),
    dict(stem="w21-unruled-vertical", seed=221, agency="阿坝藏族羌族自治州人民政府", year=2023,
         variation="unruled + tbRl vertical group cells and header cells", jc="right",
         transforms=[text_dir(GROUPS_V + S3_HEADER_V + S4_V), all_nil]),
    dict(stem="w14b-meta-arabic-2line", seed=214, agency="黔东南苗族侗族自治州民族宗教事务委员会", year=2023,
         variation="control for w14: title over two lines, second line '2023年政府信息公开工作年度报告'",
         pre_title=["发布日期：2024-01-26"], title=["黔东南苗族侗族自治州民族宗教事务委员会", "2023年政府信息公开工作年度报告"]),
]
SPECS += [
    dict(stem="w17b-thick12", seed=217, agency="海南省三沙市人民政府", year=2023,
         variation="all borders w:sz=12 (1.5pt)", transforms=[restyle_borders(sz=12)]),
    dict(stem="w17c-thick18", seed=217, agency="海南省三沙市人民政府", year=2023,
         variation="all borders w:sz=18 (2.25pt)", transforms=[restyle_borders(sz=18)]),
]


def thick_outer(sz=18):
    def setside(tc, side):
        return re.sub(rf'<w:{side} w:val="[a-z]+"[^>]*/>', f'<w:{side} w:val="single" w:color="000000" w:sz="{sz}" w:space="0"/>', tc, count=1)

    def f(tbls):
        out = []
        for t in tbls:
            rows = ROW_RE.findall(t)
            n = len(rows)

            def row(tr, ri):
                cells = CELL_RE.findall(tr)

                def cell(tc, ci):
                    m = re.search(r"<w:tcBorders>.*?</w:tcBorders>", tc, re.S)
                    if not m:
                        return tc
                    b = m.group(0)
                    if ci == 0: b = setside(b, "left")
                    if ci == len(cells) - 1: b = setside(b, "right")
                    if ri == 0: b = setside(b, "top")
                    if ri == n - 1: b = setside(b, "bottom")
                    return tc[:m.start()] + b + tc[m.end():]
                return map_cells(tr, cell)
            out.append(map_rows(t, row))
        return out
    return f


SPECS += [
    dict(stem="w17d-thick-outer18", seed=217, agency="海南省三沙市人民政府", year=2023,
         variation="outer table border only w:sz=18 (2.25pt), inner lines normal", transforms=[thick_outer(18)]),
    dict(stem="w17e-thick-outer24", seed=227, agency="宁夏回族自治区银川市金凤区人民政府", year=2024,
         variation="outer table border only w:sz=24 (3pt), inner lines normal", transforms=[thick_outer(24)]),
]
SPECS += [
    dict(stem="w22-break-in-six", seed=222, agency="吉林省延边朝鲜族自治州和龙市人民政府", year=2023,
         variation="ruled; page break inside （六）: 收费通知 row first on the next page", s3_pre=spacer_pre(5250), phr="incl"),
    dict(stem="w23-break-before-cf", seed=223, agency="湖南省湘西土家族苗族自治州吉首市人民政府", year=2022,
         variation="ruled; page break between （六）3.其他 and （七）总计 (LO would not leave 四、结转 alone on the next page)", s3_pre=spacer_pre(4702)),
    dict(stem="w24-break-in-six-unruled", seed=224, agency="新疆维吾尔自治区昌吉回族自治州人民政府", year=2024,
         variation="unruled; page break inside （六）: 3.其他 row first on the next page", s3_pre=spacer_pre(875),
         transforms=[all_nil], jc="right", zero=zero_blank),
    dict(stem="w25-break-first-six-unruled", seed=225, agency="广东省广州市南沙区人民政府", year=2023,
         variation="unruled; page break before （六）1 (group label (六) and its 3 rows on next page); numbers centred, zeros 0", s3_pre=spacer_pre(1312),
         transforms=[all_nil, valign_all("center")]),
]
for _tw in (5300, 5400, 5500, 5600, 5700):
    SPECS.append(dict(stem=f"w26-rowsplit-{_tw}", seed=226, agency="西藏自治区日喀则市桑珠孜区人民政府", year=2023,
         variation=f"ruled; spacer {_tw} twips so the page break falls inside/around the （六）1 row (rows may split)",
         s3_pre=spacer_pre(_tw)))
for _tw in (700, 800, 900, 1000, 1100, 1200):
    SPECS.append(dict(stem=f"w27-unruled-rowsplit-{_tw}", seed=227, agency="广西壮族自治区百色市右江区人民政府", year=2024,
         variation=f"unruled, 总计 vAlign centre; spacer {_tw} twips: page break falls inside/around the （六） rows",
         s3_pre=spacer_pre(_tw), transforms=[all_nil, valign_all("center")]))
