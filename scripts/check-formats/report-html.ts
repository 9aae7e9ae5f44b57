// An HTML report written from a truth file alone (issue 15's independent check set): the tables are laid out
// here from the template's labels, not by the sample generators, in several table styles. The narrative states
// no counts, so a truth's text.* flags (which need the original narrative) must not be asked of these files.
import { CellPrinter, esc, label, type Row, type TableStyle, type Truth, table, tr } from "./html-parts.js";
import { legacyTable } from "./legacy-table.js";

export type { TableStyle, Truth };

type Group = readonly [string | null, readonly (readonly [string, string])[]];
const V2021_S3_GROUPS: readonly Group[] = [
  [null, [["granted", "（一）予以公开"]]],
  [null, [["partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"]]],
  [
    "（三）不予公开",
    [
      ["deny_state_secret", "1.属于国家秘密"],
      ["deny_law_forbidden", "2.其他法律行政法规禁止公开"],
      ["deny_three_security", "3.危及“三安全一稳定”"],
      ["deny_third_party", "4.保护第三方合法权益"],
      ["deny_internal_affairs", "5.属于三类内部事务信息"],
      ["deny_process_info", "6.属于四类过程性信息"],
      ["deny_enforcement_file", "7.属于行政执法案卷"],
      ["deny_admin_query", "8.属于行政查询事项"],
    ],
  ],
  [
    "（四）无法提供",
    [
      ["unable_not_held", "1.本机关不掌握相关政府信息"],
      ["unable_need_create", "2.没有现成信息需要另行制作"],
      ["unable_unclear", "3.补正后申请内容仍不明确"],
    ],
  ],
  [
    "（五）不予处理",
    [
      ["reject_petition", "1.信访举报投诉类申请"],
      ["reject_repeat", "2.重复申请"],
      ["reject_publication", "3.要求提供公开出版物"],
      ["reject_massive", "4.无正当理由大量反复申请"],
      ["reject_confirm", "5.要求行政机关确认或重新出具已获取信息"],
    ],
  ],
];

