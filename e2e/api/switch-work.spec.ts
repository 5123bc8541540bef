import { test } from '../fixtures/test';
import { runBlockCells, runOverlappingBlocks, runRedirectCells, type SwitchUnderTest } from '../fixtures/switch-work';

// What a stop does to each kind of work (issue 13 §1), for the switches that reach one agent or one tool: each test
// seeds its own agent and tool, so these run in parallel with other specs. The global scopes are in
// switch-work-global-stop.spec.ts; both run on SQLite and PostgreSQL.
const SCOPES: Record<string, SwitchUnderTest> = {
  agent: { marker: (id) => `switch ${id} (`, input: ({ agentId }) => ({ scope: 'agent', agent: agentId }) },
  tool: { marker: (id) => `switch ${id} (`, input: ({ toolName }) => ({ scope: 'tool', tool: toolName }) },
  'agent-tool': {
    marker: (id) => `switch ${id} (`,
    input: ({ agentId, toolName }) => ({ scope: 'agent-tool', agent: agentId, tool: toolName }),
  },
};

test.describe('a switch × each kind of work', () => {
  for (const [scope, target] of Object.entries(SCOPES)) {
    test(`block on ${scope}: new blocked, waiting frozen, approved refused at claim, executing told, drafts untouched`, async ({
      baseURL,
    }) => {
      await runBlockCells(baseURL!, target, `fraud on ${scope}`);
    });
    for (const effect of ['review-all', 'draft-only'] as const) {
      test(`${effect} on ${scope}: new proposals redirected, work under way untouched`, async ({ baseURL }) => {
        await runRedirectCells(baseURL!, target, effect, `${effect} on ${scope}`);
      });
    }
  }
});

test.describe('overlapping blocks give the held time back once', () => {
  for (const first of ['earlier', 'later'] as const) {
    test(`the ${first} block released first`, async ({ baseURL }) => {
      await runOverlappingBlocks(baseURL!, first);
    });
  }
});
