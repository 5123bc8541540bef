import { Card, CardBody, CardHeader } from '@/components/ui/card';

/** How a receiver checks that a webhook came from this Warden and is fresh (the same rule as verifyWardenSignature). */
export function ReceiverHelp() {
  return (
    <Card aria-labelledby="receiver-help-heading">
      <CardHeader id="receiver-help-heading" title="Verifying webhooks" />
      <CardBody className="flex flex-col gap-2 text-sm text-gray-700">
        <p>
          Each webhook is a JSON <code className="font-mono text-xs">POST</code> with the headers{' '}
          <code className="font-mono text-xs">Warden-Event</code>,{' '}
          <code className="font-mono text-xs">Warden-Delivery</code> (the same id on every retry) and{' '}
          <code className="font-mono text-xs">Warden-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</code>.
        </p>
        <ol className="list-decimal space-y-1 pl-5">
          <li>
            Compute HMAC-SHA256 with the channel&apos;s secret over{' '}
            <code className="font-mono text-xs">&lt;t&gt;.&lt;raw body&gt;</code> (the bytes as received, before
            parsing).
          </li>
          <li>
            Compare it with <code className="font-mono text-xs">v1</code> in constant time; refuse on mismatch.
          </li>
          <li>
            Refuse if <code className="font-mono text-xs">t</code> is more than 5 minutes from your clock: a captured
            request cannot be replayed later.
          </li>
          <li>
            Answer 2xx quickly. Anything else is retried with growing delays; skip a{' '}
            <code className="font-mono text-xs">Warden-Delivery</code> id you already handled.
          </li>
        </ol>
        <p>
          Node receivers can use <code className="font-mono text-xs">verifyWardenSignature</code> from{' '}
          <code className="font-mono text-xs">lib/notifications/signature.ts</code>.
        </p>
      </CardBody>
    </Card>
  );
}
