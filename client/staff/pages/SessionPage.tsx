// One classroom session: its code, link and QR code to show on the classroom screen, and the live view.
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { fetchSession } from '../api/staff.ts';
import { usePageHeading } from '../components/use-page-title.ts';
import { useLoad } from '../components/use-load.ts';
import { LoadProblem } from '../components/LoadProblem.tsx';
import { useLive } from '../components/use-live.ts';
import { LiveView } from '../components/LiveView.tsx';
import { QrCode } from '../components/QrCode.tsx';
import { dateTime } from '../components/format.ts';

export default function SessionPage({ id }: { id: number }) {
  const { t, i18n } = useTranslation('staff');
  const [session] = useLoad(() => fetchSession(id), id);
  const title = session.state === 'ok' ? session.value.name : t('session.heading');
  const heading = usePageHeading(title);
  const live = useLive(id);

  const s = session.state === 'ok' ? session.value : null;
  const url = s ? `${location.origin}${s.link}` : '';
  // One heading element from the first render on, so the focus it gets stays when the session has loaded.
  return (
    <>
      <p className="breadcrumb">
        <Link href="/">{t('session.back')}</Link>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {!s && <LoadProblem load={session} />}
      {s && (
        <>
          <p className="muted">
            {s.institutionName} ({s.brin}) ·{' '}
            {s.expired ? t('session.expiredAt', { time: dateTime(s.expiresAt, i18n.language) }) : t('session.expiresAt', { time: dateTime(s.expiresAt, i18n.language) })}
          </p>
          <section className="card join" aria-labelledby="join-heading">
            <h2 id="join-heading">{t('session.joinHeading')}</h2>
            <div className="join-grid">
              <div>
                <p>{t('session.joinIntro')}</p>
                <p className="code" aria-label={t('session.codeLabel', { code: s.code.split('').join(' ') })}>
                  {s.code}
                </p>
                <p>
                  {t('session.link')}{' '}
                  <a href={url} className="break">
                    {url}
                  </a>
                </p>
              </div>
              <QrCode text={url} label={t('session.qrLabel', { url })} />
            </div>
          </section>
          <LiveView snapshot={live.snapshot} connection={live.connection} onReconnect={live.reconnect} />
        </>
      )}
    </>
  );
}
