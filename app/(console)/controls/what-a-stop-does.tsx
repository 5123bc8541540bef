import { Card, CardHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';

/** The same table as the README's "What a stop does" (keep them in step); the specs in e2e/api/switch-work-*.spec.ts prove each row. */
const ROWS: [string, string][] = [
  [
    'New proposals',
    "The switch's effect: block refuses them, naming the switch and its reason; review-all sends every one to review whatever its grant says; draft-only turns writes into drafts.",
  ],
  [
    'Waiting for review',
    'Frozen under a block: cannot be approved (rejecting stays possible); the review deadline is paused and the frozen time given back on release. Already expired stays expired.',
  ],
  [
    'Approved, not claimed',
    'Refused at claim under a block (the action becomes blocked, naming the switch), and listed here until then.',
  ],
  [
    'Executing',
    'Listed as "in flight at the stop": it was claimed before the stop and may be running. The agent is told on its next call; its result is still recorded.',
  ],
  ['Drafts', 'Untouched. Promoting one is refused while a block holds its agent and tool.'],
  [
    'Release',
    'Approves and runs nothing by itself: what was refused stays refused, what waits still waits for a person.',
  ],
];

export function WhatAStopDoes() {
  return (
    <Card className="mb-6">
      <CardHeader title="What a stop does" description="To each kind of work in the switch's scope." />
      <Table>
        <thead>
          <tr>
            <Th className="w-1/4">Work</Th>
            <Th>While a switch is engaged</Th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map(([work, effect]) => (
            <tr key={work}>
              <Td className="font-medium text-gray-900">{work}</Td>
              <Td>{effect}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
