// An institution's settings: whether bedrijfsgroep students count in the response overview (never in results).
// An institution user sees its own institution; an admin chooses one.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchInstitutions } from '../api/staff.ts';
import { useUser } from '../auth-store.ts';
import { BedrijfsgroepForm } from '../components/BedrijfsgroepForm.tsx';
import { usePageHeading } from '../components/use-page-title.ts';
import { useLoad } from '../components/use-load.ts';
import { LoadProblem } from '../components/LoadProblem.tsx';

export default function SettingsPage() {
  const { t } = useTranslation('staff');
  const heading = usePageHeading(t('settings.heading'));
  const user = useUser();
  const own = user !== null && user !== 'unknown' ? user.brin : null;
  const [institutions] = useLoad(fetchInstitutions);
  const [chosen, setChosen] = useState('');
  const brin = own ?? chosen;
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('settings.heading')}
      </h1>
      <section className="card">
        {!own && (
          <div className="field">
            <label htmlFor="settings-brin">{t('sessions.institution')}</label>
            <select id="settings-brin" value={chosen} onChange={(e) => setChosen(e.target.value)}>
              <option value="">{t('sessions.chooseInstitution')}</option>
              {institutions.state === 'ok' &&
                institutions.value.map((i) => (
                  <option key={i.brin} value={i.brin}>
                    {i.name} ({i.brin})
                  </option>
                ))}
            </select>
          </div>
        )}
        {brin ? <BedrijfsgroepForm key={brin} brin={brin} heading="name" /> : <LoadProblem load={institutions.state === 'ok' ? { state: 'ok', value: null } : institutions} />}
      </section>
    </>
  );
}
