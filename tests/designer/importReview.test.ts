import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const REGENCY = 'kutai-kartanegara';
type WorkingCopy = { revision: number; source: string; status: string };
type Refusal = { error: { reason?: string; message: string; details?: Array<{ path: string; message: string }> } };

/** The template draft with provenance as an importer writes it: an inferred actor, a hard-to-read step, a cover field. */
function withProvenance(source: string): string {
  const doc = parseDocument(source);
  doc.setIn(['source'], {
    document: 'sop-uji.pdf',
    detail: 'full-steps',
    fields: { number: { page: 1, line: 3, inferred: ['number'] } },
  });
  doc.setIn(['steps', 0, 'provenance'], { page: 2, line: 14, inferred: ['actor'] });
  doc.setIn(['steps', 1, 'provenance'], { page: 2, line: 16, confidence: 0.55 });
  return doc.toString();
}

describe(`imported parts: review and the publish gate (${databaseLabel})`, () => {
  let test: TestServer;
  beforeAll(async () => {
    test = await startTestServer();
  }, 120_000);
  afterAll(async () => test?.stop());
  const drafter = () => test.as(REGENCY, 'penyusun-sop');
  const approver = () => test.as(REGENCY, 'pengesah-sop');

  it('refuses submitting while inferred parts and unclear readings are unchecked, listing each with its position', async () => {
    const d = await drafter();
    expect(
      (await d.post('/api/designer/sops', { sopId: 'impor-uji', name: 'Impor Uji', from: { template: true } })).status,
    ).toBe(201);
    const copy = (await d.get<WorkingCopy>('/api/designer/sops/impor-uji')).body;
    const saved = await d.post<{ revision: { revision: number } }>('/api/designer/sops/impor-uji/drafts', {
      source: withProvenance(copy.source),
      baseRevision: copy.revision,
    });
    expect(saved.status).toBe(201);
    const refused = await d.post<Refusal>('/api/designer/sops/impor-uji/submit', {
      revision: saved.body.revision.revision,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.reason).toBe('UNREVIEWED_PARTS');
    expect(refused.body.error.message).toMatch(/3 bagian hasil impor belum diperiksa/);
    const details = refused.body.error.details!;
    // Sorted by their line in the YAML, like every validator error.
    expect(details.map((x) => x.path).sort()).toEqual([
      '/source/fields/number',
      '/steps/0/provenance',
      '/steps/1/provenance',
    ]);
    const at = (path: string) => details.find((x) => x.path === path)!.message;
    expect(at('/steps/0/provenance')).toMatch(
      /^\d+:\d+ Bagian pelaksana pada langkah 1 \(pengajuan\), hlm\. 2, baris 14 adalah tafsiran/,
    );
    expect(at('/steps/1/provenance')).toMatch(
      /Pembacaan pada langkah 2 \(verifikasi\), hlm\. 2, baris 16 kurang jelas/,
    );
    expect(at('/source/fields/number')).toMatch(/isian sampul number, hlm\. 1, baris 3/);
  });

  it('"Sudah diperiksa" adds the part to provenance.reviewed as a new revision and records who checked what', async () => {
    const d = await drafter();
    let copy = (await d.get<WorkingCopy>('/api/designer/sops/impor-uji')).body;
    // A part that is not inferred there is refused, nothing saved.
    const wrong = await d.post<Refusal>('/api/designer/sops/impor-uji/reviewed', {
      source: copy.source,
      baseRevision: copy.revision,
      stepId: 'pengajuan',
      part: 'time',
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.message).toMatch(/bukan tafsiran/);
    const targets = [
      { stepId: 'pengajuan', part: 'actor' },
      { stepId: 'verifikasi', part: 'reading' },
      { field: 'number', part: 'number' },
    ];
    for (const target of targets) {
      const done = await d.post<{ revision: { revision: number }; source: string }>(
        '/api/designer/sops/impor-uji/reviewed',
        {
          source: copy.source,
          baseRevision: copy.revision,
          ...target,
        },
      );
      expect(done.status).toBe(201);
      expect(done.body.revision.revision).toBe(copy.revision + 1);
      copy = { ...copy, revision: done.body.revision.revision, source: done.body.source };
    }
    const doc = parseDocument(copy.source).toJS() as {
      steps: Array<{ provenance?: { reviewed?: string[] } }>;
      source: { fields: { number: { reviewed?: string[] } } };
    };
    expect(doc.steps[0]!.provenance!.reviewed).toEqual(['actor']);
    expect(doc.steps[1]!.provenance!.reviewed).toEqual(['reading']);
    expect(doc.source.fields.number.reviewed).toEqual(['number']);
    // Checking twice is refused; a stale base revision is the usual conflict.
    expect(
      (
        await d.post('/api/designer/sops/impor-uji/reviewed', {
          source: copy.source,
          baseRevision: copy.revision,
          stepId: 'pengajuan',
          part: 'actor',
        })
      ).status,
    ).toBe(422);
    const events = await d.get<{
      document: null;
      events: Array<{ type: string; byName: string; detail: Record<string, string>; revision: number }>;
    }>('/api/designer/sops/impor-uji/source-document');
    expect(events.body.document).toBeNull();
    expect(events.body.events.filter((e) => e.type === 'part-reviewed').map((e) => e.detail.part)).toEqual([
      'number',
      'reading',
      'actor',
    ]);
    expect(events.body.events[0]!.byName).toBeTruthy();
    // An approver (not a drafter) cannot mark parts checked: checking is editing.
    expect(
      (
        await (
          await approver()
        ).post('/api/designer/sops/impor-uji/reviewed', {
          source: copy.source,
          baseRevision: copy.revision,
          stepId: 'pengajuan',
          part: 'actor',
        })
      ).status,
    ).toBe(403);
  });

  it('once every part is checked the draft is submitted and published; the validator refuses a published file with an unchecked part', async () => {
    const d = await drafter();
    const copy = (await d.get<WorkingCopy>('/api/designer/sops/impor-uji')).body;
    expect((await d.post('/api/designer/sops/impor-uji/submit', { revision: copy.revision })).status).toBe(200);
    const a = await approver();
    const published = await a.post<{ version: number }>('/api/designer/sops/impor-uji/publish', {
      revision: copy.revision,
      number: 'P-100/DINSOS/SET/000.9.3.3/12/2026',
      effectiveDate: '2026-12-07',
      signer: { name: 'Drs. Pengesah Uji', nip: '19630824 199403 1 007', title: 'Kepala Dinas Sosial' },
    });
    expect(published.status).toBe(201);
    const unchecked = withProvenance(copy.source.replace(/^status: .*$/m, 'status: published'));
    const check = await d.post<{ errors: Array<{ code: string; line: number }> }>('/api/definitions/validate', {
      source: unchecked,
      fileName: 'impor-uji.yaml',
    });
    expect(check.body.errors.map((e) => e.code)).toEqual(
      expect.arrayContaining(['UNREVIEWED_INFERRED', 'UNREVIEWED_READING']),
    );
  });
});
