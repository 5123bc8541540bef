'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createTool } from '@/lib/tools/create-tool';
import { createToolSchema, updateToolFieldsSchema } from '@/lib/tools/schemas';
import { setToolEnabled } from '@/lib/tools/set-tool-enabled';
import { updateTool } from '@/lib/tools/update-tool';
import { runAsUser } from '../run-as-user';

const updateSchema = z.object({ toolId: z.string().min(1), fields: updateToolFieldsSchema });
const enabledSchema = z.object({ toolId: z.string().min(1), enabled: z.boolean() });

/** Admins only (the domain checks). An invalid JSON Schema comes back as the domain's message. */
export async function createToolAction(input: z.input<typeof createToolSchema>) {
  return runAsUser(async (actor) => {
    const tool = await createTool(actor, createToolSchema.parse(input));
    revalidatePath('/tools');
    return { toolId: tool.id };
  });
}

export async function updateToolAction(input: z.input<typeof updateSchema>) {
  return runAsUser(async (actor) => {
    const { toolId, fields } = updateSchema.parse(input);
    await updateTool(actor, { toolId, fields });
    revalidatePath('/tools', 'layout');
    return { toolId };
  });
}

/** Disabling blocks the tool for every agent at once; enabling restores the grants as they were. */
export async function setToolEnabledAction(input: z.input<typeof enabledSchema>) {
  return runAsUser(async (actor) => {
    const { toolId, enabled } = enabledSchema.parse(input);
    const { changed } = await setToolEnabled(actor, { toolId, enabled });
    revalidatePath('/tools', 'layout');
    return { changed };
  });
}
