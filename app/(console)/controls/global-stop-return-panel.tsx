'use client';

import { ReturnRequestPanel, type RequestView } from '@/components/return-to-normal/return-request-panel';
import {
  approveGlobalStopReleaseAction, cancelGlobalStopReleaseAction, rejectGlobalStopReleaseAction, releaseGlobalStopAloneAction, requestGlobalStopReleaseAction,
} from './return-to-normal-actions';

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
        request: requestGlobalStopReleaseAction,
        approve: approveGlobalStopReleaseAction,
        reject: rejectGlobalStopReleaseAction,
        cancel: cancelGlobalStopReleaseAction,
        releaseAlone: releaseGlobalStopAloneAction,
      }}
    />
  );
}
