// Rekenhulp respons: how many completed questionnaires a group of N needs for a reliable result (95% confidence,
// ± 5 points by default), and with a number completed, whether that is reached and the margin it gives.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CalculatorResult } from '../../../server/api/staff-reports.ts';
import { ApiError } from '../../lib/api.ts';
import { HintedTextField } from '../../ui/HintedTextField.tsx';
import { fetchCalculation } from '../api/staff.ts';
import { sessionEnded } from '../auth-store.ts';
import { usePageHeading } from '../components/use-page-title.ts';
import { count, decimal } from '../components/format.ts';

interface Form {
  population: string;
  completed: string;
  margin: string;
  confidence: string;
}

const wholeNumber = (v: string) => /^\d{1,9}$/.test(v.trim());
/** A percentage as typed in Dutch or English (5, 5,5 or 5.5). */
const percentage = (v: string) => Number(v.trim().replace(',', '.'));

export default function CalculatorPage() {
  const { t, i18n } = useTranslation('staff');
  const lang = i18n.language;
  const heading = usePageHeading(t('calculator.heading'));
  const [result, setResult] = useState<CalculatorResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<Form>({ defaultValues: { population: '', completed: '', margin: '5', confidence: '0.95' } });
  const { errors, isSubmitting } = formState;

  async function onSubmit(f: Form) {
    setFailure(null);
    try {
      setResult(
        await fetchCalculation({
          population: Number(f.population.trim()),
          completed: f.completed.trim() === '' ? undefined : Number(f.completed.trim()),
          margin: percentage(f.margin) / 100,
          confidence: Number(f.confidence),
        }),
      );
    } catch (err) {
      if (sessionEnded(err)) return;
      setFailure(err instanceof ApiError ? err.message : t('errors.network'));
    }
  }

  const pct = (fraction: number) => decimal(fraction * 100, lang, 1);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('calculator.heading')}
      </h1>
      <form className="card" noValidate onSubmit={handleSubmit(onSubmit)} aria-labelledby="calc-form-heading">
        <h2 id="calc-form-heading">{t('calculator.formHeading')}</h2>
        <p>{t('calculator.intro')}</p>
        <HintedTextField
          id="calc-population"
          label={t('calculator.population')}
          hint={t('calculator.populationHint')}
          inputMode="numeric"
          autoComplete="off"
          error={errors.population?.message}
          {...register('population', { validate: (v) => wholeNumber(v) || t('calculator.errors.population') })}
        />
        <HintedTextField
          id="calc-completed"
          label={t('calculator.completed')}
          hint={t('calculator.completedHint')}
          inputMode="numeric"
          autoComplete="off"
          error={errors.completed?.message}
          {...register('completed', { validate: (v) => v.trim() === '' || wholeNumber(v) || t('calculator.errors.completed') })}
        />
        <HintedTextField
          id="calc-margin"
          label={t('calculator.margin')}
          hint={t('calculator.marginHint')}
          inputMode="decimal"
          autoComplete="off"
          error={errors.margin?.message}
          {...register('margin', { validate: (v) => (percentage(v) > 0 && percentage(v) < 100) || t('calculator.errors.margin') })}
        />
        <div className="field">
          <label htmlFor="calc-confidence">{t('calculator.confidence')}</label>
          <select id="calc-confidence" {...register('confidence')}>
            <option value="0.9">90%</option>
            <option value="0.95">95%</option>
            <option value="0.99">99%</option>
          </select>
        </div>
        {failure && (
          <div className="notice notice-error" role="alert">
            <p>{failure}</p>
          </div>
        )}
        <div className="actions">
          <button type="submit" className="button primary" disabled={isSubmitting}>
            {t('calculator.submit')}
          </button>
        </div>
      </form>
      <section className="card" aria-labelledby="calc-result-heading" aria-live="polite">
        <h2 id="calc-result-heading">{t('calculator.result')}</h2>
        {!result && <p className="muted">{t('calculator.noResult')}</p>}
        {result && (
          <>
            <p className="big-figure">{t('calculator.required', { n: count(result.required, lang), population: count(result.population, lang), margin: pct(result.margin), confidence: pct(result.confidence) })}</p>
            {result.completed !== null && (
              <>
                <p>{result.reached ? t('calculator.reached', { n: count(result.completed, lang) }) : t('calculator.notReached', { n: count(result.completed, lang), missing: count(Math.max(0, result.required - result.completed), lang) })}</p>
                <p>
                  {result.marginReached !== null
                    ? t('calculator.marginReached', { margin: pct(result.marginReached), confidence: pct(result.confidence) })
                    : t(`response.marginNote.${result.marginNote ?? 'no_completed'}`)}
                </p>
              </>
            )}
          </>
        )}
      </section>
    </>
  );
}
