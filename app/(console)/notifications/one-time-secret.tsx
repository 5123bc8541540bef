'use client';

import { Check, Copy, TriangleAlert } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input, Label } from '@/components/ui/field';

/** A new channel's signing secret, shown this one time (the console never shows it again). */
export function OneTimeSecret({ name, kind, secret }: { name: string; kind: string; secret: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      document.getElementById('channel-secret')?.focus();
    }
  };
  return (
    <div className="flex flex-col gap-2 rounded-md border border-amber-200 bg-amber-50 p-3">
      <p role="status" className="text-sm text-gray-800">Channel {name} created.</p>
      {kind === 'webhook' ? (
        <>
          <p className="flex gap-2 text-sm font-medium text-amber-900">
            <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
            Copy the signing secret now and give it to the receiver: it will not be shown again.
          </p>
          <div>
            <Label htmlFor="channel-secret">Signing secret</Label>
            <div className="flex gap-2">
              <Input id="channel-secret" readOnly value={secret} className="font-mono text-xs" onFocus={(e) => e.target.select()} />
              <Button variant="secondary" onClick={copy} aria-label="Copy secret">
                {copied ? <Check aria-hidden className="size-4" /> : <Copy aria-hidden className="size-4" />}
                {copied ? 'Copied' : 'Copy'}
              </Button>
            </div>
          </div>
        </>
      ) : (
        <p className="text-sm text-gray-700">Slack checks no signature: keep the webhook URL itself secret.</p>
      )}
    </div>
  );
}
