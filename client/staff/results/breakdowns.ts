// The breakdowns the results page offers an institution: none, or one of the contract's.
import type { Breakdown } from '../../../server/api/staff-reports.ts';

export type PageBreakdown = Breakdown | '';
export const BREAKDOWNS_FOR_PAGE: readonly PageBreakdown[] = ['', 'analyselabel1', 'analyselabel2', 'analyselabel3', 'crebo', 'leerweg', 'niveau', 'leerjaar', 'week'];
