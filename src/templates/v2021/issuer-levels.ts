import type { IssuerLevels } from "../rule-def.js";

/** Characters that end a place name below the national level (province, city, county). */
const PLACE = "省市县区旗";

/**
 * Agency levels from agency names, for who may make 规章 (立法法 第九十一、九十三条: State Council ministries,
 * commissions and directly-affiliated bodies; provincial, 自治区, 直辖市, 设区的市 and 自治州 governments).
 * A 县级市 government cannot be told from a 设区的市 by its name: it reads as `city` (no false alarm).
 * The general office of a government (办公厅/办公室) often publishes the government's own report: it takes
 * the government's level.
 */
export const issuerLevels: IssuerLevels = {
  neutralWords: [
    "市场",
    "城市",
    "城乡",
    "乡村",
    "区域",
    "市政工程",
    "市政公用",
    "市政管理",
    "市政设施",
    "都市",
    "超市",
    "园区管理",
  ],
  levels: [
    {
      // First: bodies that cannot make 规章 whatever their name looks like — a river basin commission of 水利部,
      // a local branch of a national body (海关, 监管局), a 地区行政公署, the 兵团 and its 师 and 团.
      level: "county",
      patterns: ["水利委员会$", "[^国].*海关$", "监管局$", "行政公署", "兵团", "第[一二三四五六七八九十]+师"],
    },
    {
      level: "national",
      patterns: [`^(?:国务院|国家|中国|中华人民共和国)?[^${PLACE}乡镇州盟]+(?:部|委员会|总局|总署|署|银行)$`],
    },
    {
      level: "provincial",
      patterns: [`^(?:[^${PLACE}]+(?:省|自治区)|北京市|天津市|上海市|重庆市)(?:人民)?政府(?:办公厅|办公室)?$`],
    },
    {
      // Before city: a 县级市 named under its city, 州 or 地区 ("苏州市昆山市人民政府").
      level: "county",
      patterns: [`(?:市|州|盟|地区)[^${PLACE}]+市(?:人民)?政府`],
    },
    {
      level: "city",
      patterns: [`^(?:[^${PLACE}]+(?:省|自治区))?[^${PLACE}]+(?:市|自治州|州|盟)(?:人民)?政府(?:办公厅|办公室)?$`],
    },
    {
      level: "county",
      patterns: ["[县旗]", "(?<!自治|地)区", "(?:乡|镇|街道|苏木)(?:人民政府|政府|办事处)?(?:办公室)?$"],
    },
    {
      level: "department",
      patterns: [
        "(?:省|自治区|市|州|盟).*(?:局|委员会|委|办公厅|办公室|办|中心|厅|所|院|站|队|处|馆|部|会|室|署|分行)$",
      ],
    },
  ],
};
