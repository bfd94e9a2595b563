import type { ReactNode } from 'react';

interface Props {
  /** What the table lists, for assistive technology ("Transactions, newest first"). */
  label: string;
  /** An extra class for the table's own column widths. */
  className: string;
  columns: readonly string[];
  /** The rows. */
  children: ReactNode;
}

/** A scrollable table of records (transactions, deliveries) under one header row. */
export function RecordsTable({ label, className, columns, children }: Props) {
  return (
    <div className="table-scroll">
      <table className={`records ${className}`} aria-label={label}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
