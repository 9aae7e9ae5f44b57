import { describe, expect, it } from "vitest";
import { normalizeAgencies, parseAgency } from "../../../src/stages/cross/normalize-agency.js";

describe("parseAgency", () => {
  it.each([
    ["淮安市洪泽区人民政府", ["淮安市", "洪泽区"], "人民政府"],
    ["江苏省淮安市洪泽区人民政府", ["淮安市", "洪泽区"], "人民政府"],
    ["兰州市城关区人民政府", ["兰州市", "城关区"], "人民政府"],
    ["广西壮族自治区人民政府", ["广西壮族自治区"], "人民政府"],
    ["北京市西城区人民政府", ["北京市", "西城区"], "人民政府"],
    ["延边朝鲜族自治州人民政府", ["延边朝鲜族自治州"], "人民政府"],
    ["沛县人民政府", ["沛县"], "人民政府"],
    ["淮安市市场监督管理局", ["淮安市"], "市场监督管理局"],
    ["淮安市城市管理局", ["淮安市"], "城市管理局"],
    ["国家税务总局淮安市税务局", [], "国家税务总局淮安市税务局"],
    ["深圳市公安局交通警察局", ["深圳市"], "公安局交通警察局"],
  ])("%s → units %j, body %s", (name, units, body) => {
    expect(parseAgency(name)).toEqual({ units, body });
  });
});

describe("normalizeAgencies", () => {
  it("merges a name into its one more qualified form", () => {
    const map = normalizeAgencies(["洪泽区人民政府", "淮安市洪泽区人民政府", "江苏省淮安市洪泽区人民政府"]);
    expect(new Set(map.values())).toEqual(new Set(["淮安市洪泽区人民政府"]));
  });

  it("keeps a district name that two cities share apart from both", () => {
    const map = normalizeAgencies(["南京市鼓楼区人民政府", "福州市鼓楼区人民政府", "鼓楼区人民政府"]);
    expect(map.get("鼓楼区人民政府")).toBe("鼓楼区人民政府");
    expect(map.get("南京市鼓楼区人民政府")).not.toBe(map.get("福州市鼓楼区人民政府"));
  });

  it.each([
    ["a department with the government", ["淮安市公安局", "淮安市人民政府"]],
    ["a city's and a district's department", ["淮安市教育局", "淮安市洪泽区教育局"]],
    ["an unqualified body and a qualified one", ["公安局", "淮安市公安局"]],
    ["人民政府 and 政府", ["洪泽区人民政府", "洪泽区政府办公室"]],
  ])("never merges %s", (_name, names) => {
    const map = normalizeAgencies(names);
    expect(new Set(map.values()).size).toBe(names.length);
  });
});
