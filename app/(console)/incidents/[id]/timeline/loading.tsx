import { TabLoading } from '@/components/incidents/tab-loading';

export default function Loading() {
  return <TabLoading label="Loading the timeline" />;
}
