/**
 * Words of a lane or role name as the parser compares them: lower case, abbreviations written out ("Kabid" →
 * "kepala bidang"), joining words dropped. Offices abbreviate the same posts differently in one document.
 */

const EXPANSIONS: Readonly<Record<string, string[]>> = {
  kabid: ['kepala', 'bidang'],
  kadis: ['kepala', 'dinas'],
  kadin: ['kepala', 'dinas'],
  kasi: ['kepala', 'seksi'],
  kasubag: ['kepala', 'subbagian'],
  kasubbag: ['kepala', 'subbagian'],
  sekdis: ['sekretaris', 'dinas'],
  kel: ['kelurahan'],
  kec: ['kecamatan'],
  pem: ['pemerintah'],
  masy: ['masyarakat'],
  puskesos: ['puskesos'],
};

const JOINING = new Set(['dan', 'di', 'ke', 'dari', 'kepada', 'untuk', 'yang', 'atau', 'serta', 'dengan', 'setempat']);

/** Words that name a kind of post rather than which one: matching on them alone is weak. */
export const GENERIC_WORDS: ReadonlySet<string> = new Set([
  'kepala',
  'bidang',
  'staf',
  'petugas',
  'dinas',
  'sosial',
  'anggota',
  'tim',
  'seksi',
  'pelaksana',
]);

/** The words of a name, abbreviations written out. */
export function nameTokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0 && !JOINING.has(w))
    .flatMap((w) => EXPANSIONS[w] ?? [w]);
}

/** Whether two words are the same allowing one typo in long words ("loker"/"loket"). */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 5 || b.length < 5 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i += 1;
      j += 1;
      continue;
    }
    edits += 1;
    if (edits > 1) return false;
    if (a.length > b.length) i += 1;
    else if (b.length > a.length) j += 1;
    else {
      i += 1;
      j += 1;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}
