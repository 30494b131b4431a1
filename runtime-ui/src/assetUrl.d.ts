// Vite answers `?url` imports with the built file's address (used for pdf.js's worker script).
declare module '*?url' {
  const url: string;
  export default url;
}
