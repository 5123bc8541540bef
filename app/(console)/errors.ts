import { notFound } from 'next/navigation';
import { isWardenError } from '@/lib/errors';

/** For pages: a domain "not found" becomes the 404 page; every other error propagates to the error boundary. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (isWardenError(error) && error.code === 'not_found') notFound();
    throw error;
  }
}
