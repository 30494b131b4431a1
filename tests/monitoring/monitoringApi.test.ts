import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/apiClient.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { buildMonevFixture, monevDefinitionsDir, REGENCY, scoresOf, type FixtureCase } from './support/monevFixture.ts';
import { sessionCookie } from './support/sessionCookie.ts';

const WEEK = 'from=2025-03-10&to=2025-03-14';
const REASON = 'Laporan bulanan kepada Kepala Dinas';

describe(`monitoring API (${databaseLabel})`, () => {
  let test: TestServer;
  let cases: Record<string, FixtureCase>;
  const as = (role: string): Promise<ApiClient> => test.as(REGENCY, role);

  beforeAll(async () => {
    test = await startTestServer({ definitionsDir: monevDefinitionsDir });
    cases = await buildMonevFixture(test.server.db);
  }, 120_000);
  afterAll(async () => test?.stop());

  describe('who may see what', () => {
    it('heads and auditors read the dashboard; staff and drafters do not; nobody without a session', async () => {
      for (const role of ['kadis', 'sekretaris', 'kabid', 'admin', 'auditor'])
        expect((await (await as(role)).get(`/api/monitoring/summary?${WEEK}`)).status, role).toBe(200);
      for (const role of ['petugas', 'penyusun'])
        expect((await (await as(role)).get(`/api/monitoring/summary?${WEEK}`)).status, role).toBe(403);
      const anonymous = await fetch(`${test.server.url}/api/monitoring/steps`);
      expect(anonymous.status).toBe(401);
    });

    it('a kabid sees the SOPs of the unit only; asking for another unit’s SOP is refused', async () => {
      const kabid = await as('kabid');
      const onTime = await kabid.get<{ sops: Array<{ sopId: string }> }>(`/api/monitoring/on-time?${WEEK}`);
      expect(onTime.body.sops.map((s) => s.sopId)).toEqual(['layanan-uji']);
      expect((await kabid.get(`/api/monitoring/steps?sopId=pengaduan-uji&${WEEK}`)).status).toBe(403);
      const sekretaris = await as('sekretaris');
      const all = await sekretaris.get<{ sops: Array<{ sopId: string }> }>(`/api/monitoring/on-time?${WEEK}`);
      expect(all.body.sops.map((s) => s.sopId)).toEqual(['layanan-uji', 'pengaduan-uji']);
    });

    it('another regency sees none of it', async () => {
      const outsider = await test.as('uji-lain', 'admin');
      const steps = await outsider.get<{ steps: unknown[] }>(`/api/monitoring/steps?${WEEK}`);
      expect(steps.status).toBe(200);
      expect(steps.body.steps).toEqual([]);
      expect((await outsider.get(`/api/monitoring/steps?sopId=layanan-uji&${WEEK}`)).status).toBe(404);
      expect((await outsider.get('/api/monitoring/evaluation/layanan-uji/2025')).status).toBe(404);
      expect((await outsider.get(`/api/cases/${cases.A!.id}/links`)).status).toBe(404);
    });

    it('bad parameters are 400 with the field named', async () => {
      const kadis = await as('kadis');
      const cases400 = [
        ['bucket=hour', '/bucket'],
        ['from=2025-13-01', '/from'],
        ['from=2025-03-10&to=2025-03-01', '/to'],
        ['limit=0', '/limit'],
      ] as const;
      for (const [query, path] of cases400) {
        const response = await kadis.get<{ error: { path: string } }>(`/api/monitoring/overdue?${query}`);
        expect([response.status, response.body.error.path], query).toEqual([400, path]);
      }
      expect((await kadis.get('/api/monitoring/steps?sopId=tidak-ada')).status).toBe(404);
    });
  });

  describe('figures as chart-ready JSON', () => {
    it('steps: the same numbers as computed by hand', async () => {
      const response = await (
        await as('kadis')
      ).get<{ steps: Array<Record<string, unknown>> }>(`/api/monitoring/steps?sopId=layanan-uji&${WEEK}`);
      expect(response.body.steps.map((s) => [s.stepId, s.medianMinutes, s.p90Minutes, s.onTimeRate])).toEqual([
        ['pengajuan', 20, 320, 0.7778],
        ['verifikasi', 30, 96, 0.8],
        ['persetujuan', 1560, 2520, 0.5],
      ]);
    });

    it('opened/closed picks day buckets for a short period by itself', async () => {
      const response = await (
        await as('auditor')
      ).get<{ bucket: string; points: Array<{ period: string; opened: number }> }>(
        `/api/monitoring/opened-closed?${WEEK}`,
      );
      expect(response.body.bucket).toBe('day');
      expect(response.body.points.map((p) => p.opened)).toEqual([2, 2, 2, 3, 1]);
    });

    it('summary: tiles and charts in one answer', async () => {
      const response = await (
        await as('kadis')
      ).get<Record<string, unknown>>(`/api/monitoring/summary?sopId=layanan-uji&${WEEK}&bucket=week`);
      expect(response.body).toMatchObject({
        sopId: 'layanan-uji',
        openedClosed: { bucket: 'week', totals: { opened: 8, closed: 4 } },
        onTime: [{ sopId: 'layanan-uji', caseOnTimeRate: 0.75 }],
        complaints: { perService: [{ sopId: 'layanan-uji', complaints: 2 }] },
        satisfaction: { sopId: 'layanan-uji', ikm: 78.47, grade: 'B' },
      });
    });

    it('send-backs, rejections and complaints', async () => {
      const kadis = await as('kadis');
      const backs = await kadis.get<{ missingBySop: Array<{ missing: Array<{ doc: string; times: number }> }> }>(
        `/api/monitoring/send-backs?${WEEK}`,
      );
      expect(backs.body.missingBySop[0]!.missing.map((m) => [m.doc, m.times])).toEqual([
        ['sktm', 2],
        ['kk', 1],
      ]);
      const rejections = await kadis.get<{ reasons: Array<{ reason: string }> }>(`/api/monitoring/rejections?${WEEK}`);
      expect(rejections.body.reasons.map((r) => r.reason)).toEqual(['Data ganda di DTSEN', 'Tidak memenuhi syarat']);
      const complaints = await kadis.get<{ intake: Array<{ opened: number; linked: number }> }>(
        `/api/monitoring/complaints?${WEEK}`,
      );
      expect(complaints.body.intake).toMatchObject([{ opened: 2, linked: 2 }]);
    });

    it('every route is in the OpenAPI document with its permission', async () => {
      const doc = (await (await fetch(`${test.server.url}/api/openapi.json`)).json()) as {
        paths: Record<string, Record<string, { 'x-alur-permission': { action: string } }>>;
      };
      for (const path of [
        '/api/monitoring/summary',
        '/api/monitoring/steps',
        '/api/monitoring/overdue',
        '/api/monitoring/evaluation/{sopId}/{year}',
        '/api/monitoring/evaluation/{sopId}/{year}.html',
        '/api/exports/{report}.{format}',
        '/api/public/survey/{trackingCode}',
        '/api/cases/{caseId}/links',
      ])
        expect(doc.paths[path], path).toBeDefined();
      expect(doc.paths['/api/monitoring/overdue']!.get!['x-alur-permission'].action).toBe('monitoring.read');
    });
  });

  describe('yearly SOP evaluation', () => {
    it('JSON: the year’s figures and the revision points the rules draw from them', async () => {
      const response = await (
        await as('kadis')
      ).get<{
        volume: { totals: { opened: number } };
        revisionPoints: Array<{ code: string; stepId: string | null; text: string }>;
      }>('/api/monitoring/evaluation/layanan-uji/2025');
      expect(response.status).toBe(200);
      expect(response.body.volume.totals.opened).toBe(8);
      const points = response.body.revisionPoints;
      expect(points.map((p) => `${p.code}${p.stepId ? `:${p.stepId}` : ''}`)).toEqual([
        'SURVEY_ELEMENT_LOW',
        'SURVEY_ELEMENT_LOW',
        'STEP_OVER_STANDARD:pengajuan',
        'STEP_OVER_STANDARD:verifikasi',
        'FREQUENT_SEND_BACK:verifikasi',
        'MISSING_DOCUMENT',
        'CASES_LATE',
        'FREQUENT_REJECTION',
        'COMPLAINTS',
        'SURVEY_ELEMENT_LOW',
        'SURVEY_ELEMENT_LOW',
        'SURVEY_ELEMENT_LOW',
        'SURVEY_ELEMENT_LOW',
      ]);
      expect(points[2]!.text).toBe(
        'Langkah «Pemohon menyerahkan berkas» melebihi baku mutu waktu (30 menit) pada 22% kasus — tinjau waktu atau pelaksana.',
      );
      expect(points[5]!.text).toBe(
        'Dokumen «Surat Keterangan Tidak Mampu» paling sering kurang (2 kali, 2 kasus) — perjelas persyaratan.',
      );
      expect(points[0]!.text).toBe(
        'Unsur survei «Waktu penyelesaian» bernilai 2,50 (mutu D) — tindak lanjuti unsur ini dalam revisi.',
      );
    });

    it('a year without cases proposes to check whether the SOP is still recorded', async () => {
      const response = await (
        await as('kadis')
      ).get<{ revisionPoints: Array<{ code: string }> }>('/api/monitoring/evaluation/layanan-uji/2024');
      expect(response.body.revisionPoints.map((p) => p.code)).toEqual(['NO_CASES']);
    });

    it('printable HTML for the drafter, who cannot open the dashboard', async () => {
      const drafter = await as('penyusun');
      const response = await fetch(`${test.server.url}/api/monitoring/evaluation/layanan-uji/2025.html`, {
        headers: { cookie: await sessionCookie(test.server.url, `${REGENCY}.penyusun`) },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = await response.text();
      expect(html).toContain('<title>Evaluasi SOP Layanan Uji Monev 2025</title>');
      expect(html).toContain('Dinas Sosial Kabupaten Uji Monev');
      expect(html).toContain('pada 22% kasus — tinjau waktu atau pelaksana.');
      expect(html).toContain('IKM 78,47 — mutu pelayanan B (Baik), 4 responden');
      expect((await drafter.get('/api/monitoring/evaluation/layanan-uji/20x5')).status).toBe(400);
      expect((await (await as('petugas')).get('/api/monitoring/evaluation/layanan-uji/2025')).status).toBe(403);
      // A kabid evaluates the SOPs of the unit; the drafter any SOP that is not confidential.
      expect((await (await as('kabid')).get('/api/monitoring/evaluation/pengaduan-uji/2025')).status).toBe(403);
      expect((await drafter.get('/api/monitoring/evaluation/pengaduan-uji/2025')).status).toBe(200);
    });
  });

  describe('exports', () => {
    it('needs a reason, which lands in the access log with the filters', async () => {
      const sekretaris = await as('sekretaris');
      expect((await sekretaris.get('/api/exports/register.csv')).status).toBe(400);
      const response = await sekretaris.get<string>(
        `/api/exports/register.csv?sopId=layanan-uji&reason=${encodeURIComponent(REASON)}`,
      );
      expect(response.status).toBe(200);
      const lines = response.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe(
        'Kode lacak,Layanan,Status,Langkah saat ini,NIK (disamarkan),Dibuka,Batas waktu,Berakhir,Tepat waktu,Pengaduan',
      );
      expect(lines).toHaveLength(9);
      // A: opened Mon 08:00 WIB, due Tue 16:00, closed Mon 14:50, one complaint; the NIK shows its last four digits only.
      expect(lines[1]).toBe(
        `${cases.A!.trackingCode},Layanan Uji Monev,Selesai,,••••••••••••0001,2025-03-10 08:00,2025-03-11 16:00,2025-03-10 14:50,Ya,1`,
      );
      expect(response.body).not.toContain('Pemohon A');
      const log = (await test.server.db('access_log').where({ action: 'export', reason: REASON })) as Array<{
        resource: string;
        detail: { filters: Record<string, string>; rows: number };
      }>;
      expect(log.map((l) => [l.resource, l.detail.rows, l.detail.filters.sopId])).toEqual([
        ['register.csv', 8, 'layanan-uji'],
      ]);
    });

    it('XLSX of a report, read back cell by cell', async () => {
      const response = await fetch(
        `${test.server.url}/api/exports/steps.xlsx?sopId=layanan-uji&${WEEK}&reason=${encodeURIComponent(REASON)}`,
        { headers: { cookie: await sessionCookie(test.server.url, `${REGENCY}.kadis`) } },
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toContain(
        `attachment; filename*=UTF-8''uji-monev-waktu-per-langkah-`,
      );
      const [sheet] = await readXlsxFile(Buffer.from(await response.arrayBuffer()));
      expect(sheet!.data[0]!.slice(0, 4)).toEqual(['Layanan', 'Langkah', 'Baku mutu', 'Baku mutu (menit kerja)']);
      expect(sheet!.data.slice(1).map((r) => [r[1], r[3], r[8], r[9], r[12]])).toEqual([
        ['Pemohon menyerahkan berkas', 30, 20, 320, 77.8],
        ['Petugas memverifikasi berkas', 60, 30, 96, 80],
        ['Kepala Bidang menyetujui', 480, 1560, 2520, 50],
      ]);
    });

    it('staff export the register of their own cases only, and no figures; unknown reports and formats are 404', async () => {
      const petugas = await as('petugas');
      const register = await petugas.get<string>(`/api/exports/register.csv?reason=${encodeURIComponent(REASON)}`);
      expect(register.body.trim().split('\r\n')).toHaveLength(1 + 8);
      expect((await petugas.get(`/api/exports/steps.csv?reason=${encodeURIComponent(REASON)}`)).status).toBe(403);
      const kadis = await as('kadis');
      expect((await kadis.get(`/api/exports/gaji.csv?reason=${encodeURIComponent(REASON)}`)).status).toBe(404);
      expect((await kadis.get(`/api/exports/steps.pdf?reason=${encodeURIComponent(REASON)}`)).status).toBe(404);
    });
  });

  describe('satisfaction survey by tracking code', () => {
    it('is offered only after the case closed, and says nothing personal', async () => {
      const open = await fetch(`${test.server.url}/api/public/survey/${cases.E!.trackingCode}`);
      expect(open.status).toBe(409);
      expect((await fetch(`${test.server.url}/api/public/survey/ALR-AAAAAAAAAA`)).status).toBe(404);
      const form = await fetch(`${test.server.url}/api/public/survey/${cases.K!.trackingCode.toLowerCase()}`);
      expect(form.status).toBe(200);
      const text = await form.text();
      const body = JSON.parse(text) as {
        serviceName: string;
        officeName: string;
        alreadySubmitted: boolean;
        questions: unknown[];
      };
      expect(body).toMatchObject({
        serviceName: 'Penanganan Pengaduan Uji',
        officeName: 'Dinas Sosial Kabupaten Uji Monev',
        alreadySubmitted: false,
      });
      expect(body.questions).toHaveLength(9);
      expect(text).not.toContain('Pengadu K');
      expect(text).not.toContain(cases.K!.id);
    });

    it('takes nine scores of 1–4 once per case', async () => {
      const url = `${test.server.url}/api/public/survey/${cases.K!.trackingCode}`;
      const post = (body: unknown) =>
        fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect((await post({ scores: { ...scoresOf([4, 4, 4, 4, 4, 4, 4, 4, 4]), sarana: 5 } })).status).toBe(400);
      const { sarana: _missing, ...eight } = scoresOf([4, 4, 4, 4, 4, 4, 4, 4, 4]);
      expect((await post({ scores: eight })).status).toBe(400);
      expect((await post({ scores: scoresOf([4, 4, 4, 4, 4, 4, 4, 4, 4]), comment: 'Cepat ditangani' })).status).toBe(
        201,
      );
      expect((await post({ scores: scoresOf([1, 1, 1, 1, 1, 1, 1, 1, 1]) })).status).toBe(409);
      const again = (await (await fetch(url)).json()) as { alreadySubmitted: boolean };
      expect(again.alreadySubmitted).toBe(true);
    });

    it('the office IKM now counts five responses: 29,8 ÷ 9 × 25 = 82,78 (B)', async () => {
      const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
      const response = await (
        await as('kadis')
      ).get<{
        overall: { responses: number; ikm: number; grade: string };
        perService: Array<{ sopId: string; ikm: number }>;
      }>(`/api/monitoring/satisfaction?from=2025-01-01&to=${tomorrow}`);
      expect(response.body.overall).toMatchObject({ responses: 5, ikm: 82.78, grade: 'B' });
      expect(response.body.perService.map((s) => [s.sopId, s.ikm])).toEqual([
        ['pengaduan-uji', 100],
        ['layanan-uji', 78.47],
      ]);
    });
  });

  describe('complaints linked to the case they concern', () => {
    it('shows the link on both cases', async () => {
      const kadis = await as('kadis');
      const about = await kadis.get<{ concerns: null; complaints: Array<{ trackingCode: string; sopId: string }> }>(
        `/api/cases/${cases.A!.id}/links`,
      );
      expect(about.body).toMatchObject({
        concerns: null,
        complaints: [{ trackingCode: cases.K!.trackingCode, sopId: 'pengaduan-uji' }],
      });
      const complaint = await kadis.get<{ concerns: { trackingCode: string; sopName: string } }>(
        `/api/cases/${cases.K!.id}/links`,
      );
      expect(complaint.body.concerns).toMatchObject({
        trackingCode: cases.A!.trackingCode,
        sopName: 'Layanan Uji Monev',
      });
    });

    it('links a new complaint by tracking code; refuses a second link, a non-complaint case and an unknown code', async () => {
      const desk = await as('petugas-pengaduan');
      const opened = await desk.post<{ id: string }>('/api/cases', {
        sopId: 'pengaduan-uji',
        data: { complainantName: 'Pengadu M', complaintDescription: 'Lama sekali' },
      });
      expect(opened.status).toBe(201);
      const linked = await desk.post<{ concerns: { caseId: string } }>(`/api/cases/${opened.body.id}/links`, {
        concerns: cases.G!.trackingCode.toLowerCase(),
      });
      expect(linked.status).toBe(201);
      expect(linked.body.concerns.caseId).toBe(cases.G!.id);
      expect((await desk.post(`/api/cases/${opened.body.id}/links`, { concerns: cases.H!.trackingCode })).status).toBe(
        409,
      );
      const kadis = await as('kadis');
      expect((await kadis.post(`/api/cases/${cases.E!.id}/links`, { concerns: cases.A!.trackingCode })).status).toBe(
        422,
      );
      expect((await kadis.post(`/api/cases/${cases.L!.id}/links`, { concerns: 'ALR-AAAAAAAAAA' })).status).toBe(404);
    });
  });
});
