LAB_MESSY = {
 "deny_state_secret": "1、属于国家秘密", "deny_law_forbidden": "2.其他法律行政止公开",
 "deny_three_security": '3.危及"三安全一稳定"', "deny_third_party": "4. 保护第三方 合法权益",
 "granted": "(一)予以公开", "partial": "(二)部分公开(区分处理的,只计这一情形,不计其他情形)",
 "unable_not_held": "1、本机关不掌握相关政府信息", "reject_petition": "1、信访举报投诉类申请",
 "reject_repeat": "2、重复申请", "other_other": "3、其他", "total_processed": "(七)总计",
}
GROUPS_MESSY = {"（三）不予公开": "(三)不予公开", "（四）无法提供": "(四)无法提供", "（五）不予处理": "(五)不予处理", "（六）其他处理": "(六)其他处理"}
FOOT = dict(lo_header=None)
SPECS = [
 dict(stem="a00-baseline-lo", agency="无锡市梁溪区司法局", year=2023, seed=1, what="baseline LibreOffice HTML", opts={}),
 dict(stem="a00-baseline-cr", agency="无锡市梁溪区司法局", year=2023, seed=1, what="baseline Chromium", engine="chromium", opts={}),
 dict(stem="u01-unruled-left-lo", agency="无锡市梁溪区司法局", year=2023, seed=1, what="LO, no rules, numbers left-aligned", opts={"border":"none","num_align":"left"}),
 dict(stem="v01-heji-lo", agency="杭州市西湖区财政局", year=2022, seed=2, what="合计 for 总计 (s3 column+row, s4)", opts={"total_word":"合计","s4_total_word":"合计"}),
 dict(stem="v02-flat-spaced-cr", agency="绍兴市柯桥区人民政府办公室", year=2023, seed=3, what="s3 header one row, spaced words 自 然 人", engine="chromium", opts={"flat_header":True,"spaced_headers":True}),
 dict(stem="v03-s2-separate-lo", agency="温州市鹿城区住房和城乡建设局", year=2024, seed=4, what="s2 four tables, captions as paragraphs, 规 章, 规范性文件", opts={"s2_mode":"separate","s2_labels":{"rules":"规 章","normative_docs":"规范性文件"}}),
 dict(stem="v04-s2-separate-cr", agency="宁波市海曙区人民政府", year=2022, seed=5, what="s2 four tables (Chromium), no captions in grid, 规 章", engine="chromium", opts={"s2_mode":"separate","s2_labels":{"rules":"规　章"}}),
 dict(stem="v05-messy-labels-lo", agency="嘉兴市南湖区教育局", year=2023, seed=6, what="1、 numbering, half-width (一), straight quotes, typo 行政止公开, stray spaces", opts={"s3_labels":LAB_MESSY,"group_labels":GROUPS_MESSY}),
 dict(stem="v06-one-label-col-lo", agency="湖州市吴兴区卫生健康局", year=2024, seed=7, what="one label column, group+item label in one cell", opts={"one_label_col":True}),
 dict(stem="v07-one-label-col-cr", agency="金华市婺城区市场监督管理局", year=2023, seed=8, what="one label column (Chromium), messy labels", engine="chromium", opts={"one_label_col":True,"s3_labels":LAB_MESSY}),
 dict(stem="v08-thousands-lo", agency="上海市公安局", year=2023, seed=9, what="thousands separators in s3/s2, large counts", opts={"thousands":True,"scale":120,"zero_prob":0.2}),
 dict(stem="v09-blanks-dash-lo", agency="衢州市柯城区民政局", year=2022, seed=10, what="zeros blank in s2/s3, — in s4", opts={"zero_s2":"","zero_s3":"","zero_s4":"—"}),
 dict(stem="v10-s4-single-header-lo", agency="舟山市定海区交通运输局", year=2023, seed=11, what="s4 15 headers in one row (结果维持 ×3)", opts={"s4_single_header":"plain"}),
 dict(stem="v11-s4-landscape-cr", agency="台州市椒江区自然资源和规划局", year=2024, seed=12, what="s4 on own landscape page (Chromium named page)", engine="chromium",
      opts={"s4_landscape":True,"css":"@page land { size: A4 landscape; } .land { page: land; } "}),
 dict(stem="v12-tiny-letter-cr", agency="丽水市莲都区农业农村局", year=2023, seed=13, what="7pt table font, Letter, wide margins", engine="chromium",
      opts={"table_font":"7pt","css":"@page { size: letter; margin: 1in 1.5in; }"}),
 dict(stem="v13-split3-thead-cr", agency="南昌市东湖区人民政府", year=2023, seed=14, what="s3 over 3 pages with repeated thead", engine="chromium",
      opts={"thead":True,"table_font":"10pt","css":"@page { size: A4; margin: 20mm; } table.s3 td { padding: 9pt 2pt; } table.s3 thead td { padding: 1pt; font-size: 8pt; }"}),
 dict(stem="v18-margin-boxes-cr", agency="九江市浔阳区商务局", year=2024, seed=25, what="running head + 第 N 页 共 M 页 footer (Chromium @page margin boxes), 5+ pages", engine="chromium",
      opts={"narr_counts":True,"body_font":"14pt","table_font":"11pt","css":"@page { size: A4; margin: 25mm 20mm; @top-center { content: '九江市浔阳区商务局政府信息公开工作年度报告'; font-size: 9pt; font-family: 'Noto Sans CJK SC'; } @bottom-center { content: '第 ' counter(page) ' 页 共 ' counter(pages) ' 页'; font-size: 9pt; font-family: 'Noto Sans CJK SC'; } } table.s3 td { padding: 5pt 2pt; }"}),
 dict(stem="v14-footer-head-lo", agency="九江市浔阳区商务局", year=2022, seed=15, what="running head + 第 N 页 共 M 页 footer (LO)", opts={"lo_header":"九江市浔阳区商务局政府信息公开工作年度报告","lo_footer":True}),
 dict(stem="v15-narrative-lo", agency="赣州市章贡区水利局", year=2024, seed=16, what="narrative states all counts correctly", opts={"narr_counts":True}),
 dict(stem="v16-narr-blanks-cr", agency="吉安市吉州区文化广电新闻出版旅游局", year=2023, seed=17, what="narrative counts + blanks + serif", engine="chromium",
      opts={"narr_counts":True,"zero_s3":"","zero_s4":"0","css":"body, table { font-family: 'Noto Serif CJK SC'; }"}),
 dict(stem="v17-unruled-cr-flat", agency="萍乡市安源区城市管理局", year=2024, seed=18, what="Chromium unruled, flat s3 header, 合计, centred numbers", engine="chromium",
      opts={"border":"none","flat_header":True,"total_word":"合计"}),
 dict(stem="b01-extra-col-lo", agency="南宁市青秀区人民政府", year=2023, seed=19, what="BREAK: extra blank column at right of s3", opts={"extra_blank_col":True}),
 dict(stem="b02-dup-row-lo", agency="柳州市城中区人民政府", year=2023, seed=20, what="BREAK: row 2.重复申请 printed twice", opts={"dup_rows":["reject_repeat"]}),
 dict(stem="b03-seq-col-lo", agency="桂林市秀峰区人民政府", year=2023, seed=21, what="BREAK: 序号 column (numbers in label column)", opts={"seq_col":True}),
 dict(stem="b04-two-s3-lo", agency="北海市海城区人民政府", year=2023, seed=22, what="BREAK: two s3 tables (本机关, 全区)", opts={"two_s3":True}),
 dict(stem="b05-extra-col-cr-unruled", agency="梧州市万秀区人民政府", year=2023, seed=23, what="BREAK: extra blank col, unruled Chromium", engine="chromium", opts={"extra_blank_col":True,"border":"none"}),
]
for s in SPECS:
    if s["stem"] == "b02-dup-row-lo":
        s["opts"] = {"dup_rows": ["granted", "deny_third_party"], "zero_prob": 0.1}
        s["what"] = "BREAK: rows （一）予以公开 and 4.保护第三方 printed twice (identical)"
