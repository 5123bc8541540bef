import { Label } from '@/components/ui/field';

export type FieldIds = { control: string; help: string; error: string };

/** Label (with the required mark), help text and errors around one control, wired with aria-describedby. */
export function FieldFrame({
  ids,
  label,
  required,
  description,
  note,
  errors,
  children,
  labelAfter = false,
}: {
  ids: FieldIds;
  label: string;
  required: boolean;
  description: string | null;
  note?: string | null;
  errors: string[];
  children: React.ReactNode;
  /** Checkboxes put the label after the box. */
  labelAfter?: boolean;
}) {
  const labelEl = (
    <Label htmlFor={ids.control} className={labelAfter ? 'mb-0' : undefined}>
      {label}
      {required ? <RequiredMark /> : null}
    </Label>
  );
  return (
    <div data-field={ids.control}>
      {labelAfter ? (
        <div className="flex items-center gap-2">
          {children}
          {labelEl}
        </div>
      ) : (
        <>
          {labelEl}
          {children}
        </>
      )}
      {description || note ? (
        <p id={ids.help} className="mt-1 text-xs text-gray-600">
          {[description, note].filter(Boolean).join(' ')}
        </p>
      ) : null}
      <FieldErrors id={ids.error} errors={errors} />
    </div>
  );
}

export function RequiredMark() {
  return (
    <>
      <span aria-hidden className="ml-0.5 text-red-600">
        *
      </span>
      <span className="sr-only"> (required)</span>
    </>
  );
}

export function FieldErrors({ id, errors }: { id: string; errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <ul id={id} className="mt-1 text-sm text-red-700">
      {errors.map((message, index) => (
        <li key={index}>{message}</li>
      ))}
    </ul>
  );
}

/** aria props for a control: invalid when it has errors, described by its help and its errors. */
export function describedBy(ids: FieldIds, hasHelp: boolean, errors: string[]) {
  const by = [hasHelp ? ids.help : null, errors.length ? ids.error : null].filter(Boolean).join(' ');
  return { 'aria-invalid': errors.length > 0 || undefined, 'aria-describedby': by || undefined };
}
