// Names folded for searching: case and diacritics removed ("Zelenskyy", "zelenskyy" and
// "ZELENSKYY" are one; "Erdoğan" finds "Erdogan"), split into words on anything that is
// not a letter or digit, so "Ki-moon" is two words and "U.N." is "u" "n".
export function foldName(s: string): string {
  return s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()
    // Letters NFKD does not decompose but readers type without their stroke.
    .replace(/ø/g, "o").replace(/ł/g, "l").replace(/đ/g, "d").replace(/ß/g, "ss").replace(/æ/g, "ae").replace(/œ/g, "oe").replace(/ı/g, "i");
}

export function nameWords(s: string): string[] {
  return foldName(s).split(/[^\p{L}\p{N}]+/u).filter((w) => w !== "");
}
