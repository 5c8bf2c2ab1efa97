// A label file status in words: "geen", "geaccepteerd op 15 jan 2024", "geweigerd op 20 jan 2024".
import type { TFunction } from 'i18next';
import type { LabelFileStatus } from '../../../server/api/staff-labels.ts';
import { dateTime } from '../components/format.ts';

export function labelStatusText(s: LabelFileStatus, t: TFunction<'staff'>, lang: string): string {
  if (s.state === 'refused') {
    const refused = t('labels.status.refused', { date: dateTime(s.lastRefusal!.refusedAt, lang) });
    return s.current ? `${refused} ${t('labels.status.stillCurrent', { name: s.current.fileName })}` : refused;
  }
  if (s.state === 'accepted') return t('labels.status.accepted', { date: dateTime(s.current!.receivedAt, lang), name: s.current!.fileName });
  return t('labels.status.none');
}
