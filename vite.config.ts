import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// One build for both browser apps; the server mounts dist/ui (runtime UI at /, designer at /designer).
export default defineConfig({
  root: resolve(import.meta.dirname),
  base: '/',
  esbuild: { jsx: 'automatic' },
  // See ui-shared/forms/ajv8ValidatorStub.ts: an undeclared import inside @rjsf/core that the apps never use.
  resolve: { alias: { '@rjsf/validator-ajv8': resolve(import.meta.dirname, 'ui-shared/forms/ajv8ValidatorStub.ts') } },
  build: {
    outDir: resolve(import.meta.dirname, 'dist/ui'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        runtime: resolve(import.meta.dirname, 'runtime-ui/index.html'),
        designer: resolve(import.meta.dirname, 'designer/index.html'),
      },
      // React Server Component directives in dependencies mean nothing in a client bundle.
      onwarn: (warning, warn) => (warning.code === 'MODULE_LEVEL_DIRECTIVE' ? undefined : warn(warning)),
    },
  },
});
