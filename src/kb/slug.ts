// Stable ids from names: lower case, accents folded, words joined by hyphens.
export function slug(name: string): string {
  const ascii = asciiSlug(name);
  if (ascii !== null) return ascii;
  return name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/**
 * The same slug in one pass for a name of ASCII characters only (most names; the actors
 * stage makes one per person the knowledge base lacks, in every document), where folding
 * accents changes nothing; null for any other name.
 */
function asciiSlug(name: string): string | null {
  let out = "", pendingHyphen = false;
  for (let i = 0; i < name.length; i++) {
    let c = name.charCodeAt(i);
    if (c > 127) return null;
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (pendingHyphen && out !== "") out += "-";
      pendingHyphen = false;
      out += String.fromCharCode(c);
    } else {
      pendingHyphen = true;
    }
  }
  return out;
}
