/**
 * The drawn ruling lines of a PDF page, read from pdf.js's operator list: stroked straight segments and thin filled
 * rectangles (both ways table borders are drawn), in top-down page coordinates. The table layout needs them to know
 * which wrapped text lines belong to one row.
 */
import type { Rules } from './pageLayout.ts';

/** pdf.js OPS codes used here (from `OPS` in pdfjs-dist; its path sub-codes `DrawOPS` are not exported). */
interface OpsCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
}
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUADRATIC_TO = 3;
const CLOSE_PATH = 4;
/** A filled rectangle thinner than this (points) is a rule, not a shaded area. */
const RULE_THICKNESS = 2.5;

type Matrix = [number, number, number, number, number, number];

/** Multiplies two PDF matrices (m applied after n). */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

/** Extracts horizontal and vertical rules from an operator list; `pageHeight` flips y to top-down. */
export function rulesFromOperators(
  fnArray: number[],
  argsArray: unknown[],
  ops: OpsCodes,
  pageHeight: number,
  pageOrigin: [number, number],
): Rules {
  const rules: Rules = { horizontal: [], vertical: [] };
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const toPage = (x: number, y: number): [number, number] => [
    ctm[0] * x + ctm[2] * y + ctm[4] - pageOrigin[0],
    pageHeight - (ctm[1] * x + ctm[3] * y + ctm[5] - pageOrigin[1]),
  ];
  const addSegment = (a: [number, number], b: [number, number]): void => {
    if (Math.abs(a[1] - b[1]) < 0.5 && Math.abs(a[0] - b[0]) > 3) {
      rules.horizontal.push({ y: (a[1] + b[1]) / 2, x1: Math.min(a[0], b[0]), x2: Math.max(a[0], b[0]) });
    } else if (Math.abs(a[0] - b[0]) < 0.5 && Math.abs(a[1] - b[1]) > 3) {
      rules.vertical.push({ x: (a[0] + b[0]) / 2, y1: Math.min(a[1], b[1]), y2: Math.max(a[1], b[1]) });
    }
  };
  const addThinBox = (points: Array<[number, number]>): void => {
    const xs = points.map((point) => point[0]);
    const ys = points.map((point) => point[1]);
    const [x1, x2, y1, y2] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    if (y2 - y1 <= RULE_THICKNESS && x2 - x1 > 3) rules.horizontal.push({ y: (y1 + y2) / 2, x1, x2 });
    else if (x2 - x1 <= RULE_THICKNESS && y2 - y1 > 3) rules.vertical.push({ x: (x1 + x2) / 2, y1, y2 });
  };
  for (let index = 0; index < fnArray.length; index += 1) {
    const fn = fnArray[index];
    const args = argsArray[index];
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === ops.transform && Array.isArray(args)) ctm = multiply(args as Matrix, ctm);
    else if (fn === ops.constructPath && Array.isArray(args)) {
      const [paintOp, pathHolder] = args as [number, ArrayLike<ArrayLike<number> | null> | null];
      const data = pathHolder?.[0];
      if (!data) continue;
      const stroked =
        paintOp === ops.stroke ||
        paintOp === ops.closeStroke ||
        paintOp === ops.fillStroke ||
        paintOp === ops.eoFillStroke;
      const filled =
        paintOp === ops.fill || paintOp === ops.eoFill || paintOp === ops.fillStroke || paintOp === ops.eoFillStroke;
      if (!stroked && !filled) continue; // clipping paths and ended paths draw nothing
      let subpath: Array<[number, number]> = [];
      const finishSubpath = (): void => {
        if (filled && subpath.length >= 4) addThinBox(subpath);
        subpath = [];
      };
      let at = 0;
      while (at < data.length) {
        const op = data[at]!;
        if (op === MOVE_TO) {
          finishSubpath();
          subpath.push(toPage(data[at + 1]!, data[at + 2]!));
          at += 3;
        } else if (op === LINE_TO) {
          const point = toPage(data[at + 1]!, data[at + 2]!);
          const previous = subpath[subpath.length - 1];
          if (stroked && previous) addSegment(previous, point);
          subpath.push(point);
          at += 3;
        } else if (op === CURVE_TO) at += 7;
        else if (op === QUADRATIC_TO) at += 5;
        else if (op === CLOSE_PATH) {
          const first = subpath[0];
          const last = subpath[subpath.length - 1];
          if (stroked && first && last) addSegment(last, first);
          at += 1;
        } else break; // an unknown path code: stop reading this path rather than misread it
      }
      finishSubpath();
    }
  }
  return rules;
}
