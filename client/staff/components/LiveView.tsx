// The live view of a class: how many joined, logged in, are answering and completed; login problems by reason
// (who needs help at the door); per page how many students are on it now and the class's median time there
// beside the national median. Counts only. The counts change every second, so they are not a live region;
// the connection state is.
import { useTranslation } from 'react-i18next';
import type { LiveSnapshot, LoginFailureReason } from '../../../server/api/staff.ts';
import { duration, time } from './format.ts';
import type { Connection } from './use-live.ts';

const COUNTS = ['joined', 'loggedIn', 'answering', 'completed'] as const;
const FAILURES: LoginFailureReason[] = ['not_found', 'ambiguous', 'locked', 'completed'];

export function LiveView({ snapshot, connection, onReconnect }: { snapshot: LiveSnapshot | null; connection: Connection; onReconnect: () => void }) {
  const { t, i18n } = useTranslation('staff');
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const failures = snapshot ? FAILURES.reduce((n, f) => n + snapshot.failures[f], 0) : 0;
  const busiest = snapshot ? Math.max(1, ...snapshot.pages.map((p) => p.studentsNow)) : 1;
  return (
    <section className="card live" aria-labelledby="live-heading">
      <div className="live-head">
        <h2 id="live-heading">{t('live.heading')}</h2>
        <p role="status" className={`connection connection-${connection}`}>
          {t(`live.connection.${connection}`)}
          {snapshot && connection === 'live' ? ` · ${t('live.updated', { time: time(snapshot.at, lang) })}` : ''}
        </p>
      </div>
      {connection === 'closed' && (
        <button type="button" className="button small" onClick={onReconnect}>
          {t('live.reconnect')}
        </button>
      )}
      {snapshot?.expired && <p className="notice">{t('live.expired')}</p>}
      {snapshot && (
        <>
          <dl className="counts">
            {COUNTS.map((c) => (
              <div key={c} className="count">
                <dt>{t(`live.counts.${c}`)}</dt>
                <dd data-count={c}>{snapshot[c]}</dd>
              </div>
            ))}
          </dl>

          <h3>{t('live.failures.heading')}</h3>
          <p className="muted">{failures > 0 ? t('live.failures.help') : t('live.failures.none')}</p>
          <dl className="failures">
            {FAILURES.map((f) => (
              <div key={f} className={snapshot.failures[f] > 0 ? 'failure has-failures' : 'failure'}>
                <dt>{t(`live.failures.${f}`)}</dt>
                <dd data-failure={f}>{snapshot.failures[f]}</dd>
              </div>
            ))}
          </dl>

          <h3 id="pages-heading">{t('live.pages.heading')}</h3>
          <p className="muted">{t('live.pages.help', { min: 3 })}</p>
          <div className="table-wrap">
            <table className="pages" aria-labelledby="pages-heading">
              <thead>
                <tr>
                  <th scope="col">{t('live.pages.page')}</th>
                  <th scope="col">{t('live.pages.now')}</th>
                  <th scope="col">{t('live.pages.classMedian')}</th>
                  <th scope="col">{t('live.pages.nationalMedian')}</th>
                </tr>
              </thead>
              <tbody>
                {snapshot.pages.map((p) => {
                  const slower = p.classMedianSeconds !== null && p.nationalMedianSeconds !== null && p.classMedianSeconds > p.nationalMedianSeconds * 1.5;
                  return (
                    <tr key={p.pageId} data-page={p.pageId}>
                      <th scope="row">{p.title[lang]}</th>
                      <td data-now={p.studentsNow}>
                        <span className="bar" aria-hidden="true">
                          <span style={{ inlineSize: `${(100 * p.studentsNow) / busiest}%` }} />
                        </span>
                        {p.studentsNow}
                      </td>
                      <td className={slower ? 'slower' : undefined}>
                        {duration(p.classMedianSeconds)}
                        {slower && <span className="sr-only"> ({t('live.pages.slower')})</span>}
                      </td>
                      <td>{duration(p.nationalMedianSeconds)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
