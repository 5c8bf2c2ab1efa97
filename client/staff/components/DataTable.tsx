// A plain table of figures: the first cell of each row is its header. In a scrollable region of its own (focusable,
// named by the caption) so a wide table never makes the page scroll sideways on a phone.
import { useId, type ReactNode } from 'react';

export interface DataRow {
  key: string;
  cells: ReactNode[];
  className?: string;
}

/** `textColumns`: indexes of columns holding text rather than figures (left-aligned, wrapping). */
export function DataTable({ caption, columns, rows, captionHidden = false, textColumns = [] }: { caption: string; columns: string[]; rows: DataRow[]; captionHidden?: boolean; textColumns?: number[] }) {
  const id = useId();
  // The caption is read with the table; its visible copy sits above the scrolling region, so it wraps to the page's
  // width instead of the table's.
  return (
    <>
      {!captionHidden && (
        <p className="table-title" aria-hidden="true">
          {caption}
        </p>
      )}
      <div className="table-wrap" role="region" aria-labelledby={id} tabIndex={0}>
        <table className="figures">
          <caption id={id} className="sr-only">
            {caption}
          </caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={r.className}>
              {r.cells.map((c, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {c}
                  </th>
                ) : (
                  <td key={i} className={textColumns.includes(i) ? 'text' : undefined}>
                    {c}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        </table>
      </div>
    </>
  );
}
