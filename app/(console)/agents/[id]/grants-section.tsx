import { ActionLevelBadge } from '@/components/action-level-badge';
import { EmptyState } from '@/components/empty-state';
import { describeGrantRules } from '@/lib/policy/grant-rule-summary';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Table, TableLink, Td, Th } from '@/components/ui/table';
import type { UserActor } from '@/lib/auth/actor';
import { listAgentGrants } from '@/lib/grants/list-agent-grants';
import { AddGrantForm } from './add-grant-form';
import { SimulatorCard } from './simulator-card';

type Props = { actor: UserActor; agentId: string; canControl: boolean };

/** The agent's grants, each rule in a phrase, with "Add grant" / "Edit grant"; and the policy simulator below. */
export async function GrantsAndSimulator({ actor, agentId, canControl }: Props) {
  const { grants, tools, groupNames } = await listAgentGrants(actor, agentId);
  const granted = new Set(grants.map((grant) => grant.tool));
  return (
    <>
      <Card aria-labelledby="agent-grants">
        <CardHeader
          id="agent-grants"
          title="Grants"
          description="The tools this agent may call, and the rules each call must pass."
        />
        {grants.length === 0 ? (
          <EmptyState title="No grants" description="This agent may not call any tool." />
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Tool</Th>
                <Th>Level</Th>
                <Th>Rules</Th>
                {canControl ? (
                  <Th className="relative">
                    <span className="sr-only">Change</span>
                  </Th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {grants.map((grant) => (
                <tr key={grant.id}>
                  <Td>
                    <code className="font-mono text-[13px]">{grant.tool}</code>
                    {grant.toolEnabled ? null : (
                      <Badge tone="gray" className="ml-2">
                        Tool disabled
                      </Badge>
                    )}
                    {grant.changeHeld ? (
                      <Badge tone="amber" className="ml-2">
                        Change waiting for admin approval
                      </Badge>
                    ) : null}
                  </Td>
                  <Td>
                    <ActionLevelBadge level={grant.actionLevel} supportsRollback={grant.supportsRollback} />
                  </Td>
                  <Td className="min-w-64">{describeGrantRules(grant.rules, groupNames).join(' · ')}</Td>
                  {canControl ? (
                    <Td className="text-right whitespace-nowrap">
                      <TableLink href={`/agents/${agentId}/grants/${grant.id}`} aria-label={`Edit grant ${grant.tool}`}>
                        Edit grant
                      </TableLink>
                    </Td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {canControl ? (
          <CardBody className="border-t border-gray-200">
            <AddGrantForm
              agentId={agentId}
              tools={tools.filter((tool) => !granted.has(tool.name)).map((tool) => tool.name)}
            />
          </CardBody>
        ) : null}
      </Card>
      {canControl ? (
        <SimulatorCard agentId={agentId} grantedTools={[...granted]} allTools={tools.map((tool) => tool.name)} />
      ) : null}
    </>
  );
}
