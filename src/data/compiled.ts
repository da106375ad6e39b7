/**
 * Data compiled once by `npm run build` (build/data.ts) and carried inside the bundles, keyed by build step
 * name (`routines`, ...). Under tsx (npm run dev, npm test, npm run chat) nothing is compiled: this stays
 * empty and each reader falls back to its source files. The bundler replaces this module's contents with the
 * compiled values, so a bundle needs no data files beside it (Lambda, the container image).
 */
export const compiledData: Readonly<Record<string, unknown>> = {};
