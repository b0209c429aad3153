// vitest globalSetup: compile the catalogues first, so `npx vitest run` on a
// fresh clone has src/paraglide.
export default async function setup() {
  await import('./i18n-compile.mjs')
}
