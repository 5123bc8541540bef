'use client';

import { ReturnRequestPanel, type RequestView } from '@/components/return-to-normal/return-request-panel';
import {
  approveIncidentReturnMutation,
  cancelIncidentReturnMutation,
  rejectIncidentReturnMutation,
  releaseIncidentAloneMutation,
  requestIncidentReturnMutation,
} from './mutations';

type Props = {
  incidentId: string;
  pending: RequestView | null;
  history: RequestView[];
  nothingToDo: boolean;
  viewer: { approveRefusal: string | null; rejectRefusal: string | null; canCancel: boolean; singleAdmin: boolean };
  ttlMinutes: number;
};

export function IncidentReturnPanel({ incidentId, ...view }: Props) {
  return (
    <ReturnRequestPanel
      noun="return to normal"
      {...view}
      actions={{
        request: (input) => requestIncidentReturnMutation({ incidentId, ...input }),
        approve: (input) => approveIncidentReturnMutation({ incidentId, ...input }),
        reject: (input) => rejectIncidentReturnMutation({ incidentId, ...input }),
        cancel: (input) => cancelIncidentReturnMutation({ incidentId, ...input }),
        releaseAlone: (input) => releaseIncidentAloneMutation({ incidentId, ...input }),
      }}
    />
  );
}
