import { InputError } from "../../errors.js";
import { readWebArchive } from "../../stages/ingest/index.js";
import { decodeHtml } from "../../stages/markup/index.js";
import { readWebPage } from "../read-web-page.js";
import { archiveImages } from "../web-images.js";
import type { FrontEnd } from "./input-kind.js";

/**
 * A web page saved as one file (.mht / .mhtml: MIME multipart/related from Internet Explorer, Edge, Chrome or
 * Word): its HTML part, decoded from its transfer encoding and read in the charset its part header declares
 * (else the page's `<meta>`), goes through the HTML front end; pictures of tables it holds are read by OCR.
 * Tried before `html` (an archive's HTML part may open within the bytes the HTML sniff looks at).
 */
export const extractWebArchive: FrontEnd = async (input, source, context) => {
  const archive = readWebArchive(input.bytes);
  const body = archive.html.body();
  if (body.length > MAX_PAGE_BYTES) {
    throw new InputError("too_large", `The web archive's page is ${body.length} bytes, more than ${MAX_PAGE_BYTES}`);
  }
  const { text } = decodeHtml(body, { charset: archive.html.charset });
  return readWebPage(text, source, context, archiveImages(archive));
};

/** Bytes of HTML a saved report page may have: a portal page is well under 2 MiB, a report with inline styles 5. */
const MAX_PAGE_BYTES = 64 * 1024 * 1024;
