import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import type express from 'express';
import { mountLandingPage } from './landingPage.ts';
import { projectRoot } from './projectRoot.ts';
import { serveAssets } from './serveAssets.ts';

/** Folder of the built browser apps (`npm run build`): a link to the current build in dist/ui-builds/. */
export const UI_DIST = join(projectRoot(), 'dist/ui');

/**
 * Serves the built UIs on the API's port: static assets, the designer under /designer and the runtime UI
 * for every other page (client-side routing). Without a build, a plain landing page says so. The build
 * is resolved once: this process keeps serving the build it started with while a newer one is swapped in.
 */
export function mountUi(app: express.Express, dist = UI_DIST): void {
  const runtimeIndexLink = join(dist, 'runtime-ui/index.html');
  if (!existsSync(runtimeIndexLink)) {
    mountLandingPage(app);
    return;
  }
  const build = realpathSync(dist);
  const runtimeIndex = join(build, 'runtime-ui/index.html');
  const designerIndex = join(build, 'designer/index.html');
  // index.html is never cached: it names the current hashed assets.
  const noCache = { headers: { 'Cache-Control': 'no-cache' } };
  app.use('/assets', serveAssets(join(build, 'assets')));
  app.get(/^\/designer(\/.*)?$/, (_req, res, next) =>
    existsSync(designerIndex) ? res.sendFile(designerIndex, noCache) : next(),
  );
  app.get(/^\/(?!api\/|assets\/).*/, (_req, res) => res.sendFile(runtimeIndex, noCache));
}
