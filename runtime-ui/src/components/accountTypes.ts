import type { ReplyOf } from '../../../engine/contracts/contract.ts';
import type { accountContracts } from '../../../engine/contracts/accountContracts.ts';

/** An account as GET /api/accounts lists it, typed from its contract. */
export type Account = ReplyOf<typeof accountContracts.list>['accounts'][number];

/** A unit of the regency, for the unit select. */
export type Unit = { id: string; name: string };
