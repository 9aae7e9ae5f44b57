import { describe, expect, it } from "vitest";
import { classifyIssuer } from "../../../src/stages/rules/classify-issuer.js";
import { issuerLevels } from "../../../src/templates/v2021/issuer-levels.js";

describe("classifyIssuer", () => {
  it.each([
    ["交通运输部", "national"],
    ["国家发展和改革委员会", "national"],
    ["国家市场监督管理总局", "national"],
    ["住房和城乡建设部", "national"],
    ["海关总署", "national"],
    ["广东省人民政府", "provincial"],
    ["宁夏回族自治区人民政府", "provincial"],
    ["广西壮族自治区人民政府", "provincial"],
    ["北京市人民政府", "provincial"],
    ["上海市人民政府办公厅", "provincial"],
    ["广州市人民政府", "city"],
    ["广东省广州市人民政府", "city"],
    ["镇江市人民政府", "city"],
    ["恩施土家族苗族自治州人民政府", "city"],
    ["北京市朝阳区人民政府", "county"],
    ["海原县工业信息化和商务局", "county"],
    ["成都市武侯区教育局", "county"],
    ["XX镇人民政府", "county"],
    ["朝阳街道办事处", "county"],
    ["广州市政府办公厅", "city"],
    ["广东省政府办公厅", "provincial"],
    ["苏州市市政工程管理处", "department"],
    ["苏州市昆山市人民政府", "county"],
    ["四川省凉山彝族自治州西昌市人民政府", "county"],
    ["长江水利委员会", "county"],
    ["广州海关", "county"],
    ["国家金融监督管理总局江苏监管局", "county"],
    ["大兴安岭地区行政公署", "county"],
    ["新疆生产建设兵团第一师", "county"],
    ["广州市交通运输局", "department"],
    ["广东省交通运输厅", "department"],
    ["苏州市生态环境局", "department"],
    ["广州市市场监督管理局", "department"],
    ["国家税务总局广州市税务局", "department"],
    ["中国人民银行广州分行", "department"],
    ["某单位", "unknown"],
  ])("%s is %s", (agency, level) => {
    expect(classifyIssuer(agency, issuerLevels)).toBe(level);
  });
});
