import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express from 'express';
import { mountLandingPage } from './landingPage.ts';

/** Folder of the built browser apps (`npm run build`). */
export const UI_DIST = resolve(import.meta.dirname, '../../dist/ui');

/**
 * Serves the built UIs on the API's port: static assets, the designer under /designer and the runtime UI
 * for every other page (client-side routing). Without a build, a plain landing page says so.
 */
export function mountUi(app: express.Express, dist = UI_DIST): void {
  const runtimeIndex = join(dist, 'runtime-ui/index.html');
  if (!existsSync(runtimeIndex)) {
    mountLandingPage(app);
    return;
  }
  const designerIndex = join(dist, 'designer/index.html');
  app.use('/assets', express.static(join(dist, 'assets'), { immutable: true, maxAge: '365d', index: false }));
  app.get(/^\/designer(\/.*)?$/, (_req, res, next) =>
    existsSync(designerIndex) ? res.sendFile(designerIndex) : next(),
  );
  app.get(/^\/(?!api\/|assets\/).*/, (_req, res) => res.sendFile(runtimeIndex));
}
