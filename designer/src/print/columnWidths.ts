/** Width (CSS px) of the chart table on an A4 landscape page with 10 mm margins (277 mm). */
export const SHEET_WIDTH = 1040;
/** Usable height (CSS px) of that page (190 mm is 718 px), less a little for rounding in the print engine. */
export const SHEET_HEIGHT = 700;

/** Column widths of the printed chart: the lanes share what the text columns leave, within readable bounds. */
export function columnWidths(laneCount: number): {
  no: number;
  activity: number;
  lane: number;
  requirements: number;
  time: number;
  output: number;
  notes: number;
} {
  const fixed = { no: 30, requirements: 130, time: 66, output: 112, notes: 108 };
  const rest = SHEET_WIDTH - fixed.no - fixed.requirements - fixed.time - fixed.output - fixed.notes;
  // At least 160 px for the activity text; the lanes take the rest up to 96 px each.
  const lane = Math.max(36, Math.min(96, Math.floor((rest - 160) / Math.max(1, laneCount))));
  return { ...fixed, lane, activity: rest - lane * laneCount };
}
