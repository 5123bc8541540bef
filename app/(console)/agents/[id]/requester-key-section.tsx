import { getRequesterKeySettings } from '@/lib/agents/get-requester-key-settings';
import type { UserActor } from '@/lib/auth/actor';
import { RequesterKeyForm } from './requester-key-form';

/** Loads the agent's requester key settings for the form (mounted for the agent's controllers only). */
export async function RequesterKeySection({ actor, agentId }: { actor: UserActor; agentId: string }) {
  const settings = await getRequesterKeySettings(actor, agentId);
  return <RequesterKeyForm agentId={agentId} savedKey={settings.key} savedIssuer={settings.issuer} />;
}
