export { decodeHtml } from "./decode-html.js";
export type { DocBlock, DocCell, DocImage, DocParagraph, DocTable } from "./doc-blocks.js";
export { expandGrid } from "./doc-blocks.js";
export { docxBlocks } from "./docx-blocks.js";
export { htmlBlocks } from "./html-blocks.js";
export { checkTableSize } from "./nesting.js";
export { readDocumentXml } from "./read-docx-xml.js";
export { type MarkupLayout, toLayout } from "./to-layout.js";
export { type WordStreams, wordBinaryBlocks } from "./word/read-word-binary.js";
