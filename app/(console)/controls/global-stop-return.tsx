import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { can } from '@/lib/auth/actor';
import { getReturnToNormal } from '@/lib/return-to-normal/get-return-to-normal';
import { requireUser } from '../require-user';
import { GlobalStopReturnPanel } from './global-stop-return-panel';

/**
 * The global stop's release on Controls (issue 13 §3): never one person's click. An admin asks with a reason, another
 * admin approves before the request expires; a workspace's only admin releases with their password again. Shown to
 * admins while the stop holds or a request waits. The CLI's `release` stays the break-glass path.
 */
export async function GlobalStopReturn() {
  const actor = await requireUser();
  if (!can(actor, 'incidents.manage')) return null;
  const view = await getReturnToNormal(actor, { switchId: 'global_stop' });
  if (view.nothingToDo && !view.pending) return null;
  const recent = view.history.slice(0, 5);
  return (
    <Card className="mb-6" aria-labelledby="global-stop-release">
      <CardHeader
        id="global-stop-release"
        title="Release the global stop"
        description={
          view.activeAdmins > 1
            ? 'Two people: one admin requests the release, another approves it. Releasing approves or runs nothing by itself.'
            : 'You are the only active admin: release with your password again; the audit log says one admin did it.'
        }
      />
      <CardBody>
        <GlobalStopReturnPanel
          pending={view.pending}
          history={recent}
          nothingToDo={view.nothingToDo}
          viewer={view.viewer}
          ttlMinutes={view.ttlMinutes}
        />
      </CardBody>
    </Card>
  );
}
