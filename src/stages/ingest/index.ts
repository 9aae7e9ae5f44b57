export { decodeCodedImage } from "./decode-coded-image.js";
export { detectKind, type InputKind } from "./detect-kind.js";
export { decodeFileName, type FsPath, fileNameOf, shortenName } from "./file-name.js";
export {
  findArchiveImage,
  findFolderImage,
  MAX_PICTURE_BYTES,
  type WebPicture,
} from "./find-page-image.js";
export { imagePdf } from "./image-pdf.js";
export { checkImageSize } from "./image-size.js";
export { type PdfDocument, type PdfPage, withPdfDocument, withPdfReader } from "./open-pdf.js";
export { tunePdfRuntime } from "./pdf-runtime.js";
export { CFB_SIGNATURE, type CompoundFile, readCompoundFile } from "./read-compound-file.js";
export { type InputFile, readInput } from "./read-input.js";
export { type ArchivePart, readWebArchive, type WebArchive } from "./read-web-archive.js";
export { countTiffPages } from "./tiff-pages.js";
