// The scanned part of `npm run bench` alone: `npx tsx scripts/dev/bench-scans.ts` (CPU seconds per scanned page
// against the tesseract CLI, and the 50-page run's peak RSS).
import { benchScanned, scanRunChild } from "../bench-scanned.js";

const at = process.argv.indexOf("--scan-run");
if (at >= 0) await scanRunChild(process.argv[at + 1] as string);
else await benchScanned();
