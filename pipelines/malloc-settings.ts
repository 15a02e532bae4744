/**
 * glibc's malloc settings for the ingest (issue 8's memory goal), set in the environment where
 * node starts: `npm run ingest`'s script (package.json) and the benchmark's child processes
 * (bench-ingest.ts); glibc reads them only when a process starts, so they cannot be set from
 * inside it.
 *
 * Why the one setting: the read step and the build free typed arrays of 128 KB to 32 MB by the
 * hundred. By default glibc's mmap threshold rises by itself to the largest block freed, so after
 * the first such free they come from its main arena, which gives memory back to the system only
 * from its top: what V8 collected stayed resident (national10: 150-300 MB of `[heap]` through the
 * whole privacy audit). A fixed threshold of 128 KB gives each such block its own mapping,
 * returned to the system as soon as V8 frees it. Elsewhere than glibc (macOS, Windows, musl) the
 * variable means nothing.
 */
export const MALLOC_SETTINGS: Readonly<Record<string, string>> = { MALLOC_MMAP_THRESHOLD_: '131072' };
