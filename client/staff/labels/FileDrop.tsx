// Choosing a label file: the browser's own file input (keyboard and screen readers know it), and the same area
// takes a file dragged onto it.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { count } from '../components/format.ts';

export function FileDrop({ file, onFile, disabled }: { file: File | null; onFile: (f: File) => void; disabled: boolean }) {
  const { t, i18n } = useTranslation('staff');
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // The input shows the file in hand: a dropped one, and none once it has been dealt with.
  useEffect(() => {
    const el = input.current;
    if (!el || el.files?.[0] === file) return;
    if (file === null) el.value = '';
    else {
      const transfer = new DataTransfer();
      transfer.items.add(file);
      el.files = transfer.files;
    }
  }, [file]);
  return (
    <div
      className={over ? 'drop over' : 'drop'}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const f = e.dataTransfer.files[0];
        if (f && !disabled) onFile(f);
      }}
    >
      <div className="field">
        <label htmlFor="label-file">{t('labels.chooseFile')}</label>
        <p id="label-file-hint" className="field-hint">
          {t('labels.chooseHint')}
        </p>
        <input
          ref={input}
          id="label-file"
          type="file"
          accept=".xlsx,.csv,.txt"
          aria-describedby="label-file-hint"
          disabled={disabled}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) onFile(f);
          }}
        />
      </div>
      <p className="drop-text" aria-hidden="true">
        {t('labels.dropHere')}
      </p>
      {file && (
        <p className="chosen">
          {t('labels.chosen', { name: file.name, size: count(Math.ceil(file.size / 1024), i18n.language) })}
        </p>
      )}
    </div>
  );
}
