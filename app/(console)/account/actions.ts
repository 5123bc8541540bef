'use server';

import { signOutUserEverywhere } from '@/lib/users/sign-out-user-everywhere';
import { runAsUser } from '../run-as-user';

/** Ends every session of the signed-in person, this one included. */
export async function signOutMyselfEverywhereAction() {
  return runAsUser((actor) => signOutUserEverywhere(actor, { id: actor.id }));
}
