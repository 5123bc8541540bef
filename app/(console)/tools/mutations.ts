'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createTool } from '@/lib/tools/create-tool';
import { createToolSchema, updateToolFieldsSchema } from '@/lib/tools/schemas';
import { setToolEnabled } from '@/lib/tools/set-tool-enabled';
import { updateTool } from '@/lib/tools/update-tool';
import { defineMutation } from '../define-mutation';

const updateSchema = z.object({ toolId: z.string().min(1), fields: updateToolFieldsSchema });
const enabledSchema = z.object({ toolId: z.string().min(1), enabled: z.boolean() });

/** Admins only (the domain checks). An invalid JSON Schema comes back as the domain's message. */
export const createToolMutation = defineMutation({
  name: 'createToolMutation',
  input: createToolSchema,
  run: async (actor, input) => {
    const tool = await createTool(actor, input);
    revalidatePath('/tools');
    return { toolId: tool.id };
  },
});

export const updateToolMutation = defineMutation({
  name: 'updateToolMutation',
  input: updateSchema,
  run: async (actor, { toolId, fields }) => {
    await updateTool(actor, { toolId, fields });
    revalidatePath('/tools', 'layout');
    return { toolId };
  },
});

/** Disabling blocks the tool for every agent at once; enabling restores the grants as they were. */
export const setToolEnabledMutation = defineMutation({
  name: 'setToolEnabledMutation',
  input: enabledSchema,
  run: async (actor, { toolId, enabled }) => {
    const { changed } = await setToolEnabled(actor, { toolId, enabled });
    revalidatePath('/tools', 'layout');
    return { changed };
  },
});
