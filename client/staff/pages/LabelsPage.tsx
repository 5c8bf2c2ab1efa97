// The label file of an institution: upload, check and confirm a new one, and the files delivered before. An
// institution user has its own; an admin chooses one (/labelbestand/:brin) from the status of every institution.
// Observers never see label files (the server refuses them too).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { fetchLabelStatuses } from '../api/staff.ts';
import { useUser } from '../auth-store.ts';
import { usePageHeading } from '../components/use-page-title.ts';
import { LoadProblem } from '../components/LoadProblem.tsx';
import { useLoad } from '../components/use-load.ts';
import { DataTable } from '../components/DataTable.tsx';
import { InstitutionPicker } from '../components/InstitutionPicker.tsx';
import { LabelUpload } from '../labels/LabelUpload.tsx';
import { LabelHistoryView } from '../labels/LabelHistoryView.tsx';
import { labelStatusText } from '../labels/status-text.ts';

function Statuses() {
  const { t, i18n } = useTranslation('staff');
  const [statuses] = useLoad(fetchLabelStatuses);
  if (statuses.state !== 'ok') return <LoadProblem load={statuses} />;
  return (
    <DataTable
      caption={t('labels.statusCaption')}
      columns={[t('sessions.institution'), t('labels.status.heading')]}
      textColumns={[1]}
      rows={statuses.value.map((s) => ({ key: s.brin, cells: [<Link href={`/labelbestand/${s.brin}`}>{`${s.name} (${s.brin})`}</Link>, labelStatusText(s, t, i18n.language)] }))}
    />
  );
}

export default function LabelsPage({ brin }: { brin?: string }) {
  const { t } = useTranslation('staff');
  const user = useUser();
  const me = user !== null && user !== 'unknown' ? user : null;
  const target = brin ?? (me?.role === 'institution' ? me.brin : null);
  const title = target ? t('labels.headingOf', { brin: target }) : t('labels.heading');
  const heading = usePageHeading(title);
  const [round, setRound] = useState(0);
  return (
    <>
      {brin && me?.role === 'admin' && (
        <p className="breadcrumb">
          <Link href="/labelbestand">{t('labels.backToAll')}</Link>
        </p>
      )}
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {me?.role === 'observer' || (me?.role === 'institution' && target !== me.brin) ? (
        <LoadProblem load={{ state: 'forbidden' }} />
      ) : target ? (
        <>
          <LabelUpload key={target} brin={target} responsePath={me?.role === 'admin' ? `/respons/${target}` : '/respons'} onChange={() => setRound((r) => r + 1)} />
          <LabelHistoryView brin={target} round={round} />
        </>
      ) : (
        <>
          <section className="card">
            <InstitutionPicker id="labels-brin" to={(b) => `/labelbestand/${b}`} />
          </section>
          <section className="card" aria-labelledby="statuses-heading">
            <h2 id="statuses-heading">{t('labels.statusHeading')}</h2>
            <Statuses />
          </section>
        </>
      )}
    </>
  );
}
