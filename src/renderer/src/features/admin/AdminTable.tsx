import type { ReactNode } from 'react';

/** The admin area's table: column headers in order, the rows (each with its row header) given. */
export function AdminTable({
  columns,
  className,
  children,
}: {
  columns: readonly string[];
  className?: string;
  children: ReactNode;
}) {
  return (
    <table className={className ? `admin-table ${className}` : 'admin-table'}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col" key={column}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
