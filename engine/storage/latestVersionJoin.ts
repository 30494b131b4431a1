import type { Knex } from 'knex';

/** The join of `definition_versions as v` to `definitions as d` at each definition's latest version. */
export function onLatestVersion(join: Knex.JoinClause): void {
  void join.on('v.regency_id', 'd.regency_id').andOn('v.sop_id', 'd.sop_id').andOn('v.version', 'd.latest_version');
}
