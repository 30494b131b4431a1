import { describe, expect, it } from 'vitest';
import { AppError } from '../../engine/app/appErrors.ts';
import { assertCleanText } from '../../engine/api/cleanText.ts';

function refusal(value: unknown): { message: string; path: string | undefined } | undefined {
  try {
    assertCleanText(value, '/body');
    return undefined;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.status).toBe(400);
    return { message: error.message, path: error.path };
  }
}

describe('assertCleanText refuses text PostgreSQL would refuse or store broken, naming the field', () => {
  it('lone high or low surrogates anywhere, in values and keys', () => {
    const refused = refusal({ data: { fullName: 'Siti \ud83d Aminah' } });
    expect(refused?.message).toMatch(/separuh emoji/);
    expect(refused?.path).toBe('/body/data/fullName');
    expect(refusal({ a: ['ok', 'x\ude00'] })?.path).toBe('/body/a/1');
    expect(refusal({ ['\ud800']: 1 })?.path).toBe('/body/?');
    expect(refusal('\ude00\ud83d')?.path).toBe('/body');
  });

  it('complete surrogate pairs (emoji) and ordinary Indonesian text pass', () => {
    expect(refusal({ note: 'Terima kasih 😊🙏', name: 'Ni Luh Putu Ayu', 'a/b': 'c~d' })).toBeUndefined();
  });

  it('NUL characters and empty or blank keys', () => {
    expect(refusal({ a: { b: 'x\u0000' } })?.message).toMatch(/NUL/);
    expect(refusal({ a: { b: 'x\u0000' } })?.path).toBe('/body/a/b');
    expect(refusal({ data: { '': 1 } })?.message).toMatch(/Nama isian/);
    expect(refusal({ data: { '': 1 } })?.path).toBe('/body/data/');
    expect(refusal({ data: { '  ': 1 } })?.message).toMatch(/Nama isian/);
    expect(refusal({ 'a/b': { c: '\u0000' } })?.path).toBe('/body/a~1b/c');
  });
});
