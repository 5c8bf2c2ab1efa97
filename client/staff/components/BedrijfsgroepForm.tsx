// The institution's bedrijfsgroep setting: whether bedrijfsgroep students count in the response overview (never
// in results). On the settings page and beside the response overview, which it changes.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api.ts';
import { fetchSettings, saveSettings } from '../api/staff.ts';
import { sessionEnded } from '../auth-store.ts';
import { useLoad } from './use-load.ts';
import { LoadProblem } from './LoadProblem.tsx';

export function BedrijfsgroepForm({ brin, heading, onSaved }: { brin: string; heading: 'name' | 'setting'; onSaved?: () => void }) {
  const { t } = useTranslation('staff');
  const [settings] = useLoad(() => fetchSettings(brin), brin);
  const [value, setValue] = useState<boolean | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (settings.state !== 'ok') return <LoadProblem load={settings} />;
  const checked = value ?? settings.value.bedrijfsgroepInRespons;
  const id = `bedrijfsgroep-${brin}`;

  async function onSave() {
    setMessage(null);
    try {
      const saved = await saveSettings(brin, checked);
      setValue(saved.bedrijfsgroepInRespons);
      setMessage({ ok: true, text: t('settings.saved') });
      onSaved?.();
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
      <h2>{heading === 'name' ? settings.value.name : t('settings.bedrijfsgroepHeading')}</h2>
      <div className="field check">
        <input id={id} type="checkbox" checked={checked} onChange={(e) => setValue(e.target.checked)} aria-describedby={`${id}-hint`} />
        <label htmlFor={id}>{t('settings.bedrijfsgroep')}</label>
      </div>
      <p id={`${id}-hint`} className="field-hint">
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
