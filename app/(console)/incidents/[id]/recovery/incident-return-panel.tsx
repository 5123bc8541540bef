'use client';

import { ReturnRequestPanel, type RequestView } from '@/components/return-to-normal/return-request-panel';
import {
  approveIncidentReturnAction, cancelIncidentReturnAction, rejectIncidentReturnAction, releaseIncidentAloneAction, requestIncidentReturnAction,
} from './actions';

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
        request: (input) => requestIncidentReturnAction({ incidentId, ...input }),
        approve: (input) => approveIncidentReturnAction({ incidentId, ...input }),
        reject: (input) => rejectIncidentReturnAction({ incidentId, ...input }),
        cancel: (input) => cancelIncidentReturnAction({ incidentId, ...input }),
        releaseAlone: (input) => releaseIncidentAloneAction({ incidentId, ...input }),
      }}
    />
  );
}
