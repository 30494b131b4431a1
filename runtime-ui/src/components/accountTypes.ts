/** An account as GET /api/accounts lists it (engine/app/accounts/accountRows.ts AccountSummary). */
export type Account = {
  username: string;
  name: string;
  roles: string[];
  nip: string | null;
  position: string | null;
  unit: string | null;
  email: string | null;
  phone: string | null;
  areas: string[];
  active: boolean;
  locked: boolean;
  mustChangePassword: boolean;
  demo: boolean;
};

/** A unit of the regency, for the unit select. */
export type Unit = { id: string; name: string };
