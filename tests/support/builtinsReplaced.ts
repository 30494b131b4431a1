// Run as `node --import tsx tests/support/builtinsReplaced.ts <module>`: imports the module and prints, as
// JSON, which of the built-ins the API leans on it replaced (a polyfill bundled in a dependency).
// Read as property values (identity is all that is compared; nothing is called).
const watched: Record<string, () => unknown> = {
  'JSON.stringify': () => Reflect.get(JSON, 'stringify'),
  'JSON.parse': () => Reflect.get(JSON, 'parse'),
  'Array.prototype.push': () => Reflect.get(Array.prototype, 'push'),
  'Function.prototype.toString': () => Reflect.get(Function.prototype, 'toString'),
  Promise: () => Promise,
  structuredClone: () => structuredClone,
};
const before = Object.fromEntries(Object.entries(watched).map(([name, read]) => [name, read()]));
await import(process.argv[2]!);
process.stdout.write(
  JSON.stringify(Object.entries(watched).flatMap(([name, read]) => (read() === before[name] ? [] : [name]))),
);
