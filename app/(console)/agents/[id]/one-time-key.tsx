import { OneTimeValue } from '@/components/one-time-value';

/** A freshly made key, shown this one time in a read-only field with a copy button. */
export function OneTimeKey({ id, value, children }: { id: string; value: string; children?: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-2 rounded-md border border-amber-200 bg-amber-50 p-3">
      <OneTimeValue
        id={id}
        label="New key"
        value={value}
        copyLabel="Copy key"
        warning="Copy this key now. Warden keeps only its hash and cannot show it again."
      >
        {children}
      </OneTimeValue>
    </div>
  );
}