NARROW = {"one_label_col": True, "lc1": True, "colwidths": [110, 50, 50, 50, 50, 50, 50, 50], "border": "none"}
SPECS += [
 dict(stem="b06-label-copypaste-lo", agency="钦州市钦南区人民政府", year=2024, seed=26, what="BREAK: row 4.大量反复 printed with label copied from 2.重复申请", opts={"label_as":{"reject_massive":"2.重复申请"},"zero_prob":0.1}),
 dict(stem="b07-remark-col-lo", agency="贵港市港北区人民政府", year=2023, seed=27, what="BREAK: trailing 备注 column (ruled, blank cells)", opts={"extra_blank_col":True,"extra_head":"备注"}),
 dict(stem="u02-unruled-wrap-top-lo", agency="玉林市玉州区人民政府", year=2023, seed=28, what="unruled, one narrow label column, wrapped labels, numbers top-aligned", opts=dict(NARROW, valign="top")),
 dict(stem="u03-unruled-wrap-bottom-lo", agency="百色市右江区人民政府", year=2023, seed=29, what="unruled, one narrow label column, wrapped labels, numbers bottom-aligned", opts=dict(NARROW, valign="bottom")),
 dict(stem="v19-lo-thead-split", agency="景德镇市珠山区人民政府", year=2023, seed=30, what="LO repeat-heading thead, s3 over 2 pages, 8pt", opts={"thead":True,"table_font":"8pt","body_font":"12pt"}),
 dict(stem="v20-narr-otherwork-lo", agency="新余市渝水区自然资源局", year=2023, seed=31, what="narrative: correct counts + 受理不动产登记申请 (other work)", opts={"narr_counts":True,"narr_extra":[
   "（四）政务服务。全年共受理不动产登记申请12,580件，办结12,460件。",
   "（五）本年度共受理政府信息公开申请{new}件（含上年结转{co}件的另计），已全部按期答复。",
 ]}),
 dict(stem="v21-threeline-s4sparse-cr", agency="鹰潭市月湖区司法局", year=2022, seed=32, what="three-line tables (Chromium), blank zeros, sparse s4 (2 values)", engine="chromium",
      opts={"zero_s3":"","zero_s4":"","zero_s2":"","border":"none","force":{"s4.review.upheld":1,"s4.review.corrected":0,"s4.review.other":0,"s4.review.pending":0,"s4.review.total":1,"s4.suit_direct.upheld":0,"s4.suit_direct.corrected":0,"s4.suit_direct.other":0,"s4.suit_direct.pending":0,"s4.suit_direct.total":0,"s4.suit_after_review.upheld":0,"s4.suit_after_review.corrected":0,"s4.suit_after_review.other":0,"s4.suit_after_review.pending":0,"s4.suit_after_review.total":0},
            "css":"table.t tr:first-child td { border-top: 1.5pt solid #000; } table.t tr:last-child td { border-bottom: 1.5pt solid #000; }"}),
 dict(stem="v22-cr-split-blanks-wide", agency="抚州市临川区教育体育局", year=2023, seed=33, what="Chromium ruled, s3 split across pages w/o thead, blank zeros, wide columns", engine="chromium",
      opts={"zero_s3":"","table_font":"8pt","css":"table.s3 td { padding: 5pt 2pt; }"}),
 dict(stem="m01-title-paren-year-lo", agency="上饶市信州区审计局", year=2023, seed=34, what="title: 上饶市信州区审计局政府信息公开工作年度报告（2023年度）", opts={"title":"上饶市信州区审计局政府信息公开工作年度报告（2023年度）"}),
]
SPECS += [
 dict(stem="v23-narr-otherwork-only-lo", agency="新余市渝水区自然资源局", year=2024, seed=35, what="narrative: no count stated except 受理不动产登记申请12,580件 (other work)", opts={"narr_extra":[
   "（四）政务服务。全年共受理不动产登记申请12,580件，均在承诺时限内办结。",
 ]}),
 dict(stem="v24-narr-breakdown-cr", agency="宜春市袁州区人力资源和社会保障局", year=2023, seed=36, what="narrative: correct counts incl. 其中自然人/法人 breakdown, 行政复议/诉讼 outcomes", engine="chromium", opts={"narr_counts":True,"narr_extra":[
   "（四）本年度新收政府信息公开申请{new}件，加上年结转{co}件，共需办理{newco}件，其中予以公开{granted}件。",
   "（五）全年受理劳动人事争议仲裁申请1,024件，结案率95%。",
 ]}),
]
_f = {f"s4.{g}.{k}": 0 for g in ["review","suit_direct","suit_after_review"] for k in ["upheld","corrected","other","pending","total"]}
_f.update({"s4.review.upheld": 1, "s4.review.total": 1})
SPECS += [
 dict(stem="v25-unruled-s4sparse-lo", agency="鹰潭市月湖区司法局", year=2022, seed=32, what="LO unruled, blank zeros everywhere, s4 with only 2 printed values", opts={"zero_s3":"","zero_s4":"","zero_s2":"","border":"none","num_align":"right","force":_f}),
]
