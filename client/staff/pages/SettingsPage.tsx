// An institution's settings: whether bedrijfsgroep students count in the response overview (never in results).
// An institution user sees its own institution; an admin chooses one.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api.ts';
import { fetchInstitutions, fetchSettings, saveSettings } from '../api/staff.ts';
import { sessionEnded, useUser } from '../auth-store.ts';
import { usePageHeading } from '../components/use-page-title.ts';
import { useLoad } from '../components/use-load.ts';
import { LoadProblem } from '../components/LoadProblem.tsx';

function SettingsForm({ brin }: { brin: string }) {
  const { t } = useTranslation('staff');
  const [settings] = useLoad(() => fetchSettings(brin), brin);
  const [value, setValue] = useState<boolean | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (settings.state !== 'ok') return <LoadProblem load={settings} />;
  const checked = value ?? settings.value.bedrijfsgroepInRespons;

  async function onSave() {
    setMessage(null);
    try {
      const saved = await saveSettings(brin, checked);
      setValue(saved.bedrijfsgroepInRespons);
      setMessage({ ok: true, text: t('settings.saved') });
    } catch (err) {
      if (sessionEnded(err)) return;
      setMessage({ ok: false, text: err instanceof ApiError ? err.message : t('errors.unknown') });
    }
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void onSave();
      }}
    >
      <h2>{settings.value.name}</h2>
      <div className="field check">
        <input id="bedrijfsgroep" type="checkbox" checked={checked} onChange={(e) => setValue(e.target.checked)} aria-describedby="bedrijfsgroep-hint" />
        <label htmlFor="bedrijfsgroep">{t('settings.bedrijfsgroep')}</label>
      </div>
      <p id="bedrijfsgroep-hint" className="field-hint">
        {t('settings.bedrijfsgroepHint')}
      </p>
      <div className={message ? (message.ok ? 'notice' : 'notice notice-error') : undefined} role="status">
        {message && <p>{message.text}</p>}
      </div>
      <div className="actions">
        <button type="submit" className="button primary">
          {t('settings.save')}
        </button>
      </div>
    </form>
  );
}

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
        {brin ? <SettingsForm key={brin} brin={brin} /> : <LoadProblem load={institutions.state === 'ok' ? { state: 'ok', value: null } : institutions} />}
      </section>
    </>
  );
}
