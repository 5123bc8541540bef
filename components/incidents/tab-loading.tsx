/** Skeleton of a workbench tab while its data loads; the incident's header and tabs stay in place. */
export function TabLoading({ label }: { label: string }) {
  return (
    <div aria-busy="true" aria-label={label} className="animate-pulse rounded-lg border border-gray-200 bg-white p-5">
      {Array.from({ length: 6 }, (_, index) => (
        <div key={index} className="mb-3 h-5 rounded bg-gray-100 last:mb-0" />
      ))}
    </div>
  );
}
