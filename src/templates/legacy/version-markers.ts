/** Words of a pre-2019 report's 统计表 that identify it when found in a report (SPEC §1). */
export const markers = ["主动公开政府信息数", "不同意公开答复数", "同意公开答复数", "申请办结数", "举报投诉数量"];
