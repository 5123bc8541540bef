'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createAgentKey } from '@/lib/agents/create-agent-key';
import { revokeAgentKey } from '@/lib/agents/revoke-agent-key';
import { rotateAgentKey } from '@/lib/agents/rotate-agent-key';
import { setRequesterKey } from '@/lib/agents/set-requester-key';
import { defineMutation } from '../../define-mutation';

const agentId = z.string().min(1);
const createSchema = z.object({
  agentId,
  label: z.string().trim().max(80).optional(),
  /** datetime-local text read as UTC, or empty for no expiry. */
  expiresAt: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? new Date(`${value.length === 16 ? `${value}:00` : value}Z`) : null))
    .refine((date) => date === null || !Number.isNaN(date.getTime()), 'expiry is not a valid date'),
});
const rotateSchema = z.object({ agentId, keyId: z.string().min(1), overlapMinutes: z.number().int().min(0) });
const revokeSchema = z.object({ agentId, keyId: z.string().min(1) });
const requesterKeySchema = z.object({
  agentId,
  key: z.string().max(20_000).nullable(),
  issuer: z.string().trim().max(500).optional(),
});

/** The key is returned once, to be shown once; only its hash and prefix are kept. */
export const createKeyMutation = defineMutation({
  name: 'createKeyMutation',
  input: createSchema,
  run: async (actor, { agentId, label, expiresAt }) => {
    const created = await createAgentKey(actor, { id: agentId }, { label, expiresAt });
    revalidatePath(`/agents/${agentId}`);
    return { key: created.key, prefix: created.prefix };
  },
});

export const rotateKeyMutation = defineMutation({
  name: 'rotateKeyMutation',
  input: rotateSchema,
  run: async (actor, { keyId, overlapMinutes }) => {
    const rotated = await rotateAgentKey(actor, { keyId, overlapMinutes });
    // No revalidatePath here: with no overlap the old key's row would stop being live and unmount the dialog that shows
    // the new key. The dialog refreshes the page when it is closed.
    return { key: rotated.key, prefix: rotated.prefix, oldKeyExpiresAt: rotated.oldKeyExpiresAt };
  },
});

export const revokeKeyMutation = defineMutation({
  name: 'revokeKeyMutation',
  input: revokeSchema,
  run: async (actor, { agentId, keyId }) => {
    await revokeAgentKey(actor, keyId);
    revalidatePath(`/agents/${agentId}`);
    return { keyId };
  },
});

/** Saves (or, with `key: null`, removes) the public key that verifies requester assertions. */
export const setRequesterKeyMutation = defineMutation({
  name: 'setRequesterKeyMutation',
  input: requesterKeySchema,
  run: async (actor, { agentId, key, issuer }) => {
    await setRequesterKey(actor, { id: agentId }, { key, issuer: key === null ? null : issuer });
    revalidatePath(`/agents/${agentId}`);
    return { configured: key !== null };
  },
});
