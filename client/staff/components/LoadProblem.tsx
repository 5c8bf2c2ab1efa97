// What a page shows when its data could not be loaded.
import { useTranslation } from 'react-i18next';
import type { Load } from './use-load.ts';

export function LoadProblem({ load }: { load: Load<unknown> }) {
  const { t } = useTranslation('staff');
  if (load.state === 'loading') return <p>{t('app.loading')}</p>;
  if (load.state === 'ok') return null;
  const text = load.state === 'forbidden' ? t('errors.forbidden') : load.state === 'notFound' ? (load.message ?? t('errors.notFound')) : t('errors.unknown');
  return (
    <div className="notice notice-error" role="alert">
      <p>{text}</p>
    </div>
  );
}
