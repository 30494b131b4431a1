import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../engine/app/demoUsers.ts';
import { ARTIFACTS, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const SUITE = 'designer-table';
const REGENCY = 'kutai-kartanegara';
const SOP_NAME = 'Rekomendasi Bantuan Lansia Uji Tabel';
const SOP_ID = 'rekomendasi-bantuan-lansia-uji-tabel';

/** Clicks and keystrokes of one person's work, counted by the helpers below, with a stopwatch. */
class Tally {
  clicks = 0;
  keys = 0;
  private readonly started = Date.now();
  seconds(): number {
    return Math.round((Date.now() - this.started) / 100) / 10;
  }
}

describe('designer table: a drafter builds an SOP without typing YAML, an approver publishes it, staff run a case', () => {
  let test: TestServer;
  let browser: BrowserContext;
  let page: Page;
  let tally = new Tally();
  const report: Record<string, { clicks: number; keys: number; seconds: number }> = {};
  const consoleErrors: string[] = [];
  let caseId = '';

  const click = async (selector: string) => {
    tally.clicks += 1;
    await page.click(selector);
  };
  /** Types into a field as a person would: one keystroke per character, then Tab to leave the cell. */
  const type = async (selector: string, text: string, leave = true) => {
    tally.clicks += 1;
    await page.click(selector);
    await page.keyboard.type(text);
    tally.keys += text.length;
    if (leave) {
      await page.keyboard.press('Tab');
      tally.keys += 1;
    }
  };
  const choose = async (selector: string, option: { label: string } | { value: string }) => {
    tally.clicks += 2;
    await page.selectOption(selector, option);
  };

  /** One screenshot at 1280 px and one at 390 px wide. */
  async function shots(name: string): Promise<void> {
    await page.setViewportSize({ width: 1280, height: 800 });
    await screenshot(page, SUITE, `${name}-1280`);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, SUITE, `${name}-390`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} overflows at 390 px`).toBeLessThanOrEqual(1);
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  async function login(path: string, role: string): Promise<void> {
    await signIn(page, `${test.server.url}${path}`, `${REGENCY}.${role}`, DEMO_PASSWORD);
  }

  beforeAll(async () => {
    test = await startTestServer();
    browser = await launchBrowser({ width: 1280, height: 800 });
    page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().includes('401')) consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
  }, 180_000);

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') {
      await screenshot(page, SUITE, `failed-${context.task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}`);
      console.error('browser errors so far:', consoleErrors);
    }
  });

  afterAll(async () => {
    console.log('designer table: clicks, keystrokes and seconds per person', JSON.stringify(report));
    await browser?.close();
    await test?.stop();
  });

  it('the drafter starts a new SOP from the template of their unit and works in the table', async () => {
    await login('/designer/', 'penyusun-sop');
    tally = new Tally();
    await click('a:has-text("SOP baru")');
    await type('#sop-name', SOP_NAME, false);
    await expect(page.inputValue('#sop-unit')).resolves.toBe('sekretariat');
    await click('button:has-text("Buat draf")');
    await page.waitForSelector('[data-testid=sop-table]');
    // Drafters do not need the YAML text beside the table.
    if ((await page.getAttribute('[data-testid=toggle-yaml]', 'aria-pressed')) === 'true')
      await click('[data-testid=toggle-yaml]');
    await page.waitForSelector('[data-testid=no-problems]');
    await shots('01-table-from-template');
  });

  it('two lanes: step 1 moves to the staff lane and the applicant lane goes', async () => {
    await click('[data-testid=lane-0-petugas]');
    await click('[data-testid=lane-0-pemohon]');
    await click('[data-testid=delete-lane-pemohon]');
    await page.waitForSelector('[data-testid=delete-lane-pemohon]', { state: 'detached' });
    expect(await page.locator('th.lane-head').count()).toBe(2);
  });

  it('six rows: three added, written as printed, marked in their lanes, with Waktu read beside them', async () => {
    for (let i = 0; i < 3; i++) await click('[data-testid=add-step]');
    await page.waitForSelector('[data-testid=row-5]');
    const activities = [
      'Petugas melakukan kunjungan rumah bersama TKSK',
      'Kepala Bidang menandatangani surat rekomendasi',
      'Petugas menyerahkan surat rekomendasi kepada pemohon',
    ];
    for (const [k, activity] of activities.entries()) {
      const row = 3 + k;
      // Select the placeholder text and type over it (one keystroke for the selection).
      await page.locator(`[data-testid=row-${row}] textarea`).first().fill('');
      tally.keys += 1;
      await type(`[data-testid=row-${row}] textarea >> nth=0`, activity);
    }
    for (const row of [3, 5]) {
      await click(`[data-testid=lane-${row}-petugas]`);
      await click(`[data-testid=lane-${row}-kepala]`);
    }
    for (const [row, time] of [
      [3, '2 hari kerja'],
      [4, '1 hari kerja'],
      [5, '15 menit'],
    ] as const)
      await type(`[aria-label="Waktu langkah ${row + 1}"]`, time);
    await expect(page.locator('[data-testid=time-reading-3]').innerText()).resolves.toBe('= 2 hari kerja');
    await type('[aria-label="Keterangan langkah 4"]', 'Didampingi TKSK kecamatan');
    // Kelengkapan: one document from the regency's list, one new document named on the spot.
    await click('[data-testid=req-0]');
    await click('[data-testid=row-0] label:has-text("Surat Pengantar Desa / Kelurahan") input');
    await type('#new-doc-0', 'Surat keterangan domisili', false);
    await click('[data-testid=row-0] .picker button:has-text("Tambah")');
    await click('[data-testid=req-0]');
    // Output: a numbered letter from the regency's templates.
    await type('[data-testid=row-4] .output-cell input', 'Surat Rekomendasi');
    await choose('[data-testid=letter-4]', { value: 'sk-penetapan' });
    // A decision on the home visit: staff choose Ya (to the signature) or Tidak (rejected).
    await click('[data-testid=decision-3]');
    await page.waitForSelector('[data-testid=decision-row-3]');
    await type('[aria-label="Pertanyaan keputusan"] >> nth=1', 'Apakah pemohon layak dibantu?');
    await expect(page.inputValue('[data-testid=goto-yes-3]')).resolves.not.toBe('');
    await expect(page.inputValue('[data-testid=goto-no-3]')).resolves.toBe('ditolak');
    // The letter's template prints the applicant's kecamatan and desa, which only the form (next) will ask for:
    // until then the checker says exactly that, and nothing else.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=problems] li').length === 2);
    const problems = await page.locator('[data-testid=problems] li').allInnerTexts();
    expect(problems.every((p) => /memakai isian `(village|district)` yang tidak ada pada data kasus/.test(p))).toBe(
      true,
    );
    await shots('02-table-six-rows');
  });

  it('a form of five fields from the builder, with a "tampilkan jika" and a preview as staff see it', async () => {
    const add = async (kind: string, label?: string, options?: string) => {
      await choose('#case-field-kind', { value: kind });
      if (label !== undefined) await type('#case-field-label', label, false);
      if (options !== undefined) await type('#case-field-options', options, false);
      await click('[data-testid=case-add-field]');
    };
    await add('alamat');
    await add('pilihan', 'Kategori', 'Lanjut Usia, Disabilitas, Lainnya');
    await add('tanggal', 'Tanggal lahir');
    await add('angka', 'Jumlah tanggungan');
    await add('teks', 'Jenis disabilitas');
    await page.waitForSelector('[data-testid=field-jenisDisabilitas]');
    await choose('[data-testid=field-jenisDisabilitas] .show-if select', { label: 'jika Kategori' });
    await choose('[data-testid=field-jenisDisabilitas] .show-if select >> nth=1', { value: 'Disabilitas' });
    await click('[data-testid=field-kategori] input[type=checkbox]');
    await click('[data-testid=case-preview-toggle]');
    await page.waitForSelector('[data-testid=case-preview] #root_kategori');
    expect(await page.locator('[data-testid=case-preview] #root_jenisDisabilitas').count()).toBe(0);
    await page.selectOption('[data-testid=case-preview] #root_kategori', 'Disabilitas');
    await page.waitForSelector('[data-testid=case-preview] #root_jenisDisabilitas');
    await page.locator('[data-testid=case-form-builder]').scrollIntoViewIfNeeded();
    await shots('03-form-builder-preview');
  });

  it('one criterion by example, tried at once on sample data with its explanation', async () => {
    await type('#new-criterion', 'Pemohon lanjut usia', false);
    await click('[data-testid=add-criterion]');
    await page.waitForSelector('[data-testid=criterion-0-builder]');
    await choose('#criterion-0-field-0', { value: 'kategori' });
    // A choice field's value becomes a list of its options once the field is chosen (a re-render).
    await page.waitForSelector('select#criterion-0-value-0');
    await choose('#criterion-0-value-0', { value: 'Lanjut Usia' });
    await type('[data-testid=criterion-0-sample-kategori]', 'Disabilitas', false);
    await expect(page.locator('[data-testid=criterion-0-outcome]').innerText()).resolves.toContain(
      'Kategori sama dengan Lanjut Usia: tidak terpenuhi (nilai "Disabilitas")',
    );
    await page.locator('[data-testid=criteria]').scrollIntoViewIfNeeded();
    await shots('04-criterion-tried');
  });

  it('the flowchart shows the six steps; clicking a shape opens its row in the table', async () => {
    await click('[role=tab]:has-text("Bagan alir")');
    await page.waitForSelector('[data-testid=shape-3]');
    await shots('05-flowchart');
    await click('[data-testid=shape-3]');
    await page.waitForSelector('[data-testid=row-3].focused');
  });

  it('the drafter saves and submits with a note; the YAML was never typed and stays readable', async () => {
    await page.waitForSelector('[data-testid=no-problems]');
    await click('[data-testid=save]');
    await page.waitForSelector('text=Tersimpan sebagai revisi 2');
    await click('button:has-text("Ajukan untuk disahkan")');
    await type('#review-note', 'Mohon diperiksa, langkah kunjungan rumah baru', false);
    await click('[data-testid=submit-confirm]');
    await page.waitForSelector('text=Diajukan untuk disahkan.');
    report.drafter = { clicks: tally.clicks, keys: tally.keys, seconds: tally.seconds() };
    const source = (
      await page.request
        .get(`${test.server.url}/api/designer/sops/${SOP_ID}`)
        .then((r) => r.json() as Promise<{ source: string }>)
    ).source;
    expect(source.split('\n')[0]).toBe(
      `# ${SOP_NAME}: disusun dari templat Alur; sesuaikan langkah, pelaksana dan baku mutu.`,
    );
    expect(source).toContain('actors:\n  - id: petugas');
    expect(source).toContain('kategori: {type: string, title: Kategori, enum: [Lanjut Usia, Disabilitas, Lainnya]}');
    expect(source).toMatch(/allOf:\n\s+- if:\n\s+properties:\n\s+kategori: \{const: Disabilitas\}/);
    // Kept beside the screenshots, for a reader to see what the table wrote.
    writeFileSync(join(ARTIFACTS, SUITE, `${SOP_ID}.yaml`), source);
    expect(source).toContain('label: Kategori sama dengan Lanjut Usia');
    expect(source).toContain('template: {$ref: regency#/letterTemplates/sk-penetapan}');
    expect(source).toContain('  - id: langkah-4\n    activity: Petugas melakukan kunjungan rumah bersama TKSK\n');
    await shots('06-submitted');
  });

  it('the approver finds it waiting, publishes with number, date and signer after a confirmation', async () => {
    await login('/designer/', 'pengesah-sop');
    tally = new Tally();
    await page.waitForSelector(`[data-testid=waiting-${SOP_ID}]`);
    await expect(page.locator(`[data-testid=waiting-${SOP_ID}]`).innerText()).resolves.toContain(
      'langkah kunjungan rumah baru',
    );
    await shots('07-approver-waiting');
    await click(`[data-testid=waiting-${SOP_ID}] a`);
    await click('[data-testid=publish]');
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('#publish-signer-name')?.value !== '');
    await click('[data-testid=publish-next]');
    // Nothing typed yet: the app says what is missing, in Indonesian, and publishes nothing.
    await expect(page.locator('[data-testid=publish-dialog] [role=alert]').innerText()).resolves.toContain('Nomor SOP');
    await type('#publish-number', 'P-120/DINSOS/SET/000.9.3.3/12/2026', false);
    tally.keys += 8;
    await page.fill('#publish-effective', '2026-12-07');
    if ((await page.inputValue('#publish-signer-title')) === '')
      await type('#publish-signer-title', 'Kepala Dinas Sosial', false);
    await click('[data-testid=publish-next]');
    await page.waitForSelector('[data-testid=publish-confirm]');
    await shots('08-publish-confirm');
    await click('[data-testid=publish-confirm-yes]');
    await page.waitForSelector('text=Terbit sebagai versi 1');
    report.approver = { clicks: tally.clicks, keys: tally.keys, seconds: tally.seconds() };
  });

  it('staff open a case and run it to the end, through both decisions and the letter', async () => {
    await login('/', 'petugas-pengaduan');
    tally = new Tally();
    await page.goto(`${test.server.url}/layanan/${SOP_ID}/mulai`);
    await page.waitForSelector('#root_fullName');
    await page.fill('#root_fullName', 'Siti Aminah');
    await page.fill('#root_nik', '6402015804580011');
    // Kecamatan, then desa/kelurahan: cascading selects from the regency's official region list.
    await page.selectOption('#root_district', 'Tenggarong');
    await page.selectOption('#root_village', 'Loa Ipuh');
    await page.selectOption('#root_kategori', 'Lanjut Usia');
    await page.fill('#root_tanggalLahir', '18/04/1958');
    await page.fill('#root_jumlahTanggungan', '2');
    await page.click('button:has-text("Buka kasus")');
    await page.waitForSelector('[data-testid=tracking-code]');
    caseId = /\/kasus\/([^/]+)\/tanda-terima/.exec(page.url())![1]!;
    let who = 'petugas-pengaduan';
    for (const [role, activity] of [
      ['petugas-pengaduan', 'Pemohon menyerahkan berkas'],
      ['petugas-pengaduan', 'Petugas memeriksa kelengkapan'],
      ['ketua-tim-pengaduan', 'menyetujui permohonan'],
      ['petugas-pengaduan', 'kunjungan rumah'],
      ['ketua-tim-pengaduan', 'menandatangani surat rekomendasi'],
      ['petugas-pengaduan', 'menyerahkan surat rekomendasi'],
    ] as const) {
      if (role !== who) await login('/', role);
      who = role;
      await page.goto(`${test.server.url}/kasus/${caseId}`);
      const item = page
        .locator('li', { hasText: activity })
        .filter({ has: page.locator('a.button') })
        .first();
      await item.locator('a.button').click();
      await page.waitForSelector('h1');
      for (const box of await page.locator('[data-testid=checklist] input[type=checkbox]').all()) await box.check();
      if (await page.locator('#root_complete').count()) await page.check('#root_complete');
      if (await page.locator('input[name=choice][value=Ya]').count()) await page.check('input[name=choice][value=Ya]');
      await page.click('button:has-text("Selesaikan langkah")');
      // Finishing a step asks for confirmation: it cannot be undone.
      await page.click('dialog[open] [data-testid=confirm-yes]');
      await page.waitForSelector('text=Langkah selesai.');
    }
    await page.waitForSelector('[data-testid=case-status]:has-text("Selesai")');
    await expect(page.locator('[data-testid=eligibility]').innerText()).resolves.toContain(
      'Kategori sama dengan Lanjut Usia: terpenuhi (isian: Lanjut Usia)',
    );
    await expect(page.locator('[data-testid=timeline]').innerText()).resolves.toContain('Keputusan: Ya');
    await shots('09-case-completed');
    expect(consoleErrors).toEqual([]);
  });
});
