import type { Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import type { CatalogueSchema, CatalogueServiceSchema } from '../../contracts/catalogueContracts.ts';
import { needsSourceNotice } from '../../definition/sourceNotice.ts';
import type { SopDefinition } from '../../definition/sopTypes.ts';
import { getRegency } from '../../storage/definitionRepository.ts';
import { publishedDefinitions } from '../../storage/publishedDefinitions.ts';
import type { AuthUser } from '../authUser.ts';
import { activeDelegations } from '../resolveActor.ts';
import { sqlOf } from '../../storage/sql.ts';

type Service = Static<typeof CatalogueServiceSchema>;

const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** One definition's catalogue entry: its Standar Pelayanan summary and the role of its first step. */
function serviceOf(sopId: string, version: number, definition: SopDefinition): Service {
  const first = definition.steps[0];
  const starter = first ? (definition.actors.find((a) => a.id === first.actors[0])?.performerRole ?? null) : null;
  const standard = definition.serviceStandard;
  return {
    sopId,
    version,
    name: definition.name,
    number: definition.number ?? null,
    kind: definition.kind ?? 'sop',
    unit: definition.unit ?? null,
    requirements: texts(standard?.requirements ?? definition.supportingDocuments ?? []),
    duration: standard?.duration ?? null,
    fee: standard?.fee ?? null,
    products: standard?.products
      ? texts(standard.products)
      : [...new Set(definition.steps.flatMap((s) => s.outputs.map((o) => o.name)))].slice(-3),
    starterRole: starter,
    sourceNotice: needsSourceNotice(definition),
  };
}

/**
 * The published services of the user's regency by unit. `all`: every one (filters of the inbox and dashboard);
 * otherwise only those the user may start (the first step's role among their own or delegated roles, the
 * rule openCase enforces), so nobody fills a whole form to be refused at the end.
 */
export async function serviceCatalogue(
  db: Knex,
  user: AuthUser,
  all: boolean,
): Promise<Static<typeof CatalogueSchema>> {
  const regency = await getRegency(db, user.regencyId);
  const allServices = (await publishedDefinitions(db, user.regencyId)).map((d) =>
    serviceOf(d.sopId, d.version, d.definition),
  );
  const delegated = await activeDelegations(sqlOf(db), user, new Date());
  const myRoles = new Set([...user.roles, ...delegated.flatMap((d) => d.roles)]);
  const services = all ? allServices : allServices.filter((s) => s.starterRole !== null && myRoles.has(s.starterRole));
  const units = (regency?.units ?? [])
    .map((u) => ({ id: u.id, name: u.name, services: services.filter((s) => s.unit === u.id) }))
    .filter((u) => u.services.length > 0);
  const other = services.filter((s) => !units.some((u) => u.id === s.unit));
  if (other.length > 0) units.push({ id: 'lainnya', name: 'Lainnya', services: other });
  return { units };
}
