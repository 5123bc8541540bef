import { z } from 'zod';

export const draftIdSchema = z.object({ draftId: z.string().trim().min(1, 'is required').max(64, 'is too long') });
export type DraftIdInput = z.input<typeof draftIdSchema>;
