// Further sample specs (see samples-specs.ts).
import type { SampleSpec } from "./samples-truth.js";

export const MORE_SAMPLE_SPECS: SampleSpec[] = [];
