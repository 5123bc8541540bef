import { redirect } from 'next/navigation';
import { requireUser } from './(console)/require-user';

/** The console starts at the queue; like every page, this one checks the session itself first. */
export default async function Home() {
  await requireUser();
  redirect('/queue');
}
