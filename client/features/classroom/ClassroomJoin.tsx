// On the login page: the classroom session the student takes part in. Opened through the classroom link
// (/?klas=CODE) it joins at once and fills in the school; otherwise the student may type the code.
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CLASSROOM_LINK_PARAM } from '../../../server/api/endpoints.ts';
import { ApiError } from '../../lib/api.ts';
import i18next from 'i18next';
import { joinClassroom, useClassroomStore } from './classroom-store.ts';
import classroomNl from '../../locales/nl/classroom.json';
import classroomEn from '../../locales/en/classroom.json';

/** This feature brings its own strings (namespace "classroom"), added once i18next is set up. */
function addStrings(): void {
  if (i18next.hasResourceBundle('nl', 'classroom')) return;
  i18next.addResourceBundle('nl', 'classroom', classroomNl);
  i18next.addResourceBundle('en', 'classroom', classroomEn);
}

type Problem = 'unknown' | 'invalid' | 'network';
const CODE = /^[A-HJKMNP-Z2-9]{6}$/;

export function ClassroomJoin({ onSchool }: { onSchool: (brin: string) => void }) {
  addStrings();
  const { t } = useTranslation('classroom');
  const joined = useClassroomStore((s) => s.joined);
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function join(typed: string) {
    const normalised = typed.replace(/[\s-]/g, '').toUpperCase();
    setProblem(null);
    if (!CODE.test(normalised)) return setProblem('invalid');
    setBusy(true);
    try {
      onSchool((await joinClassroom(normalised)).brin);
    } catch (err) {
      setProblem(err instanceof ApiError && (err.is('classroom_code_unknown') || err.is('invalid_input')) ? 'unknown' : 'network');
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    const fromLink = new URLSearchParams(location.search).get(CLASSROOM_LINK_PARAM);
    const kept = useClassroomStore.getState().joined;
    if (fromLink && fromLink !== kept?.code) {
      joinClassroom(fromLink).then(
        (r) => onSchool(r.brin),
        (err: unknown) => setProblem(err instanceof ApiError && err.status < 500 ? 'unknown' : 'network'),
      );
    }
    else if (kept) onSchool(kept.brin);
    // Once, when the login page opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (joined) {
    return (
      <div className="notice" role="status">
        <p>{t('joined', { name: joined.name, school: joined.institutionName })}</p>
        <button type="button" className="link" onClick={() => useClassroomStore.getState().leftClass()}>
          {t('leave')}
        </button>
      </div>
    );
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault(); // joins; does not submit the login
      void join(code);
    }
  };
  return (
    <div className="field">
      <label htmlFor="classroom-code">{t('codeLabel')}</label>
      <p id="classroom-code-hint" className="field-hint">
        {t('codeHint')}
      </p>
      <div className="number-field">
        <input
          id="classroom-code"
          type="text"
          className="input-code"
          value={code}
          maxLength={8}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-describedby={problem ? 'classroom-code-hint classroom-code-error' : 'classroom-code-hint'}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => setCode(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="button" disabled={busy || code.trim() === ''} onClick={() => void join(code)}>
          {t('join')}
        </button>
      </div>
      {problem && (
        <p id="classroom-code-error" className="field-error" role="alert">
          {t(problem)}
        </p>
      )}
    </div>
  );
}
