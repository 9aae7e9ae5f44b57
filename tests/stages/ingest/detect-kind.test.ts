import { describe, expect, it } from "vitest";
import { detectKind } from "../../../src/stages/ingest/detect-kind.js";

const ascii = (text: string) => new TextEncoder().encode(text);
const bytes = (...values: number[]) => new Uint8Array(values);

describe("detectKind", () => {
  it.each([
    ["a PDF header", ascii("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "pdf"],
    [
      "a PDF header after junk bytes",
      new Uint8Array([...new Uint8Array(500).fill(0x20), ...ascii("%PDF-1.4\n")]),
      "pdf",
    ],
    ["PNG", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), "png"],
    ["JPEG", bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10), "jpeg"],
    ["TIFF little-endian", bytes(0x49, 0x49, 0x2a, 0x00, 0x08), "tiff"],
    ["TIFF big-endian", bytes(0x4d, 0x4d, 0x00, 0x2a, 0x00), "tiff"],
    ["ZIP (not a Word package)", bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00), "zip"],
    [
      "a Word package (ZIP naming word/document.xml)",
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, ...ascii("....word/document.xml")]),
      "docx",
    ],
    ["a saved page opening with <meta>", ascii('\uFEFF  <!-- saved --><meta charset="gbk"><p>报告</p>'), "html"],
    ["a UTF-16 page", new Uint8Array([0xff, 0xfe, 0x3c, 0x00, 0x70, 0x00, 0x3e, 0x00]), "html"],
    ["an HTML page saved as .pdf", ascii("<!DOCTYPE html><html><head><title>年报</title>"), "html"],
    ["an HTML fragment", ascii("\n<HTML lang=zh>"), "html"],
    ["no bytes", new Uint8Array(0), "empty"],
    ["plain text", ascii("这不是PDF文件，只是改了扩展名的文本。"), "unknown"],
    [
      "a PDF header beyond the first KiB",
      new Uint8Array([...new Uint8Array(1100).fill(0x20), ...ascii("%PDF-1.4")]),
      "unknown",
    ],
    ["a lone PNG byte", bytes(0x89), "unknown"],
  ])("%s → %s", (_name, data, kind) => {
    expect(detectKind(data)).toBe(kind);
  });
});
