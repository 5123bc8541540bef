'use client';

import { useState, useTransition } from 'react';
import { ConstraintListEditor } from '@/app/(console)/agents/[id]/grants/[grantId]/constraint-list-editor';
import {
  toFormState,
  toRulesInput,
  type GrantFormState,
} from '@/app/(console)/agents/[id]/grants/[grantId]/grant-form-model';
import type { GroupOption } from '@/app/(console)/agents/[id]/grants/[grantId]/grant-review-group-fields';
import {
  GrantLimitFields,
  GrantRequesterFields,
  GrantScopeFields,
} from '@/app/(console)/agents/[id]/grants/[grantId]/grant-rule-fields';
import { replayIncidentMutation } from './mutations';
import type { MutationResult } from '@/app/(console)/define-mutation';
import { grantRulesSchema } from '@/lib/grants/schemas';
import type { IncidentReplay } from '@/lib/incidents/replay-incident';
import type { GrantPolicy } from '@/lib/policy/grant-policy';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ReplayReport } from './replay-report';

type Props = {
  incidentId: string;
  grantId: string;
  agentId: string;
  rules: GrantPolicy;
  params: string[];
  groups: GroupOption[];
};

/** The grant editor's own fields (reused from the grant page), with "Replay the window" instead of "Save grant". */
export function ReplayEditor({ incidentId, grantId, rules, params }: Props) {
  const [state, setState] = useState<GrantFormState>(() => toFormState(rules));
  const [result, setResult] = useState<MutationResult<IncidentReplay> | null>(null);
  const [pending, startTransition] = useTransition();
  const change = (patch: Partial<GrantFormState>) => setState((current) => ({ ...current, ...patch }));

  const replay = () => {
    const input = toRulesInput(state);
    const parsed = grantRulesSchema.safeParse(input);
    if (!parsed.success) {
      setResult({
        ok: false,
        error: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'rules'}: ${issue.message}`).join('; '),
      });
      return;
    }
    startTransition(async () => setResult(await replayIncidentMutation({ incidentId, grantId, rules: input })));
  };

  return (
    <div className="flex flex-col gap-6">
      <Section title="Approvals and scope">
        <GrantScopeFields state={state} onChange={change} />
      </Section>
      <Section title="Conditions on parameters">
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
      <div className="flex flex-col gap-3 border-t border-gray-200 pt-4">
        <div>
          <Button onClick={replay} disabled={pending} aria-busy={pending}>
            {pending ? 'Replaying…' : 'Replay the window'}
          </Button>
        </div>
        {result && !result.ok ? <ErrorAlert>{result.error}</ErrorAlert> : null}
        {result?.ok ? <ReplayReport replay={result.data} /> : null}
      </div>
    </div>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="flex flex-col gap-3">
      <h3 className="text-sm font-semibold text-gray-900">{title}</h3>
      {children}
    </section>
  );
}
