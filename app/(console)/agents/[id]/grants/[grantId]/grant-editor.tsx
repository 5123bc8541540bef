'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { grantRulesSchema, type GrantRulesInput } from '@/lib/grants/schemas';
import { rulesToPolicy } from '@/lib/grants/to-grant-policy';
import { describeLoosening } from '@/lib/policy/grant-loosening';
import type { GrantPolicy } from '@/lib/policy/grant-policy';
import { saveGrantMutation } from './mutations';
import { ConstraintListEditor } from './constraint-list-editor';
import { toFormState, toRulesInput, type GrantFormState } from './grant-form-model';
import { GrantReviewGroupFields, type GroupOption } from './grant-review-group-fields';
import { GrantLimitFields, GrantRequesterFields, GrantScopeFields } from './grant-rule-fields';
import { ImpactCheck } from './impact-check';
import { LooseningConfirmDialog } from './loosening-confirm-dialog';

type Props = {
  agentId: string;
  grantId: string;
  version: number;
  rules: GrantPolicy;
  params: string[];
  groups: GroupOption[];
  /** An admin: a confirmed loosening applies; an owner's is held for an admin. */
  canGovern: boolean;
};
type Outcome = { ok: true; message: string } | { ok: false; error: string; stale?: boolean } | null;

/**
 * Every rule of one grant; "Check impact" before "Save grant", which refuses to overwrite a newer version. A change
 * that loosens the saved rules is named and confirmed first (lib/policy/grant-loosening.ts; the server checks again).
 */
export function GrantEditor({ agentId, grantId, version: startVersion, rules, params, groups, canGovern }: Props) {
  const router = useRouter();
  const [state, setState] = useState<GrantFormState>(() => toFormState(rules));
  const [version, setVersion] = useState(startVersion);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, startTransition] = useTransition();
  const [loosened, setLoosened] = useState<string[]>([]);
  const change = (patch: Partial<GrantFormState>) => setState((current) => ({ ...current, ...patch }));

  /** The edited rules, checked here first so mistakes are named before anything is sent. */
  const editedRules = (): GrantRulesInput | null => {
    const input = toRulesInput(state);
    const parsed = grantRulesSchema.safeParse(input);
    if (parsed.success) return input;
    setOutcome({
      ok: false,
      error: parsed.error.issues.map((issue) => `${fieldName(issue.path)}: ${withoutFieldPrefix(issue)}`).join('; '),
    });
    return null;
  };

  const save = () => {
    const edited = editedRules();
    if (!edited) return;
    const loosening = describeLoosening(rules, rulesToPolicy(grantRulesSchema.parse(edited)));
    if (loosening.length > 0) return setLoosened(loosening.map((l) => l.words));
    send(edited, false);
  };

  const send = (edited: GrantRulesInput, confirmLoosening: boolean) => {
    startTransition(async () => {
      const result = await saveGrantMutation({
        agentId,
        grantId,
        expectedVersion: version,
        rules: edited,
        confirmLoosening,
      });
      setLoosened([]);
      if (!result.ok)
        return setOutcome({ ok: false, error: result.error, stale: result.error.includes('changed by someone else') });
      setOutcome({
        ok: true,
        message: result.data.held
          ? `Sent for admin approval: the grant stays at version ${result.data.version} until an admin approves the change.`
          : `Grant saved (version ${result.data.version}).`,
      });
      if (!result.data.held) setVersion(result.data.version);
      router.refresh();
    });
  };

  return (
    <div className="flex flex-col gap-6">
      <Section title="Approvals and scope">
        <GrantScopeFields state={state} onChange={change} />
      </Section>
      <Section title="Reviewer groups">
        <GrantReviewGroupFields state={state} groups={groups} onChange={change} />
      </Section>
      <Section
        title="Conditions on parameters"
        description="Block the call, or send it to review, when a parameter breaks the condition."
      >
        <ConstraintListEditor
          value={state.constraints}
          params={params}
          onChange={(constraints) => change({ constraints })}
        />
      </Section>
      <Section title="Limits">
        <GrantLimitFields state={state} onChange={change} />
      </Section>
      <Section title="Requester">
        <GrantRequesterFields state={state} onChange={change} />
      </Section>
      <Section
        title="Impact"
        description="Replays this agent's recorded calls of the tool under the edited rules, before you save."
      >
        <ImpactCheck agentId={agentId} grantId={grantId} rules={editedRules} />
      </Section>
      <div className="flex flex-col gap-3 border-t border-gray-200 pt-4">
        {outcome && !outcome.ok ? (
          <ErrorAlert>
            {outcome.error}
            {outcome.stale ? (
              <Button variant="secondary" size="sm" className="mt-2 flex" onClick={() => window.location.reload()}>
                Reload the grant
              </Button>
            ) : null}
          </ErrorAlert>
        ) : null}
        {outcome?.ok ? (
          <p role="status" className="text-sm text-emerald-800">
            {outcome.message}
          </p>
        ) : null}
        <div>
          <Button onClick={save} disabled={pending} aria-busy={pending}>
            Save grant
          </Button>
        </div>
        <LooseningConfirmDialog
          loosened={loosened}
          heldForAdmin={!canGovern}
          pending={pending}
          onCancel={() => setLoosened([])}
          onConfirm={() => {
            const edited = editedRules();
            if (edited) send(edited, true);
          }}
        />
      </div>
    </div>
  );
}

function Section({ title, description, children }: { title: string; description?: string; children: React.ReactNode }) {
  return (
    <section className="flex flex-col gap-3">
      <div>
        <h3 className="text-sm font-semibold text-gray-900">{title}</h3>
        {description ? <p className="text-sm text-gray-600">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}

const FIELD_LABELS: Record<string, string> = {
  param: 'parameter',
  min: 'minimum',
  max: 'maximum',
  values: 'values',
  pattern: 'pattern',
  domains: 'domains',
  approvals: 'Approvals required',
  rateLimit: 'Rate limit',
  count: 'count',
  windowSeconds: 'window',
  maxCallsPerTrace: 'Max calls per trace',
  maxPending: 'Max pending',
  expiresAt: 'Expires at',
  requester: 'Requester',
  loop: 'Loop detection',
  maxRepeats: 'repeats',
  requiredGroups: 'Required groups',
  reviewGroupId: 'Review group asked first',
  escalationLadder: 'Escalation ladder',
  afterMinutes: 'minutes',
  groupId: 'group',
};

/** "constraints.0.max" → "Condition 1 maximum"; "rateLimit.windowSeconds" → "Rate limit window". */
function fieldName(path: PropertyKey[]): string {
  const words = (keys: PropertyKey[]) => keys.map((key) => FIELD_LABELS[String(key)] ?? String(key));
  if (path[0] === 'constraints' && typeof path[1] === 'number')
    return [`Condition ${path[1] + 1}`, ...words(path.slice(2))].join(' ');
  if (path[0] === 'escalationLadder' && typeof path[1] === 'number')
    return [`Escalation step ${path[1] + 1}`, ...words(path.slice(2))].join(' ');
  return words(path).join(' ') || 'Grant';
}

/** Some schema messages already start with the field's key ("param: a parameter name…"); say it once. */
function withoutFieldPrefix(issue: { path: PropertyKey[]; message: string }): string {
  const key = String(issue.path.at(-1) ?? '');
  return key && issue.message.startsWith(`${key}: `) ? issue.message.slice(key.length + 2) : issue.message;
}
