import { OneTimeValue } from '@/components/one-time-value';

/** A new channel's signing secret, shown this one time (the console never shows it again). */
export function OneTimeSecret({ name, kind, secret }: { name: string; kind: string; secret: string }) {
  return (
    <div className="flex flex-col gap-2 rounded-md border border-amber-200 bg-amber-50 p-3">
      <p role="status" className="text-sm text-gray-800">
        Channel {name} created.
      </p>
      {kind === 'webhook' ? (
        <OneTimeValue
          id="channel-secret"
          label="Signing secret"
          value={secret}
          copyLabel="Copy secret"
          warning="Copy the signing secret now and give it to the receiver: it will not be shown again."
        />
      ) : (
        <p className="text-sm text-gray-700">Slack checks no signature: keep the webhook URL itself secret.</p>
      )}
    </div>
  );
}
