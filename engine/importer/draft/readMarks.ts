/** What the lane cells of one printed row say. */
export interface RowMarks {
  /** Lanes holding a flowchart mark (●, x, ✓ …): the row's actors. */
  actors: number[];
  /** The lane printed "Ya" (where the yes-branch goes), if any. */
  yes?: number;
  /** The lane printed "Tidak" (where the no-branch goes), if any. */
  no?: number;
}

/** Reads the lane cells of a row: "Ya"/"Tidak" are branch labels, any other mark names an actor lane. */
export function readMarks(laneMarks: readonly string[]): RowMarks {
  const marks: RowMarks = { actors: [] };
  laneMarks.forEach((mark, lane) => {
    const text = mark.trim().toLowerCase().replace(/[.:]$/, '');
    if (text === '') return;
    if (text === 'ya' || text === 'yes') marks.yes = lane;
    else if (text === 'tidak' || text === 'no') marks.no = lane;
    else marks.actors.push(lane);
  });
  return marks;
}
