// Staff accounts (admins only): who can sign in, with which role. Accounts are made with the job-monitor command.
import { useTranslation } from 'react-i18next';
import { fetchUsers } from '../api/staff.ts';
import { usePageHeading } from '../components/use-page-title.ts';
import { useLoad } from '../components/use-load.ts';
import { LoadProblem } from '../components/LoadProblem.tsx';
import { dateTime } from '../components/format.ts';

export default function UsersPage() {
  const { t, i18n } = useTranslation('staff');
  const heading = usePageHeading(t('users.heading'));
  const [users] = useLoad(fetchUsers);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('users.heading')}
      </h1>
      <section className="card">
        <p>{t('users.intro')}</p>
        <LoadProblem load={users} />
        {users.state === 'ok' && (
          <div className="table-wrap">
            <table>
              <caption className="sr-only">{t('users.heading')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('users.email')}</th>
                  <th scope="col">{t('users.role')}</th>
                  <th scope="col">{t('users.brin')}</th>
                  <th scope="col">{t('users.passwordChanged')}</th>
                </tr>
              </thead>
              <tbody>
                {users.value.map((u) => (
                  <tr key={u.email}>
                    <th scope="row" className="break">
                      {u.email}
                    </th>
                    <td>{t(`roles.${u.role}`)}</td>
                    <td>{u.brin ?? '–'}</td>
                    <td>{dateTime(u.passwordChangedAt, i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
