import type express from 'express';

/** A plain start page until the runtime UI is mounted: tells people the platform is up and where the API is. */
export function mountLandingPage(app: express.Express): void {
  // Unstyled on purpose: the Content-Security-Policy admits no inline style.
  app.get('/', (_req, res) => {
    res.type('html').send(`<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Alur</title></head>
<body>
<h1>Alur</h1><p>Platform alur kerja SOP Dinas Sosial berjalan.</p>
<ul><li><a href="/api/health">Status server</a></li><li><a href="/api/openapi.json">Dokumen API (OpenAPI 3.1)</a></li><li><a href="/api/regencies">Kabupaten</a></li></ul>
</body></html>`);
  });
}
