import type { FieldRow } from "./schema-text";

/** Fields of a request body or query string: name, type, required, rules. */
export function SchemaFields({ rows, caption }: { rows: FieldRow[]; caption: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line">
      <table className="w-full text-left text-sm">
        <caption className="px-3 py-2 text-left text-xs font-medium tracking-wide text-muted uppercase">{caption}</caption>
        <thead className="border-y border-line bg-surface-muted text-xs text-muted">
          <tr>
            <th scope="col" className="px-3 py-1.5 font-medium">
              Field
            </th>
            <th scope="col" className="px-3 py-1.5 font-medium">
              Type
            </th>
            <th scope="col" className="px-3 py-1.5 font-medium">
              Required
            </th>
            <th scope="col" className="px-3 py-1.5 font-medium">
              Rules
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((row) => (
            <tr key={row.name} className="align-top">
              <th scope="row" className="px-3 py-1.5 font-mono text-xs font-medium whitespace-nowrap">
                {row.name}
              </th>
              <td className="min-w-32 px-3 py-1.5 font-mono text-xs break-words text-muted">{row.type}</td>
              <td className="px-3 py-1.5 text-xs">{row.required ? "required" : <span className="text-muted">optional</span>}</td>
              <td className="min-w-40 px-3 py-1.5 text-xs text-muted">
                {row.rules.length ? (
                  <ul className="space-y-0.5">
                    {row.rules.map((rule) => (
                      <li key={rule} className="break-all">
                        {rule}
                      </li>
                    ))}
                  </ul>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
