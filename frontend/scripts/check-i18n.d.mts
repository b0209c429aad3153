// Types of check-i18n.mjs for the unit tests in src/.
export function placeholders(msg: unknown): string[]
export function checkCatalogues(): string[]
export const ALLOWED_WORDS: Set<string>
export function strayWords(text: string): string[]
export function scanMarkup(source: string, file?: string): string[]
export function checkMarkup(): string[]
