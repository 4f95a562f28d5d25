/**
 * The heap policy of a process that ingests material: the CLI, `npm start`'s
 * setup, and the ingestion benchmark (which measures what they run).
 *
 * Ingestion allocates a lot and keeps little: for 5 MB of material, ~2.5 GB
 * allocated against ~130 MB live at the end. V8 sizes the next full collection
 * from the speed of the last ones, and on a machine with a large heap limit it
 * lets the old generation grow to four times what survived before collecting
 * again: the process peaked at 395-420 MB RSS (bench/ingest.ts) while its live
 * heap never passed ~150 MB. Letting the old generation at most double instead
 * keeps the peak near 350 MB, for a few more full collections: ~3% of CPU in
 * alternating runs (1.5x: ~375 MB; 2.5x: ~390 MB). The benchmark prints both
 * policies. The web server keeps V8's default: it is not the process that ingests.
 */
import { setFlagsFromString } from "node:v8";

export const HEAP_GROWING_PERCENT = 100;

/** Sets the policy for this process; V8 reads the flag each time it sizes the heap, so it holds from the next collection. */
export function boundHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
