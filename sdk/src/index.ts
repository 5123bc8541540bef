export { createWardenClient, type WardenClient, type WardenClientOptions } from './client.js';
export { guardedTool, type GuardedCallContext, type GuardedTool, type GuardedToolSpec } from './guarded-tool.js';
export {
  WardenApiError,
  WardenBlockedError,
  WardenDraftError,
  WardenExpiredError,
  WardenRejectedError,
  WardenSdkError,
} from './errors.js';
export type * from './types.js';
