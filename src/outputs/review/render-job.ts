import type { NarrativeMark } from "./narrative-marks.js";
import type { PageImage } from "./render-pages.js";
import type { ReviewFlag } from "./review-model.js";

/** What the render process is asked to do with one source file (read from `path`; nothing large crosses IPC). */
export type RenderJob =
  | {
      readonly kind: "pdf" | "ofd" | "png" | "jpeg" | "tiff";
      readonly path: string;
      readonly outDir: string;
      readonly scale: number;
    }
  | {
      /** A web page's pictures read by OCR, rendered as its pages (picture-pages.ts). */
      readonly kind: "pictures";
      readonly path: string;
      readonly source: "html" | "mht";
      readonly cells: Readonly<Record<string, { page: number | null; locator?: string | null | undefined }>>;
      readonly outDir: string;
      readonly scale: number;
    }
  | {
      readonly kind: "marks";
      readonly path: string;
      readonly format: "pdf" | "ofd";
      readonly flags: readonly ReviewFlag[];
    };

export type RenderRequest = { readonly id: number; readonly job: RenderJob };

/** The job's answer and the process's resident set after it (MiB), by which the parent decides to replace it. */
export type RenderReply = { readonly id: number; readonly rssMb: number } & (
  | { readonly pages: PageImage[] }
  | { readonly marks: NarrativeMark[] }
  | { readonly error: string }
);
