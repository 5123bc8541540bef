import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-semibold text-gray-900">Page not found</h1>
      <p className="text-sm text-gray-600">There is nothing at this address.</p>
      <Link href="/queue" className="text-sm font-medium text-indigo-700 hover:underline">
        Go to the review queue
      </Link>
    </main>
  );
}
