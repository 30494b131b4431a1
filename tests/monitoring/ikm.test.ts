import { describe, expect, it } from 'vitest';
import { ikmFromElementAverages, ikmGrade } from '../../engine/app/monitoring/satisfaction/ikm.ts';
import {
  SURVEY_ELEMENTS,
  SURVEY_QUESTIONS,
  type SurveyElement,
} from '../../engine/app/monitoring/satisfaction/surveyElements.ts';

function averages(values: number[]): Record<SurveyElement, number> {
  return Object.fromEntries(SURVEY_ELEMENTS.map((e, i) => [e, values[i]!])) as Record<SurveyElement, number>;
}

describe('IKM per PermenPANRB 14/2017', () => {
  it('has the nine elements in the regulation order, each with four answers', () => {
    expect(SURVEY_QUESTIONS.map((q) => `${q.code} ${q.element}`)).toEqual([
      'U1 persyaratan',
      'U2 prosedur',
      'U3 waktu',
      'U4 biaya',
      'U5 produk',
      'U6 kompetensi',
      'U7 perilaku',
      'U8 pengaduan',
      'U9 sarana',
    ]);
    for (const q of SURVEY_QUESTIONS) expect(new Set(q.options).size).toBe(4);
  });

  it('worked example: a published office result (NRR 3,31 3,35 3,49 3,93 3,45 3,39 3,39 3,76 3,35) gives IKM 87,28, mutu B', () => {
    // Sum 31,42 ÷ 9 unsur = 3,4911 (nilai persepsi) × 25 = 87,2778 → 87,28; B is 76,61–88,30.
    const result = ikmFromElementAverages(averages([3.31, 3.35, 3.49, 3.93, 3.45, 3.39, 3.39, 3.76, 3.35]));
    expect(result).toEqual({ perception: 3.4911, ikm: 87.28, grade: 'B', performance: 'Baik' });
  });

  it('the fixture service: element averages 3 3 2,5 4 3 3,5 3,75 2,5 3 → 28,25 ÷ 9 × 25 = 78,47 (B)', () => {
    expect(ikmFromElementAverages(averages([3, 3, 2.5, 4, 3, 3.5, 3.75, 2.5, 3]))).toMatchObject({
      ikm: 78.47,
      grade: 'B',
    });
  });

  it('the extremes are 100 (A, Sangat Baik) and 25 (D, Tidak Baik)', () => {
    expect(ikmFromElementAverages(averages(Array(9).fill(4) as number[]))).toMatchObject({
      ikm: 100,
      grade: 'A',
      performance: 'Sangat Baik',
    });
    expect(ikmFromElementAverages(averages(Array(9).fill(1) as number[]))).toMatchObject({
      ikm: 25,
      grade: 'D',
      performance: 'Tidak Baik',
    });
  });

  it.each([
    [100, 'A'],
    [88.31, 'A'],
    [88.3, 'B'],
    [76.61, 'B'],
    [76.6, 'C'],
    [65, 'C'],
    [64.99, 'D'],
    [25, 'D'],
    // Values are read to two decimals, as the intervals are written.
    [88.306, 'A'],
    [76.604, 'C'],
  ])('IKM %s is mutu %s', (ikm, grade) => {
    expect(ikmGrade(ikm).grade).toBe(grade);
  });

  it('the grade wording follows the regulation', () => {
    expect([ikmGrade(90), ikmGrade(80), ikmGrade(70), ikmGrade(50)].map((g) => g.performance)).toEqual([
      'Sangat Baik',
      'Baik',
      'Kurang Baik',
      'Tidak Baik',
    ]);
  });
});
