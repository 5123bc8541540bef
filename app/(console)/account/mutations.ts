'use server';

import { z } from 'zod';
import { signOutUserEverywhere } from '@/lib/users/sign-out-user-everywhere';
import { defineMutation } from '../define-mutation';

/** Ends every session of the signed-in person, this one included. */
export const signOutMyselfEverywhereMutation = defineMutation({
  name: 'signOutMyselfEverywhereMutation',
  input: z.void(),
  run: (actor) => signOutUserEverywhere(actor, { id: actor.id }),
});
