import { SURVEY_ELEMENTS, type SurveyElement } from './surveyElements.ts';

/** Mutu pelayanan (service quality grade) of PermenPANRB 14/2017. */
export type IkmGrade = 'A' | 'B' | 'C' | 'D';

/** An IKM result: the index on the 25–100 scale, its grade and the regulation's wording. */
export interface IkmResult {
  /** Nilai persepsi unit: average of the nine element averages (1–4). */
  perception: number;
  /** IKM unit pelayanan: perception × 25, rounded to two decimals as the regulation writes it. */
  ikm: number;
  grade: IkmGrade;
  /** Kinerja unit pelayanan: Sangat Baik, Baik, Kurang Baik, Tidak Baik. */
  performance: string;
}

/**
 * Converted-value intervals (Nilai Interval Konversi) of PermenPANRB 14/2017: A 88,31–100,00 Sangat Baik;
 * B 76,61–88,30 Baik; C 65,00–76,60 Kurang Baik; D 25,00–64,99 Tidak Baik. Lower bounds, best first.
 */
const GRADES: ReadonlyArray<{ min: number; grade: IkmGrade; performance: string }> = [
  { min: 88.31, grade: 'A', performance: 'Sangat Baik' },
  { min: 76.61, grade: 'B', performance: 'Baik' },
  { min: 65.0, grade: 'C', performance: 'Kurang Baik' },
  { min: 25.0, grade: 'D', performance: 'Tidak Baik' },
];

/** Grade of an IKM on the 25–100 scale; the value is rounded to two decimals first, since the intervals are written that way. */
export function ikmGrade(ikm: number): { grade: IkmGrade; performance: string } {
  const value = Math.round(ikm * 100) / 100;
  const found = GRADES.find((g) => value >= g.min) ?? GRADES[GRADES.length - 1]!;
  return { grade: found.grade, performance: found.performance };
}

/**
 * IKM from the element averages (NRR per unsur): every element weighs 1/9, so the index is the mean
 * of the nine averages, converted to the 25–100 scale by × 25.
 */
export function ikmFromElementAverages(averages: Readonly<Record<SurveyElement, number>>): IkmResult {
  const perception = SURVEY_ELEMENTS.reduce((sum, e) => sum + averages[e], 0) / SURVEY_ELEMENTS.length;
  const ikm = Math.round(perception * 25 * 100) / 100;
  return { perception: Math.round(perception * 10_000) / 10_000, ikm, ...ikmGrade(ikm) };
}
