'use client';

import { useState, useTransition } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { ConfirmDialog } from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Input, Label, Textarea } from '@/components/ui/field';
import { setRequesterKeyMutation } from './key-mutations';

type Props = { agentId: string; savedKey: string | null; savedIssuer: string | null };

/** The public key that verifies the signed "acting for" assertions this agent forwards; remove it to accept none. */
export function RequesterKeyForm({ agentId, savedKey, savedIssuer }: Props) {
  const [key, setKey] = useState(savedKey ?? '');
  const [issuer, setIssuer] = useState(savedIssuer ?? '');
  const [result, setResult] = useState<{ ok: true; message: string } | { ok: false; error: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const save = async (next: string | null) => {
    const outcome = await setRequesterKeyMutation({ agentId, key: next, issuer });
    if (!outcome.ok) return setResult(outcome);
    if (next === null) {
      setKey('');
      setIssuer('');
    }
    setResult({
      ok: true,
      message: next === null ? 'Requester key removed: assertions are no longer accepted.' : 'Requester key saved.',
    });
  };

  return (
    <Card aria-labelledby="agent-requester-key">
      <CardHeader
        id="agent-requester-key"
        title="Requester key"
        description={
          savedKey
            ? `Assertions are verified with this key${savedIssuer ? ` (issuer ${savedIssuer})` : ''}.`
            : 'None: this agent cannot prove whom it acts for.'
        }
      />
      <CardBody>
        <form
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            startTransition(() => save(key));
          }}
        >
          <div>
            <Label htmlFor="requester-key">Requester public key (PEM or JWK)</Label>
            <Textarea
              id="requester-key"
              className="font-mono text-xs"
              spellCheck={false}
              value={key}
              onChange={(e) => setKey(e.target.value)}
              placeholder="-----BEGIN PUBLIC KEY-----"
            />
          </div>
          <div className="max-w-md">
            <Label htmlFor="requester-issuer">Issuer</Label>
            <Input
              id="requester-issuer"
              value={issuer}
              onChange={(e) => setIssuer(e.target.value)}
              placeholder="Optional: the iss the assertions must carry"
            />
          </div>
          {result && !result.ok ? <ErrorAlert>{result.error}</ErrorAlert> : null}
          {result?.ok ? (
            <p role="status" className="text-sm text-emerald-800">
              {result.message}
            </p>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={pending || !key.trim()} aria-busy={pending}>
              Save requester key
            </Button>
            {savedKey ? (
              <ConfirmDialog
                triggerLabel="Remove"
                triggerVariant="secondary"
                title="Remove the requester key?"
                description="Assertions this agent forwards will no longer verify; grants that require a verified requester will block its calls."
                confirmLabel="Remove requester key"
                onConfirm={() => save(null)}
              />
            ) : null}
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
