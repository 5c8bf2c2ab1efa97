// The response overview: an institution user sees its own institution; an admin the national overview, and any
// institution's (/respons/:brin). Observers have no response figures (the server refuses them too).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useUser } from '../auth-store.ts';
import { usePageHeading } from '../components/use-page-title.ts';
import { LoadProblem } from '../components/LoadProblem.tsx';
import { InstitutionPicker } from '../components/InstitutionPicker.tsx';
import { InstitutionResponse } from '../response/InstitutionResponse.tsx';
import { NationalResponse } from '../response/NationalResponse.tsx';

export default function ResponsePage({ brin }: { brin?: string }) {
  const { t } = useTranslation('staff');
  const user = useUser();
  const me = user !== null && user !== 'unknown' ? user : null;
  const target = brin ?? (me?.role === 'institution' ? me.brin : null);
  const [name, setName] = useState<string | null>(null);
  const title = target ? (name ? t('response.headingOf', { name }) : t('response.heading')) : t('response.nationalHeading');
  const heading = usePageHeading(title);
  return (
    <>
      {brin && me?.role === 'admin' && (
        <p className="breadcrumb">
          <Link href="/respons">{t('response.backToNational')}</Link>
        </p>
      )}
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {me?.role === 'observer' ? (
        <LoadProblem load={{ state: 'forbidden' }} />
      ) : target ? (
        <InstitutionResponse key={target} brin={target} onName={setName} />
      ) : (
        <>
          <section className="card">
            <InstitutionPicker id="response-brin" to={(b) => `/respons/${b}`} />
          </section>
          <NationalResponse />
        </>
      )}
    </>
  );
}
