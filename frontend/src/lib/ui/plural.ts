// Counted words: "1 message", "2 messages", "1,204 coins".

/** A word in its singular and plural forms. */
export interface Noun {
  one: string
  many: string
}

/** A noun whose plural just adds "s". */
export function noun(one: string, many = `${one}s`): Noun {
  return { one, many }
}

/** The right form of w for n (1 and -1 are singular, everything else plural). */
export function wordFor(n: number, w: Noun): string {
  return Math.abs(n) === 1 ? w.one : w.many
}

/** "n word" with n formatted for the reader's locale. */
export function counted(n: number, w: Noun): string {
  return `${n.toLocaleString()} ${wordFor(n, w)}`
}
