// Upload, check, confirm: a chosen (or dropped) file is sent to be checked; the report shows in the page before
// anything is stored; an accepted file is stored only when confirmed. A refused file changes nothing.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { LabelUploadCheck, LabelCheckReport } from '../../../server/api/staff-labels.ts';
import { ApiError } from '../../lib/api.ts';
import { cancelLabelFile, confirmLabelFile, uploadLabelFile } from '../api/staff.ts';
import { sessionEnded } from '../auth-store.ts';
import { count } from '../components/format.ts';
import { CheckReport } from './CheckReport.tsx';
import { FileDrop } from './FileDrop.tsx';

/** The labels service's limit (server/services/labels/read-file.ts): refused here before sending. */
const MAX_BYTES = 50 * 1024 * 1024;

type Step =
  | { step: 'choose' }
  | { step: 'checking' }
  | { step: 'checked'; check: LabelUploadCheck }
  | { step: 'confirming'; check: LabelUploadCheck }
  | { step: 'done'; report: LabelCheckReport };

/** `onChange`: after a check or a confirm, when the history may have changed (a refusal or a new file). */
export function LabelUpload({ brin, responsePath, onChange }: { brin: string; responsePath: string; onChange: () => void }) {
  const { t, i18n } = useTranslation('staff');
  const lang = i18n.language;
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<Step>({ step: 'choose' });
  const [problem, setProblem] = useState<string | null>(null);
  const result = useRef<HTMLHeadingElement>(null);
  const busy = state.step === 'checking' || state.step === 'confirming';

  // The outcome of a check or a confirm takes the focus: screen reader and keyboard users land on it.
  useEffect(() => {
    if (state.step === 'checked' || state.step === 'done') result.current?.focus();
  }, [state.step]);

  const failed = (err: unknown) => {
    if (sessionEnded(err)) return;
    setProblem(err instanceof ApiError ? err.message : t('errors.network'));
  };

  async function check() {
    if (!file) return setProblem(t('labels.noFile'));
    if (file.size > MAX_BYTES) return setProblem(t('labels.tooLarge', { mb: MAX_BYTES / 1024 / 1024 }));
    setProblem(null);
    setState({ step: 'checking' });
    try {
      setState({ step: 'checked', check: await uploadLabelFile(brin, file) });
      onChange();
    } catch (err) {
      setState({ step: 'choose' });
      failed(err);
    }
  }

  async function confirm(check: LabelUploadCheck) {
    setState({ step: 'confirming', check });
    try {
      const { report } = await confirmLabelFile(brin, check.upload!.id);
      setState({ step: 'done', report });
      setFile(null);
      onChange();
    } catch (err) {
      setState({ step: 'checked', check });
      failed(err);
    }
  }

  async function cancel(check: LabelUploadCheck) {
    await cancelLabelFile(brin, check.upload!.id).catch(() => undefined); // it expires by itself otherwise
    setState({ step: 'choose' });
    setFile(null);
  }

  const report = state.step === 'checked' || state.step === 'confirming' ? state.check.report : state.step === 'done' ? state.report : null;
  const verdict = (r: LabelCheckReport) => {
    const errors = Object.values(r.counts.errors).reduce<number>((s, n) => s + (n ?? 0), 0);
    if (!r.accepted) return { ok: false, text: t('labels.refused', { count: errors, n: count(errors, lang) }) };
    if (r.dryRun) return { ok: true, text: r.preview && !r.preview.current ? `${t('labels.acceptedCheck')} ${t('labels.notCurrent')}` : t('labels.acceptedCheck') };
    return { ok: true, text: r.labelFile?.current ? t('labels.stored') : `${t('labels.storedNotCurrent')}` };
  };

  return (
    <section className="card" aria-labelledby="upload-heading">
      <h2 id="upload-heading">{t('labels.uploadHeading')}</h2>
      <p>{t('labels.uploadIntro')}</p>
      <FileDrop
        file={file}
        disabled={busy}
        onFile={(f) => {
          setFile(f);
          setProblem(null);
          if (state.step !== 'choose' && state.step !== 'done') return;
          setState({ step: 'choose' });
        }}
      />
      {problem && (
        <div className="notice notice-error" role="alert">
          <p>{problem}</p>
        </div>
      )}
      <div className="actions">
        <button type="button" className="button primary" disabled={busy} onClick={() => void check()}>
          {state.step === 'checking' ? t('labels.checking') : t('labels.check')}
        </button>
      </div>
      <div role="status" className="sr-only">
        {busy ? (state.step === 'checking' ? t('labels.checking') : t('labels.confirming')) : ''}
      </div>

      {report && (
        <div className="report">
          <h3 ref={result} tabIndex={-1} className="report-heading">
            {report.dryRun ? t('labels.reportHeading', { name: report.fileName }) : t('labels.importHeading', { name: report.fileName })}
          </h3>
          <div className={verdict(report).ok ? 'notice notice-ok' : 'notice notice-error'}>
            <p>{verdict(report).text}</p>
            {state.step === 'done' && report.accepted && (
              <p>
                <Link href={responsePath}>{t('labels.seeResponse')}</Link>
              </p>
            )}
          </div>
          {(state.step === 'checked' || state.step === 'confirming') && state.check.upload && (
            <div className="actions">
              <button type="button" className="button primary" disabled={busy} onClick={() => void confirm(state.check)}>
                {state.step === 'confirming' ? t('labels.confirming') : t('labels.confirm')}
              </button>
              <button type="button" className="button" disabled={busy} onClick={() => void cancel(state.check)}>
                {t('labels.cancel')}
              </button>
            </div>
          )}
          <CheckReport report={report} />
        </div>
      )}
    </section>
  );
}
