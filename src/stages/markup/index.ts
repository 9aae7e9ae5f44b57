export { decodeHtml } from "./decode-html.js";
export type { DocBlock, DocCell, DocParagraph, DocTable } from "./doc-blocks.js";
export { expandGrid } from "./doc-blocks.js";
export { docxBlocks, readDocumentXml } from "./docx-blocks.js";
export { htmlBlocks } from "./html-blocks.js";
export { type MarkupLayout, toLayout } from "./to-layout.js";
