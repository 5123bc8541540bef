import { ShowAllButton } from '@/components/clipped-text';
import { InertText } from '@/components/inert-text';
import { paramFields, type FieldType } from '@/lib/review/param-fields';
import { ValueText } from './value-text';

const TYPE_STYLES: Record<FieldType, string> = {
  string: 'text-emerald-800 bg-emerald-50 ring-emerald-200',
  integer: 'text-blue-800 bg-blue-50 ring-blue-200',
  number: 'text-blue-800 bg-blue-50 ring-blue-200',
  boolean: 'text-violet-800 bg-violet-50 ring-violet-200',
  null: 'text-gray-700 bg-gray-100 ring-gray-300',
  array: 'text-amber-900 bg-amber-50 ring-amber-200',
  object: 'text-amber-900 bg-amber-50 ring-amber-200',
  hidden: 'text-gray-700 bg-gray-100 ring-gray-300',
};

/** Fields listed before "Show all": an agent can send thousands, and the raw JSON below holds them all anyway. */
const FIELD_LIMIT = 100;

/**
 * Each submitted field with its JSON type, so "42" (text) and 42 (a number) cannot be mistaken for one another. Long
 * values and long lists are clipped; `show` names the one the reviewer asked to see in full (ClippedText).
 */
export function ParamFieldsTable({
  params,
  maskedPaths,
  show,
}: {
  params: Record<string, unknown>;
  maskedPaths: string[];
  show: string | null;
}) {
  const all = paramFields(params, maskedPaths);
  if (all.length === 0) return <p className="px-4 py-3 text-sm text-gray-600 sm:px-5">No parameters.</p>;
  const fields = show === 'fields' ? all : all.slice(0, FIELD_LIMIT);
  return (
    <>
      <table className="w-full text-sm sm:table-fixed" data-testid="param-fields">
        <caption className="sr-only">Parameters with their types</caption>
        <thead className="hidden border-b border-gray-200 bg-gray-50 text-left text-xs font-medium text-gray-600 sm:table-header-group">
          <tr>
            <th scope="col" className="w-1/3 px-5 py-2">
              Field
            </th>
            <th scope="col" className="w-20 px-2 py-2">
              Type
            </th>
            <th scope="col" className="px-3 py-2">
              Value
            </th>
          </tr>
        </thead>
        {/* On narrow screens each field is a small block: name and type on one line, the value below at full width. */}
        <tbody className="divide-y divide-gray-100">
          {fields.map((field) => (
            <tr
              key={field.path}
              data-field={field.path}
              className="flex flex-wrap items-baseline gap-x-2 gap-y-1 px-4 py-2 sm:table-row sm:p-0"
            >
              <th scope="row" className="min-w-0 text-left align-top font-normal sm:px-5 sm:py-2">
                <code className="font-mono text-[13px] break-words text-gray-900">
                  <InertText text={field.path} />
                </code>
              </th>
              <td className="align-top sm:px-2 sm:py-2">
                <span
                  className={`inline-block rounded px-1.5 py-px font-mono text-[11px] ring-1 ring-inset ${TYPE_STYLES[field.type]}`}
                >
                  {field.type}
                </span>
              </td>
              <td className="w-full min-w-0 align-top text-gray-900 sm:w-auto sm:px-3 sm:py-2">
                {field.type === 'hidden' ? (
                  <span className="text-gray-500">hidden from your role</span>
                ) : (
                  <ValueText
                    value={field.value}
                    showKey={`field:${field.path}`}
                    shown={show === `field:${field.path}`}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {all.length > fields.length ? (
        <div className="border-t border-gray-100 px-4 py-2 sm:px-5">
          <ShowAllButton showKey="fields" hidden={all.length - fields.length} unit="fields" />
        </div>
      ) : null}
    </>
  );
}
