import { findArchiveImage, findFolderImage, type WebArchive, type WebPicture } from "../stages/ingest/index.js";

/** Where the pictures a web page names are found: in its archive, beside the saved page, or nowhere. */
export interface WebPictures {
  readonly find: (src: string) => Promise<WebPicture>;
  /** For messages: "the web archive", "the saved page's folder". */
  readonly where: string;
}

export function archiveImages(archive: WebArchive): WebPictures {
  return { find: async (src) => findArchiveImage(archive, src), where: "the web archive" };
}

/** A page read from a file: its pictures from its own folder (the `<stem>_files/` a browser writes beside it). */
export function folderImages(pagePath: string): WebPictures {
  return { find: (src) => findFolderImage(pagePath, src), where: "the saved page's folder" };
}

/** No pictures to be had (a page given as bytes without a path of its own). */
export const NO_PICTURES: WebPictures = {
  find: async () => ({ missing: "the page's folder is unknown" }),
  where: "nowhere",
};
