// Closed-class English words the actor finders test tokens for: particles inside personal
// names, personal pronouns with their gender, and words that show the mention before them
// is a clause's subject. General linguistic knowledge, small and fixed, so kept with the code.

/** Lower-case particles inside names ("Abdel Fattah al-Burhan", "Ursula von der Leyen"). */
export const NAME_PARTICLES: readonly string[] = ["al", "al-", "bin", "bint", "ibn", "de", "da", "di", "dos", "du", "van", "von", "der", "den", "la", "le", "el", "abu", "ul"];
/** Generational suffixes a known name may be written with or without ("Romeo Brawner Jr."). */
export const NAME_SUFFIXES: readonly string[] = ["jr", "sr", "ii", "iii", "iv"];

/** Personal pronouns resolved to people, with the gender they refer to. */
export const PRONOUN_GENDER: ReadonlyMap<string, "m" | "f"> = new Map([
  ["he", "m"], ["him", "m"], ["his", "m"], ["himself", "m"],
  ["she", "f"], ["her", "f"], ["hers", "f"], ["herself", "f"],
]);

/** Words after a mention that show it is a clause's subject ("Putin could", "Zelenskyy said"). */
export const SUBJECT_NEXT: readonly string[] = ["is", "was", "has", "had", "have", "will", "would", "could", "can", "should", "must", "may", "might", "did", "does", "also", "then"];

/** What joins the items of a list ("American, British and French officials"). */
export const LIST_JOIN_WORDS: readonly string[] = [",", "and", "or"];

/** Words that may stand between an office and the qualifier before it ("France’s former president", "a US deputy secretary"). */
export const OFFICE_MODIFIERS: readonly string[] = ["former", "then", "acting", "interim", "new", "outgoing", "current", "top", "deputy", "senior", "chief", "ex"];
