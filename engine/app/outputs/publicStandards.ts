import { needsSourceNotice } from '../../definition/sourceNotice.ts';
import type { Knex } from 'knex';
import type { SopDefinition } from '../../definition/sopTypes.ts';
import { AppError } from '../appErrors.ts';
import { publicRegencyRows, publishedStandardRows } from '../../storage/public/standardRows.ts';
import { regencyNameOf } from '../../storage/regencyNames.ts';

/**
 * One published Standar Pelayanan with the six service-delivery components UU 25/2009 Pasal 21 and
 * PermenPANRB 15/2014 require to be announced to the public: requirements, procedure, time, cost,
 * product and complaint handling.
 */
export interface PublicStandard {
  sopId: string;
  name: string;
  number: string | null;
  requirements: string[];
  procedure: string[];
  duration: string | null;
  fee: { amount: number; text: string | null } | null;
  products: string[];
  complaints: string[];
  /** The "Catatan sumber" notice applies (engine/definition/sourceNotice.ts). */
  sourceNotice: boolean;
}

/** A regency listed on the public Standar Pelayanan page. */
export interface PublicRegency {
  id: string;
  name: string;
  services: number;
}

const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** The public components of one definition's Standar Pelayanan (never its forms, actors or internal notes). */
function standardOf(sopId: string, definition: SopDefinition): PublicStandard {
  const std = definition.serviceStandard ?? {};
  return {
    sopId,
    name: definition.name,
    number: definition.number ?? null,
    requirements: texts(std.requirements),
    procedure: texts(std.procedure),
    duration: typeof std.duration === 'string' ? std.duration : null,
    fee: std.fee ? { amount: std.fee.amount, text: std.fee.text ?? null } : null,
    products: texts(std.products),
    complaints: texts(std.complaints),
    sourceNotice: needsSourceNotice(definition),
  };
}

/** Regencies that publish at least one Standar Pelayanan. */
export async function publicRegencies(db: Knex): Promise<PublicRegency[]> {
  const rows = await publicRegencyRows(db);
  return rows.map((r) => ({ id: r.id, name: r.name, services: Number(r.services) }));
}

/** The published Standar Pelayanan of one regency, by service name. */
export async function publicStandards(
  db: Knex,
  regencyId: string,
): Promise<{ regency: string; services: PublicStandard[] }> {
  const regency = await regencyNameOf(db, regencyId);
  if (!regency) throw new AppError('NOT_FOUND', 'Kabupaten tidak dikenal.', '/regencyId');
  const rows = await publishedStandardRows(db, regencyId);
  return { regency: regency.name, services: rows.map((r) => standardOf(r.sop_id, r.definition)) };
}
