// Surname normalisation for the login. Real names differ from DUO's record in case, accents, spacing,
// apostrophes, hyphens and where the tussenvoegsel goes; these rules accept exactly those differences.

const FOLD: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** Lower case, no accents, letters only: "D'Hondt-van Éden" -> "dhondtvaneden". */
export function normaliseName(s: string): string {
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

/** The spellings under which a registered student may log in, normalised. */
export function registeredVariants(achternaam: string, tussenvoegsel: string | null | undefined): string[] {
  const tv = tussenvoegsel?.trim() ?? '';
  const out = new Set<string>([normaliseName(`${tv} ${achternaam}`), normaliseName(achternaam)]);
  // Each part of a double name counts on its own ("Jansen-de Vries": "Jansen", "de Vries", "Vries").
  const parts = achternaam.split('-').map((p) => p.trim()).filter(Boolean);
  if (parts.length > 1) {
    for (const part of parts) {
      out.add(normaliseName(part));
      out.add(normaliseName(part.replace(/^((?:[a-z']+\s+)+)(?=\S)/, '')));
    }
    out.add(normaliseName(`${tv} ${parts[0]}`));
  }
  out.delete('');
  return [...out];
}

/** The normalised form of what a student typed. */
export function typedVariant(input: string): string {
  return normaliseName(reorderSurname(input));
}
