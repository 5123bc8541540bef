import type { Role } from '@/lib/auth/permissions';
import { createUser } from '@/lib/users/create-user';
import { listUsers } from '@/lib/users/list-users';
import { resetUserPassword } from '@/lib/users/reset-user-password';
import { setUserDisabled } from '@/lib/users/set-user-disabled';
import { setUserRoles } from '@/lib/users/set-user-roles';
import { signOutUserEverywhere } from '@/lib/users/sign-out-user-everywhere';
import { cliActor, parseFlags, type Command } from './command';

function emailFlag(args: string[]): string {
  return parseFlags(args, { email: { type: 'string' } }, ['email']).email as string;
}

export const userCommands: Command[] = [
  {
    name: 'user create',
    usage: '--email E --name N --role R [--role R2 ...] [--password P]',
    async run(args) {
      const o = parseFlags(
        args,
        {
          email: { type: 'string' },
          name: { type: 'string' },
          role: { type: 'string', multiple: true },
          password: { type: 'string' },
        },
        ['email', 'name', 'role'],
      );
      const { user, password, passwordExpiresAt } = await createUser(cliActor, {
        email: o.email as string,
        name: o.name as string,
        roles: o.role as Role[],
        password: o.password as string | undefined,
      });
      console.log(`created user ${user.email} (${user.roles.join(', ')})`);
      if (password) {
        console.log(
          `one-time password (must be changed at the first sign-in; expires ${passwordExpiresAt?.toISOString()}):`,
        );
        console.log(password);
      }
    },
  },
  {
    // One "email roles status" line per user; several roles are comma-joined (no spaces), so each line has 3 fields.
    name: 'user list',
    usage: '',
    async run(args) {
      parseFlags(args, {});
      for (const user of await listUsers(cliActor))
        console.log(`${user.email} ${user.roles.join(',') || '-'} ${user.status}`);
    },
  },
  {
    name: 'user disable',
    usage: '--email E',
    async run(args) {
      const { email } = await setUserDisabled(cliActor, { email: emailFlag(args) }, true);
      console.log(`disabled ${email}; their sessions have ended`);
    },
  },
  {
    name: 'user enable',
    usage: '--email E',
    async run(args) {
      const { email } = await setUserDisabled(cliActor, { email: emailFlag(args) }, false);
      console.log(`enabled ${email}`);
    },
  },
  {
    name: 'user role',
    usage: '--email E --role R [--role R2 ...]',
    async run(args) {
      const o = parseFlags(args, { email: { type: 'string' }, role: { type: 'string', multiple: true } }, [
        'email',
        'role',
      ]);
      const { email, roles } = await setUserRoles(cliActor, { email: o.email as string }, { roles: o.role as Role[] });
      console.log(`${email} now has roles ${roles.join(',')}`);
    },
  },
  {
    name: 'user reset-password',
    usage: '--email E',
    async run(args) {
      const { email, password, expiresAt } = await resetUserPassword(cliActor, { email: emailFlag(args) });
      console.log(
        `reset the password of ${email}; their sessions have ended; must be changed at the next sign-in; expires ${expiresAt.toISOString()}`,
      );
      console.log(password);
    },
  },
  {
    name: 'user sign-out',
    usage: '--email E',
    async run(args) {
      const { email } = await signOutUserEverywhere(cliActor, { email: emailFlag(args) });
      console.log(`every session of ${email} ends on its next request`);
    },
  },
];
