// The global stop's two verbs, where callers have always found them.
export { engageGlobalStop } from './engage-switch';
export { releaseGlobalStop } from './release-switch';
