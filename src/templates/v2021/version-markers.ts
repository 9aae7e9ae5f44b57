/** Header words that identify a template version when found in a report (SPEC §1). */
export const versionMarkers = {
  v2021: ["本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额"],
  v2019: ["本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "政府集中采购"],
  legacy: ["主动公开政府信息数", "不同意公开答复数", "同意公开答复数", "申请办结数", "举报投诉数量"],
} as const;
