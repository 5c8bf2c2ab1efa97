// An institution's accepted label files (current first) and its refused uploads.
import { useTranslation } from 'react-i18next';
import { fetchLabelHistory } from '../api/staff.ts';
import { DataTable } from '../components/DataTable.tsx';
import { LoadProblem } from '../components/LoadProblem.tsx';
import { useLoad } from '../components/use-load.ts';
import { count, dateTime, day } from '../components/format.ts';

export function LabelHistoryView({ brin, round }: { brin: string; round: number }) {
  const { t, i18n } = useTranslation('staff');
  const lang = i18n.language;
  const [history] = useLoad(() => fetchLabelHistory(brin), `${brin}:${round}`);
  const n = (v: number | null) => (v === null ? '–' : count(v, lang));
  return (
    <section className="card" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('labels.historyHeading')}</h2>
      <LoadProblem load={history} />
      {history.state === 'ok' && (
        <>
          {history.value.files.length === 0 ? (
            <p>{t('labels.noFiles')}</p>
          ) : (
            <DataTable
              caption={t('labels.acceptedFiles')}
              textColumns={[1]}
              columns={[t('labels.file'), t('labels.status.heading'), t('labels.fileDate'), t('labels.received'), t('labels.facts.rows'), t('labels.facts.matched'), t('labels.facts.zonderLabel'), t('labels.responsesChanged')]}
              rows={history.value.files.map((f) => ({
                key: String(f.id),
                cells: [
                  f.fileName,
                  f.status === 'current' ? t('labels.current') : t('labels.superseded'),
                  f.fileDate ? day(f.fileDate, lang) : '–',
                  dateTime(f.receivedAt, lang),
                  count(f.rowCount, lang),
                  n(f.matched),
                  n(f.zonderLabel),
                  n(f.responsesChanged),
                ],
              }))}
            />
          )}
          {history.value.refusals.length > 0 && (
            <DataTable
              caption={t('labels.refusedFiles')}
              columns={[t('labels.file'), t('labels.refusedAt'), t('labels.errors')]}
              rows={history.value.refusals.map((r, i) => ({ key: String(i), cells: [r.fileName, dateTime(r.refusedAt, lang), count(r.errors, lang)] }))}
            />
          )}
        </>
      )}
    </section>
  );
}
