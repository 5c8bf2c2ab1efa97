// Each staff page sets the document title and moves focus to its heading when it opens (screen readers and
// keyboard users land on the new page, not on the link they left).
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export function usePageHeading(title: string) {
  const { t } = useTranslation('staff');
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t('app.title')}`;
  }, [title, t]);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
