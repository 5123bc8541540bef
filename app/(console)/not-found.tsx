import Link from 'next/link';

export default function ConsoleNotFound() {
  return (
    <div className="rounded-lg border border-gray-200 bg-white p-6">
      <h1 className="text-lg font-semibold text-gray-900">Not found</h1>
      <p className="mt-1 text-sm text-gray-700">There is no such action or agent. It may have a mistyped id.</p>
      <Link href="/queue" className="mt-4 inline-block text-sm font-medium text-indigo-700 hover:underline">
        Back to the review queue
      </Link>
    </div>
  );
}
