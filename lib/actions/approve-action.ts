import type { Actor } from '../auth/actor';
import { decidePendingAction } from './decide-pending-action';
import type { DecisionInput } from './schemas';

export function approveAction(actor: Actor, input: DecisionInput): Promise<void> {
  return decidePendingAction(actor, input, 'approved');
}
