import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RawSop } from '../../engine/definition/sopTypes.ts';
import { similarity } from './textSimilarity.ts';

/** One service standard as checked by hand against the seed (tests/fixtures/expected/). */
interface StandardExpectation {
  catalogId: string;
  name: string;
  procedureSteps: number;
  requirements: number;
  duration: string;
  product: string;
}

/** How one imported service standard compares with its hand-checked expectation. */
export interface StandardCheck {
  procedureSteps: { found: number; expected: number };
  requirements: { found: number; expected: number };
  duration: boolean;
  product: boolean;
}

const FILE = path.resolve(import.meta.dirname, '../../tests/fixtures/expected/bangkalan-standar-pelayanan-2025.json');

/** The hand-checked expectations of the Bangkalan service standards, by catalogue id. */
export function standardExpectations(): Map<string, StandardExpectation> {
  const data = JSON.parse(readFileSync(FILE, 'utf8')) as { services: StandardExpectation[] };
  return new Map(data.services.map((s) => [s.catalogId, s]));
}

/** Compares a draft's steps, Persyaratan, Jangka Waktu and Produk with the expectation. */
export function checkStandard(sop: RawSop, expected: StandardExpectation): StandardCheck {
  const standard = sop.serviceStandard ?? {};
  const requirements = Array.isArray(standard['requirements']) ? standard['requirements'].length : 0;
  const products = Array.isArray(standard['products']) ? standard['products'].map(String) : [];
  return {
    procedureSteps: { found: sop.steps.length, expected: expected.procedureSteps },
    requirements: { found: requirements, expected: expected.requirements },
    duration: similarity(expected.duration, standard.duration ?? '') >= 0.95,
    // The printed product with or without its final full stop.
    product: similarity(expected.product.replace(/\.$/, ''), products[0] ?? '') >= 0.9,
  };
}