const OTHER_2021: readonly (readonly [string, string])[] = [
  ["other_no_supplement", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"],
  ["other_fee_unpaid", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"],
  ["other_other", "3.其他"],
];

const COLUMNS = ["natural", "commercial", "research", "social", "legal", "other_org", "total"] as const;

function s2Tables2021(p: CellPrinter, style: TableStyle): string {
  const parts: [string, Row[]][] = [
    [
      "第二十条第（一）项",
      [
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", p.cell("s2.rules.made"), p.cell("s2.rules.repealed"), p.cell("s2.rules.valid")],
        [
          "行政规范性文件",
          p.cell("s2.normative_docs.made"),
          p.cell("s2.normative_docs.repealed"),
          p.cell("s2.normative_docs.valid"),
        ],
      ],
    ],
    [
      "第二十条第（五）项",
      [
        ["信息内容", "本年处理决定数量"],
        ["行政许可", p.cell("s2.admin_license.decisions")],
      ],
    ],
    [
      "第二十条第（六）项",
      [
        ["信息内容", "本年处理决定数量"],
        ["行政处罚", p.cell("s2.admin_penalty.decisions")],
        ["行政强制", p.cell("s2.admin_coercion.decisions")],
      ],
    ],
    [
      "第二十条第（八）项",
      [
        ["信息内容", "本年收费金额（单位：万元）"],
        ["行政事业性收费", p.cell("s2.admin_fees.amount_wan", "amount")],
      ],
    ],
  ];
  return s2Grid(parts, style, 4);
}

function s2Tables2019(p: CellPrinter, style: TableStyle): string {
  const doc = (k: string, name: string): Row => [
    name,
    p.cell(`s2v19.${k}.new_made`),
    p.cell(`s2v19.${k}.new_published`),
    p.cell(`s2v19.${k}.total_published`),
  ];
  const item = (k: string, name: string): Row => [
    name,
    p.cell(`s2v19.${k}.prev_year_items`),
    p.cell(`s2v19.${k}.delta`, "signed"),
    p.cell(`s2v19.${k}.decisions`),
  ];
  const amount = p.cell("s2v19.procurement.amount_wan", "amount");
  const yuan = style.procurementYuan && amount !== "" ? `${Math.round(Number(amount) * 10000)}元` : amount;
  const parts: [string, Row[]][] = [
    [
      "第二十条第（一）项",
      [
        ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
        doc("rules", "规章"),
        doc("normative_docs", "规范性文件"),
      ],
    ],
    [
      "第二十条第（五）项",
      [
        ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
        item("admin_license", "行政许可"),
        item("other_services", "其他对外管理服务事项"),
      ],
    ],
    [
      "第二十条第（六）项",
      [
        ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
        item("admin_penalty", "行政处罚"),
        item("admin_coercion", "行政强制"),
      ],
    ],
    [
      "第二十条第（八）项",
      [
        ["信息内容", "上一年项目数量", "本年增/减"],
        ["行政事业性收费", p.cell("s2v19.admin_fees.prev_year_items"), p.cell("s2v19.admin_fees.delta", "signed")],
      ],
    ],
    [
      "第二十条第（九）项",
      [
        ["信息内容", "采购项目数量", style.procurementYuan ? "采购总金额" : "采购总金额（万元）"],
        ["政府集中采购", p.cell("s2v19.procurement.items"), yuan],
      ],
    ],
  ];
  return s2Grid(parts, style, 4);
}

/** Section 二 as separate captioned tables, or one grid with the captions as spanning rows. */
function s2Grid(parts: readonly [string, Row[]][], style: TableStyle, width: number): string {
  const rowHtml = (row: Row) =>
    tr(row.map((text, i) => [esc(text), i === row.length - 1 && row.length < width ? `colspan="${width - i}"` : ""]));
  if (style.mergedS2) {
    const rows = parts.flatMap(([caption, rs]) => [tr([[esc(caption), `colspan="${width}"`]]), ...rs.map(rowHtml)]);
    return table(rows, style);
  }
  return parts
    .map(([caption, rs]) => `<p align="center"><b>${esc(caption)}</b></p>\n${table(rs.map(rowHtml), style)}`)
    .join("\n");
}

function s3Header(style: TableStyle, labelCols: number): string[] {
  const word = (text: string, at: number) =>
    style.brokenHeaders ? `${esc(text.slice(0, at))}<br>${esc(text.slice(at))}` : esc(text);
  return [
    tr([
      ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", `rowspan="3" colspan="${labelCols}"`],
      ["申请人情况", 'colspan="7"'],
    ]),
    tr([
      ["自然人", 'rowspan="2"'],
      [word("法人或其他组织", 2), 'colspan="5"'],
      ["总计", 'rowspan="2"'],
    ]),
    tr([[word("商业企业", 2)], [word("科研机构", 2)], [word("社会公益组织", 4)], [word("法律服务机构", 3)], ["其他"]]),
  ];
}

/** Section 三's body rows: [labels…, seven values] with the group cells spanning their rows. */
function s3Rows(p: CellPrinter, truth: Truth, style: TableStyle, cut?: number): string[] {
  const v2019 = truth.report.template === "v2019";
  const last: Group = v2019 ? [null, [["other_processing", "（六）其他处理"]]] : ["（六）其他处理", OTHER_2021];
  const groups: readonly Group[] = [...V2021_S3_GROUPS, last];
  const values = (row: string) =>
    COLUMNS.map((c) => [p.cell(`s3.${row}.${c}`, "wide")] as const) as (readonly [string, string?])[];
  const one = Boolean(style.oneLabelColumn);
  const resultRows = groups.reduce((n, [, rows]) => n + rows.length, 0) + 1;
  const out: string[] = [];
  out.push(tr([["一、本年新收政府信息公开申请数量", one ? "" : 'colspan="3"'], ...values("new_received")]));
  out.push(tr([["二、上年结转政府信息公开申请数量", one ? "" : 'colspan="3"'], ...values("carried_over")]));
  let first = true;
  let done = 0;
  for (const [group, rows] of groups) {
    rows.forEach(([key, text], i) => {
      const cells: [string, string?][] = [];
      if (!one && !first && out.length === cut && !style.splitDropsGroups) {
        // The continuation of a split table keeps the merged group cells, empty, as Word's Split Table leaves them.
        cells.push(["", `rowspan="${resultRows - done}"`]);
        if (group !== null && i > 0) cells.push(["", `rowspan="${rows.length - i}"`]);
      }
      done += 1;
      if (one) {
        const prefix = first ? "三、本年度办理结果 " : "";
        cells.push([esc(`${prefix}${group && i === 0 ? `${group} ` : ""}${text}`)]);
      } else {
        if (first) cells.push([label("三、本年度办理结果", style, true), `rowspan="${resultRows}"`]);
        if (group === null) cells.push([esc(text), 'colspan="2"']);
        else {
          if (i === 0) cells.push([label(group, style, true), `rowspan="${rows.length}"`]);
          cells.push([esc(text)]);
        }
      }
      first = false;
      out.push(tr([...cells, ...values(key)]));
    });
  }
  out.push(
    tr(
      one
        ? [["（七）总计"], ...values("total_processed")]
        : [["（七）总计", 'colspan="2"'], ...values("total_processed")],
    ),
  );
  out.push(tr([["四、结转下年度继续办理", one ? "" : 'colspan="3"'], ...values("carried_forward")]));
  return out;
}

function s3Table(p: CellPrinter, truth: Truth, style: TableStyle): string {
  const labelCols = style.oneLabelColumn ? 1 : 3;
  const header = s3Header(style, labelCols);
  const cut = style.splitS3After;
  const body = s3Rows(p, truth, style, cut);
  if (cut === undefined) return table([...header, ...body], style);
  // A rowspan opened above the cut ends at the first table's end (HTML clamps it there).
  return `${table([...header, ...body.slice(0, cut)], style)}
<p align="center">- 3 -</p>
<p style="page-break-before:always"></p>
${table(body.slice(cut), style)}`;
}

function s4Table(p: CellPrinter, style: TableStyle): string {
  const outcome = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
  const groups = ["review", "suit_direct", "suit_after_review"];
  const keys = ["upheld", "corrected", "other", "pending", "total"];
  const word = (t: string) => (style.brokenHeaders ? `${esc(t.slice(0, 2))}<br>${esc(t.slice(2))}` : esc(t));
  return table(
    [
      tr([
        ["行政复议", 'colspan="5"'],
        ["行政诉讼", 'colspan="10"'],
      ]),
      tr([
        ...outcome.map((t) => [word(t), 'rowspan="2"'] as const),
        ["未经复议直接起诉", 'colspan="5"'],
        ["复议后起诉", 'colspan="5"'],
      ]),
      tr([...outcome, ...outcome].map((t) => [word(t)] as const)),
      tr(groups.flatMap((g) => keys.map((k) => [p.cell(`s4.${g}.${k}`, "wide")] as const))),
    ],
    style,
  );
}

/** The whole report as an HTML page (UTF-8; `charset` names the encoding the caller will store it in). */
export function reportHtml(truth: Truth, style: TableStyle, charset = "utf-8"): string {
  const p = new CellPrinter(truth, style);
  const { agency, year, template } = truth.report;
  const title = `${agency}${year}年政府信息公开工作年度报告`;
  const para = (t: string) => `<p style="text-indent:2em">${esc(t)}</p>`;
  const sections =
    template === "legacy"
      ? [
          `<h2>一、概述</h2>${para(`本报告根据《中华人民共和国政府信息公开条例》要求，由${agency}编制。`)}`,
          `<h2>二、主动公开政府信息情况</h2>${para("本年度通过门户网站、政务公众号等渠道主动公开政府信息。")}`,
          `<h2>三、依申请公开政府信息情况</h2>${para("依申请公开工作依法按时办理，具体数据见附表。")}`,
          `<h2>四、政府信息公开的收费及减免情况</h2>${para("收费情况见附表。")}`,
          `<h2>五、因政府信息公开申请行政复议、提起行政诉讼的情况</h2>${para("具体数据见附表。")}`,
          `<h2>六、政府信息公开工作存在的主要问题及改进情况</h2>${para("公开内容还不够全面，下一步将加强培训。")}`,
          `<p align="center"><b>${esc(`${agency}${year}年政府信息公开情况统计表`)}</b></p>`,
          legacyTable(p, truth, style),
        ]
      : [
          `<h2>一、总体情况</h2>${para(`${year}年，${agency}认真贯彻落实《中华人民共和国政府信息公开条例》，推进政务公开工作。`)}`,
          `<h2>二、主动公开政府信息情况</h2>`,
          `<div id="tables-s2">${template === "v2019" ? s2Tables2019(p, style) : s2Tables2021(p, style)}</div>`,
          `<h2>三、收到和处理政府信息公开申请情况</h2>`,
          `<div id="tables-s3">${s3Table(p, truth, style)}</div>`,
          `<h2>四、政府信息公开行政复议、行政诉讼情况</h2>`,
          `<div id="tables-s4">${s4Table(p, style)}</div>`,
          `<h2>五、存在的主要问题及改进情况</h2>${para("主动公开的深度和广度有待加强，下一步将完善工作机制。")}`,
          `<h2>六、其他需要报告的事项</h2>${para("无其他需要报告的事项。")}`,
        ];
  const article = `<h1 align="center">${esc(title)}</h1>\n${sections.join("\n")}`;
  const body = style.portal
    ? `<table width="960" border="0"><tr><td colspan="2">政务公开 &gt; 政府信息公开年报</td></tr>
<tr><td width="180"><table><tr><td>首页</td></tr><tr><td>政务公开</td></tr><tr><td>办事服务</td></tr></table></td>
<td>${article}</td></tr><tr><td colspan="2">主办单位：${esc(agency)} 网站标识码 0000000000</td></tr></table>`
    : article;
  return `<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}">
<title>${esc(title)}</title>
<style>body{font-family:"Noto Serif CJK SC","Noto Sans CJK SC",serif;font-size:12pt} td{text-align:center}</style>
</head><body>
${body}
</body></html>
`;
}
