import { OneTimeValue } from '@/components/one-time-value';
import { formatUtc } from '@/components/format-time';

/** A one-time password just issued, shown this one time (the console never shows it again). */
export function OneTimePassword({
  email,
  password,
  expiresAt,
  note,
}: {
  email: string;
  password: string;
  expiresAt: string;
  note: string;
}) {
  return (
    <div className="flex flex-col gap-2 rounded-md border border-amber-200 bg-amber-50 p-3">
      <p role="status" className="text-sm text-gray-800">
        {note}
      </p>
      <OneTimeValue
        id={`one-time-password-${email}`}
        label={`One-time password for ${email}`}
        value={password}
        copyLabel="Copy password"
        warning={`Give it to ${email} now: it will not be shown again. It must be changed at the first sign-in and stops working at ${formatUtc(expiresAt)}.`}
      />
    </div>
  );
}
