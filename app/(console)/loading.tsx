/** Skeleton while a console page loads its data; the shell around it stays in place. */
export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading" className="animate-pulse">
      <div className="mb-6 h-8 w-48 rounded bg-gray-200" />
      <div className="rounded-lg border border-gray-200 bg-white p-5">
        {Array.from({ length: 5 }, (_, index) => (
          <div key={index} className="mb-3 h-5 rounded bg-gray-100 last:mb-0" />
        ))}
      </div>
    </div>
  );
}
