"""Report data with known truth for the past-reports adversarial round (v2021 / v2019 / legacy)."""
import random

COLS = ["natural", "commercial", "research", "social", "legal", "other_org"]
COL_LABELS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
RESULT_ROWS_2021 = [
    ("granted", "（一）予以公开", None),
    ("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None),
    ("deny_state_secret", "1.属于国家秘密", "（三）不予公开"),
    ("deny_law_forbidden", "2.其他法律行政法规禁止公开", "（三）不予公开"),
    ("deny_three_security", "3.危及“三安全一稳定”", "（三）不予公开"),
    ("deny_third_party", "4.保护第三方合法权益", "（三）不予公开"),
    ("deny_internal_affairs", "5.属于三类内部事务信息", "（三）不予公开"),
    ("deny_process_info", "6.属于四类过程性信息", "（三）不予公开"),
    ("deny_enforcement_file", "7.属于行政执法案卷", "（三）不予公开"),
    ("deny_admin_query", "8.属于行政查询事项", "（三）不予公开"),
    ("unable_not_held", "1.本机关不掌握相关政府信息", "（四）无法提供"),
    ("unable_need_create", "2.没有现成信息需要另行制作", "（四）无法提供"),
    ("unable_unclear", "3.补正后申请内容仍不明确", "（四）无法提供"),
    ("reject_petition", "1.信访举报投诉类申请", "（五）不予处理"),
    ("reject_repeat", "2.重复申请", "（五）不予处理"),
    ("reject_publication", "3.要求提供公开出版物", "（五）不予处理"),
    ("reject_massive", "4.无正当理由大量反复申请", "（五）不予处理"),
    ("reject_confirm", "5.要求行政机关确认或重新出具已获取信息", "（五）不予处理"),
    ("other_no_supplement", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "（六）其他处理"),
    ("other_fee_unpaid", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "（六）其他处理"),
    ("other_other", "3.其他", "（六）其他处理"),
]
RESULT_ROWS_2019 = RESULT_ROWS_2021[:18] + [("other_processing", "（六）其他处理", None)]
S4_GROUPS = ["review", "suit_direct", "suit_after_review"]
S4_FIELDS = ["upheld", "corrected", "other", "pending", "total"]

AGENCIES = [
    "绵阳市涪城区人民政府办公室", "常州市武进区市场监督管理局", "嘉兴市秀洲区人民政府", "赣州市章贡区住房和城乡建设局",
    "洛阳市西工区人民政府", "泉州市丰泽区教育局", "宜宾市翠屏区自然资源和规划局", "湖州市吴兴区卫生健康局",
    "南充市顺庆区人民政府", "济宁市任城区人力资源和社会保障局", "岳阳市岳阳楼区人民政府办公室", "淄博市张店区民政局",
    "柳州市城中区人民政府", "孝感市孝南区交通运输局", "遵义市红花岗区人民政府", "滁州市琅琊区财政局",
    "九江市浔阳区人民政府", "许昌市魏都区生态环境分局", "德阳市旌阳区人民政府", "金华市婺城区农业农村局",
    "荆州市沙市区人民政府", "黄石市下陆区人民政府办公室", "衡阳市雁峰区人民政府", "盐城市亭湖区司法局",
    "鞍山市铁东区人民政府", "三明市三元区人民政府", "昆山市人民政府办公室", "邯郸市丛台区人民政府",
    "安庆市迎江区人民政府", "漳州市芗城区人民政府", "宝鸡市渭滨区人民政府", "新乡市卫滨区人民政府",
]


def make_s3(rng, template, total_scale=40, zero_share=0.55):
    """A consistent section 三: rows×columns, balance and totals hold."""
    rows = RESULT_ROWS_2021 if template == "v2021" else RESULT_ROWS_2019
    res = {}
    for key, _, _ in rows:
        vals = []
        for c in COLS:
            if rng.random() < zero_share or (c in ("research", "social") and rng.random() < 0.8):
                vals.append(0)
            else:
                base = total_scale if key in ("granted", "unable_not_held") else max(2, total_scale // 6)
                if c != "natural":
                    base = max(1, base // 5)
                vals.append(rng.randint(0, base))
        res[key] = vals
    processed = [sum(res[k][i] for k, _, _ in rows) for i in range(6)]
    forward = [rng.randint(0, 3) if rng.random() < 0.4 else 0 for _ in range(6)]
    carried = [rng.randint(0, min(3, processed[i] + forward[i])) if rng.random() < 0.4 else 0 for i in range(6)]
    carried = [min(carried[i], processed[i] + forward[i]) for i in range(6)]
    new = [processed[i] + forward[i] - carried[i] for i in range(6)]
    table = {"new_received": new, "carried_over": carried}
    table.update(res)
    table["total_processed"] = processed
    table["carried_forward"] = forward
    out = {}
    for k, vals in table.items():
        out[k] = dict(zip(COLS, vals))
        out[k]["total"] = sum(vals)
    return out, [k for k, _, _ in rows]


def make_s4(rng):
    out = {}
    for g in S4_GROUPS:
        vals = [rng.randint(0, 3) if rng.random() < 0.5 else 0 for _ in range(4)]
        out[g] = dict(zip(S4_FIELDS[:4], vals))
        out[g]["total"] = sum(vals)
    return out


def make_s2_2021(rng):
    return {
        "rules": {"made": 0, "repealed": 0, "valid": 0},
        "normative_docs": {"made": rng.randint(0, 12), "repealed": rng.randint(0, 5), "valid": rng.randint(5, 160)},
        "admin_license": {"decisions": rng.randint(0, 9000)},
        "admin_penalty": {"decisions": rng.randint(0, 3000)},
        "admin_coercion": {"decisions": rng.randint(0, 200)},
        "admin_fees": {"amount_wan": round(rng.randint(0, 50000) / 100, 2) if rng.random() < 0.5 else 0},
    }


def make_s2_2019(rng):
    return {
        "rules": {"new_made": 0, "new_published": 0, "total_published": 0},
        "normative_docs": {
            "new_made": rng.randint(0, 12), "new_published": rng.randint(0, 12), "total_published": rng.randint(5, 90)},
        "admin_license": {"prev_year_items": rng.randint(0, 300), "delta": rng.randint(-9, 9), "decisions": rng.randint(0, 5000)},
        "other_services": {"prev_year_items": rng.randint(0, 60), "delta": rng.randint(-5, 5), "decisions": rng.randint(0, 800)},
        "admin_penalty": {"prev_year_items": rng.randint(0, 900), "delta": rng.randint(-20, 20), "decisions": rng.randint(0, 2000)},
        "admin_coercion": {"prev_year_items": rng.randint(0, 60), "delta": rng.randint(-3, 3), "decisions": rng.randint(0, 90)},
        "admin_fees": {"prev_year_items": rng.randint(0, 20), "delta": rng.randint(-2, 2)},
        "procurement": {"items": rng.randint(0, 60), "amount_wan": round(rng.randint(0, 900000) / 100, 2)},
    }
