import { describeScanSet } from "./scan-sets.js";

// The set's scans, checked as tests/golden/scan-sets.ts describes.
describeScanSet("scans-independent");
