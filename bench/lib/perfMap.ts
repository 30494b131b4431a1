import { readFileSync, writeFileSync } from 'node:fs';

interface MapEntry {
  start: bigint;
  end: bigint;
  line: string;
  /** Position in the file: V8 appends, so a later entry is newer code. */
  order: number;
}

/**
 * The lines of a `/tmp/perf-<pid>.map` (written by `node --perf-basic-prof`) without the entries whose
 * code is gone: V8 appends a line for every code object it creates and never removes one, so once the
 * garbage collector frees a function's code and puts new code at the same address, the file names both,
 * and perf picks the older name. Any entry that a newer entry overlaps is dropped.
 */
export function currentCodeEntries(mapText: string): string[] {
  const entries: MapEntry[] = [];
  mapText.split('\n').forEach((line, order) => {
    const [start, size] = line.split(' ', 2);
    if (!start || !size) return;
    const from = BigInt(`0x${start}`);
    entries.push({ start: from, end: from + BigInt(`0x${size}`), line, order });
  });
  const stale = new Set<MapEntry>();
  // A sweep by start address: `open` holds the entries still overlapping the current start.
  let open: MapEntry[] = [];
  for (const entry of [...entries].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))) {
    open = open.filter((o) => o.end > entry.start);
    for (const other of open) stale.add(other.order < entry.order ? other : entry);
    open.push(entry);
  }
  return entries.filter((e) => !stale.has(e)).map((e) => e.line);
}

/** Rewrites a perf map file in place so each address names only the code that lives there now. */
export function dropStaleCodeEntries(mapFile: string): void {
  writeFileSync(mapFile, `${currentCodeEntries(readFileSync(mapFile, 'utf8')).join('\n')}\n`);
}
