import { randomUUID } from 'node:crypto';
import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { parseInput } from './parse-input';
import { createReviewerGroupSchema, type CreateReviewerGroupInput } from './schemas';
import { isUniqueViolation } from './unique-violation';

/** A new, empty reviewer group (Finance, Security, …) that grants can require and escalations can address. */
export async function createReviewerGroup(actor: Actor, input: CreateReviewerGroupInput) {
  assertCan(actor, 'reviewers.manage');
  const { name, description } = parseInput(createReviewerGroupSchema, input);
  const taken = () => new WardenError('conflict', `A reviewer group named "${name}" already exists.`);
  try {
    return await db().$transaction(async (tx) => {
      if (await tx.reviewerGroup.findUnique({ where: { name }, select: { id: true } })) throw taken();
      const group = await tx.reviewerGroup.create({ data: { id: randomUUID(), name, description } });
      await recordAuditEvent(tx, { actor, type: 'review_group.created', payload: { name } });
      return { id: group.id, name: group.name, description: group.description };
    });
  } catch (error) {
    throw isUniqueViolation(error) ? taken() : error;
  }
}
