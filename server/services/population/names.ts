// Surname normalisation for the login. Real names differ from DUO's record in case, accents, spacing,
// apostrophes, hyphens and where the tussenvoegsel goes; these rules accept exactly those differences.

const FOLD: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** Dutch tussenvoegsel words (and the common foreign ones DUO registers the same way). */
const TUSSEN_WORDS = new Set(
  ["van", "de", "der", "den", "het", "'t", "te", "ter", "ten", "in", "op", "aan", "bij", "uit", "voor", "onder", "over",
    "von", "zu", "du", "des", "la", "le", "d'", "l'"],
);

/** "van de", "van den" and "van der", normalised: written "v.d.", "vd" or "v/d" as often as in full. */
const VAN_D = new Set(['vande', 'vanden', 'vander']);

/** Lower case, no accents, letters only: "D'Hondt-van Éden" -> "dhondtvaneden". */
export function normaliseName(s: string): string {
  // Most names are plain ASCII: a loop over the characters, without the Unicode normalisation and regular
  // expressions (this runs several times for each of 600,000 students on import).
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) out += s[i];
    else if (c >= 65 && c <= 90) out += String.fromCharCode(c + 32);
    else if (c < 0x20 || c > 0x7e) return normaliseUnicode(s);
  }
  return out;
}

function normaliseUnicode(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[øæœßłđðþı]/g, (c) => FOLD[c] ?? c)
    .replace(/[^a-z]/g, '');
}

/** "Berg, van der" -> "van der Berg": a tussenvoegsel written after the name moves to the front. */
export function reorderSurname(input: string): string {
  const m = /^\s*([^,]+?)\s*,\s*(.+?)\s*$/.exec(input);
  return m ? `${m[2]} ${m[1]}` : input;
}

/** Splits leading tussenvoegsel words off a name: "de Vries" -> ["de", "Vries"]. Never leaves the name empty. */
export function splitTussenvoegsel(name: string): [string, string] {
  const trimmed = name.trim();
  if (!/\s/.test(trimmed)) return ['', trimmed]; // one word: nothing to split (most names)
  const words = trimmed.split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && TUSSEN_WORDS.has(words[i]!.toLowerCase().replace(/[’`]/g, "'"))) i++;
  return [words.slice(0, i).join(' '), words.slice(i).join(' ')];
}

/** Adds a non-empty variant once. A function of its own, not a closure made per call (the import calls 600,000 times). */
function addVariant(out: string[], v: string): void {
  if (v && !out.includes(v)) out.push(v);
}

/** The spellings under which a registered student may log in, normalised. */
export function registeredVariants(achternaam: string, tussenvoegsel: string | null | undefined): string[] {
  let tv = tussenvoegsel?.trim() ?? '';
  let name = achternaam.trim();
  // Some deliveries carry the tussenvoegsel inside the surname field ("van der Berg", no tussenvoegsel).
  if (!tv) [tv, name] = splitTussenvoegsel(name);
  // Normalising drops spaces and works character by character, so normaliseName(`${a} ${b}`) is
  // normaliseName(a) + normaliseName(b): each part is normalised once.
  const t = normaliseName(tv), n = normaliseName(name);
  const out: string[] = [];
  addVariant(out, t + n); // before, stuck to it ("van der Berg", "vanderBerg"); "Berg, van der" is reordered to this
  addVariant(out, n); // left out ("Berg")
  addVariant(out, n + t); // after it without the comma ("Berg van der")
  const vd = VAN_D.has(t);
  if (vd) addVariant(out, 'vd' + n); // abbreviated ("v.d. Berg", "vd Berg", "v/d Berg", "Berg, v.d.")
  // Each part of a double name counts on its own ("Jansen-de Vries": "Jansen", "de Vries", "Vries").
  if (name.includes('-')) {
    const parts = name.split('-').map((p) => p.trim()).filter(Boolean);
    if (parts.length > 1) {
      for (const part of parts) {
        const [partTv, partName] = splitTussenvoegsel(part);
        addVariant(out, normaliseName(part));
        addVariant(out, normaliseName(partName));
        if (partTv) addVariant(out, normaliseName(partName) + normaliseName(partTv));
      }
      if (tv) addVariant(out, t + normaliseName(parts[0]!));
      if (vd) addVariant(out, 'vd' + normaliseName(parts[0]!));
    }
  }
  return out;
}

/** The normalised form of what a student typed. */
export function typedVariant(input: string): string {
  return normaliseName(reorderSurname(input));
}
