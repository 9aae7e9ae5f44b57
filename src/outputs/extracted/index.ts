/**
 * Reading a finished extract output folder: its reports, the known value paths and their labels, corrections,
 * and the single-report rules run again on corrected values. Shared by `outputs/export` and `outputs/review`,
 * which import only this façade and never each other.
 */
export * from "./corrections.js";
export * from "./path-catalog.js";
export * from "./read-extracted.js";
export * from "./recheck-rules.js";
