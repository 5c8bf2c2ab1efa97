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

  if (session.state !== 'ok') {
    return (
      <>
        <h1 ref={heading} tabIndex={-1}>
          {t('session.heading')}
        </h1>
        <LoadProblem load={session} />
        <p>
          <Link href="/">{t('session.back')}</Link>
        </p>
      </>
    );
  }
  const s = session.value;
  const url = `${location.origin}${s.link}`;
  return (
    <>
      <p className="breadcrumb">
        <Link href="/">{t('session.back')}</Link>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {s.name}
      </h1>
      <p className="muted">
        {s.institutionName} ({s.brin}) · {s.expired ? t('session.expiredAt', { time: dateTime(s.expiresAt, i18n.language) }) : t('session.expiresAt', { time: dateTime(s.expiresAt, i18n.language) })}
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
  );
}
