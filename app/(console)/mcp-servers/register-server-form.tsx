'use client';

import { useActionState } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input, Label } from '@/components/ui/field';
import { registerMcpServerMutation } from './mutations';

/** Registers an upstream MCP server; the credential field is write-only (sealed at rest, never shown again). */
export function RegisterServerForm() {
  const [state, register, pending] = useActionState(registerMcpServerMutation, null);
  return (
    <form action={register} className="grid gap-3 sm:grid-cols-2">
      <div className="flex flex-col gap-1">
        <Label htmlFor="mcp-name">Name</Label>
        <Input id="mcp-name" name="name" required pattern="[a-z][a-z0-9_]*" maxLength={40} placeholder="crm" />
        <p className="text-xs text-gray-600">Prefixes its tools&apos; names, e.g. crm.create_ticket.</p>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="mcp-url">Streamable HTTP URL</Label>
        <Input id="mcp-url" name="url" type="url" required placeholder="https://crm.example.com/mcp" />
      </div>
      <div className="flex flex-col gap-1 sm:col-span-2">
        <Label htmlFor="mcp-credentials">Bearer token Warden sends (optional)</Label>
        <Input id="mcp-credentials" name="credentials" type="password" autoComplete="off" maxLength={4000} />
        <p className="text-xs text-gray-600">Stored encrypted; never shown again and never sent to agents.</p>
      </div>
      <div className="flex flex-col gap-2 sm:col-span-2">
        <Button type="submit" disabled={pending} aria-busy={pending} className="self-start">
          Register server
        </Button>
        {state && !state.ok ? <ErrorAlert>{state.error}</ErrorAlert> : null}
        {state?.ok ? (
          <p role="status" className="text-sm text-gray-700">
            {state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
