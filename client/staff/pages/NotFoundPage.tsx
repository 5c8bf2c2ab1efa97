// A staff address that does not exist.
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { usePageHeading } from '../components/use-page-title.ts';

export default function NotFoundPage() {
  const { t } = useTranslation('staff');
  const heading = usePageHeading(t('notFound.heading'));
  return (
    <section className="card">
      <h1 ref={heading} tabIndex={-1}>
        {t('notFound.heading')}
      </h1>
      <p>
        <Link href="/">{t('notFound.back')}</Link>
      </p>
    </section>
  );
}
