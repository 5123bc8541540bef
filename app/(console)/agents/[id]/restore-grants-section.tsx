import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { can, type Actor } from '@/lib/auth/actor';
import { RestoreGrantsForm } from './restore-grants-form';

/** Configuration rollback, for admins: the agent's grants back to an earlier time, as new versions. */
export function RestoreGrantsSection({ actor, agentId }: { actor: Actor; agentId: string }) {
  if (!can(actor, 'actions.rollback')) return null;
  return (
    <Card aria-labelledby="restore-grants">
      <CardHeader
        id="restore-grants"
        title="Restore grants"
        description="Put this agent's grants back as they were at a time. Each change is saved as a new grant version and audited."
      />
      <CardBody>
        <RestoreGrantsForm agentId={agentId} />
      </CardBody>
    </Card>
  );
}
