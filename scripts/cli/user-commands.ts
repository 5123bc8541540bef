import type { Role } from '@/lib/auth/permissions';
import { createUser } from '@/lib/users/create-user';
import { cliActor, parseFlags, type Command } from './command';

export const userCommands: Command[] = [
  {
    name: 'user create',
    usage: '--email E --name N --role R [--role R2 ...] [--password P]',
    async run(args) {
      const o = parseFlags(args, { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', multiple: true }, password: { type: 'string' } }, ['email', 'name', 'role']);
      const { user, password } = await createUser(cliActor, {
        email: o.email as string, name: o.name as string, roles: o.role as Role[], password: o.password as string | undefined,
      });
      console.log(`created user ${user.email} (${user.roles.join(', ')})`);
      if (password) console.log(`one-time password: ${password}`);
    },
  },
];
