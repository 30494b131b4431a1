// @rjsf/core 6 re-exports a test helper (getTestRegistry) that imports @rjsf/validator-ajv8 without
// declaring it. The apps never call that helper and must not ship ajv8 (it compiles code with eval,
// which the Content-Security-Policy forbids), so vite.config.ts resolves the import to this stub.

/** Fails loudly if anything ever reaches for the ajv8 validator in the browser. */
export default new Proxy(
  {},
  {
    get() {
      throw new Error('@rjsf/validator-ajv8 is not bundled; use ui-shared/forms/noEvalValidator.ts');
    },
  },
);
