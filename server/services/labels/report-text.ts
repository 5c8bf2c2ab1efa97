// The check report as text for the terminal (Dutch by default, English on request).
import type { Issue } from './issues.ts';
import type { LabelImportReport } from './import.ts';

export type Lang = 'nl' | 'en';
const SHOWN_PER_CODE = 10;

const T = {
  nl: {
    file: 'Labelbestand', errors: 'Fouten', warnings: 'Waarschuwingen', sheet: 'werkblad', row: 'rij', column: 'kolom',
    more: (n: number) => `… en nog ${n} van deze soort (volledige lijst: --json)`,
    link: (p: string | null) => `Koppeling met de populatie (peildatum ${p ?? 'onbekend'}):`,
    rows: 'rijen in het bestand', bedrijfsgroep: 'waarvan bedrijfsgroep', matched: 'gekoppeld aan de populatie',
    notIn: 'niet in de populatie', zonder: 'populatie zonder label', population: 'populatie van de instelling',
    refused: 'GEWEIGERD: het bestand heeft fouten; er is niets veranderd.',
    wouldAccept: 'Proefrun: het bestand zou worden geaccepteerd; er is niets veranderd.',
    accepted: (id: number) => `GEACCEPTEERD als labelbestand #${id}.`,
    current: 'Het is nu het actuele labelbestand van de instelling.',
    notCurrent: 'Let op: er is een labelbestand met een latere datum; dat blijft het actuele bestand.',
    changed: (n: number, t: number) => `${n} van ${t} responsen kregen andere labels.`,
    wouldChange: (n: number, t: number) => `${n} van ${t} responsen zouden andere labels krijgen.`,
  },
  en: {
    file: 'Label file', errors: 'Errors', warnings: 'Warnings', sheet: 'worksheet', row: 'row', column: 'column',
    more: (n: number) => `… and ${n} more of this kind (full list: --json)`,
    link: (p: string | null) => `Link to the population (reference date ${p ?? 'unknown'}):`,
    rows: 'rows in the file', bedrijfsgroep: 'of which bedrijfsgroep', matched: 'matched to the population',
    notIn: 'not in the population', zonder: 'population without label (zonder label)', population: "institution's population",
    refused: 'REFUSED: the file has errors; nothing was changed.',
    wouldAccept: 'Dry run: the file would be accepted; nothing was changed.',
    accepted: (id: number) => `ACCEPTED as label file #${id}.`,
    current: "It is now the institution's current label file.",
    notCurrent: 'Note: a label file with a later date exists; that one stays current.',
    changed: (n: number, t: number) => `${n} of ${t} responses changed labels.`,
    wouldChange: (n: number, t: number) => `${n} of ${t} responses would change labels.`,
  },
} as const;

export function issuePlace(i: Issue, lang: Lang): string {
  const t = T[lang];
  const parts = [
    i.sheet ? `${t.sheet} "${i.sheet}"` : null,
    i.row !== undefined ? `${t.row} ${i.row}` : null,
    i.column ? `${t.column} ${i.column}` : null,
  ].filter(Boolean);
  return parts.length ? `${parts.join(', ')}: ` : '';
}

function section(title: string, list: Issue[], counts: Partial<Record<string, number>>, lang: Lang): string[] {
  const total = Object.values(counts).reduce<number>((s, n) => s + (n ?? 0), 0);
  if (total === 0) return [];
  const out = [`${title} (${total}):`];
  const byCode = new Map<string, Issue[]>();
  for (const i of list) byCode.set(i.code, [...(byCode.get(i.code) ?? []), i]);
  for (const [code, items] of byCode) {
    for (const i of items.slice(0, SHOWN_PER_CODE)) out.push(`  ${issuePlace(i, lang)}${i.message[lang]}`);
    const rest = (counts[code] ?? items.length) - Math.min(items.length, SHOWN_PER_CODE);
    if (rest > 0) out.push(`  ${T[lang].more(rest)}`);
  }
  return out;
}

export function formatReport(r: LabelImportReport, lang: Lang = 'nl'): string {
  const t = T[lang];
  const n = (x: number) => x.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB');
  const c = r.counts;
  const head = `${t.file} ${r.fileName}${r.format ? ` (${r.format})` : ''}${r.brin ? `, BRIN ${r.brin}` : ''}${r.institution ? ` (${r.institution})` : ''}`;
  const w = Math.max(t.rows.length, t.matched.length, t.notIn.length, t.zonder.length, t.population.length) + 2;
  const line = (label: string, value: number) => `  ${(label + ':').padEnd(w)}${n(value).padStart(9)}`;
  const lines = [
    head,
    ...section(t.errors, r.errors, c.errors, lang),
    ...section(t.warnings, r.warnings, c.warnings, lang),
    t.link(c.peildatum),
    line(t.rows, c.rows),
    line(`  ${t.bedrijfsgroep}`, c.bedrijfsgroepRows),
    line(t.matched, c.matched),
    line(t.notIn, c.notInPopulation),
    line(t.zonder, c.zonderLabel),
    line(t.population, c.population),
  ];
  if (!r.accepted) lines.push(t.refused);
  else if (r.preview) {
    lines.push(t.wouldAccept);
    if (!r.preview.current) lines.push(t.notCurrent);
    else if (c.responsesChanged !== null && c.responsesTagged !== null) lines.push(t.wouldChange(c.responsesChanged, c.responsesTagged));
  } else if (r.labelFile) {
    lines.push(`${t.accepted(r.labelFile.id)} ${r.labelFile.current ? t.current : t.notCurrent}`);
    if (c.responsesChanged !== null && c.responsesTagged !== null && r.labelFile.current) lines.push(t.changed(c.responsesChanged, c.responsesTagged));
  }
  return lines.join('\n') + '\n';
}
