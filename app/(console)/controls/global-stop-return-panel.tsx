'use client';

import { ReturnRequestPanel, type RequestView } from '@/components/return-to-normal/return-request-panel';
import {
  approveGlobalStopReleaseMutation,
  cancelGlobalStopReleaseMutation,
  rejectGlobalStopReleaseMutation,
  releaseGlobalStopAloneMutation,
  requestGlobalStopReleaseMutation,
} from './return-to-normal-mutations';

type Props = {
  pending: RequestView | null;
  history: RequestView[];
  nothingToDo: boolean;
  viewer: { approveRefusal: string | null; rejectRefusal: string | null; canCancel: boolean; singleAdmin: boolean };
  ttlMinutes: number;
};

export function GlobalStopReturnPanel(view: Props) {
  return (
    <ReturnRequestPanel
      noun="release"
      {...view}
      actions={{
        request: requestGlobalStopReleaseMutation,
        approve: approveGlobalStopReleaseMutation,
        reject: rejectGlobalStopReleaseMutation,
        cancel: cancelGlobalStopReleaseMutation,
        releaseAlone: releaseGlobalStopAloneMutation,
      }}
    />
  );
}
