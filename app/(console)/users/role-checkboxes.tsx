'use client';

import { ROLES, type Role } from '@/lib/auth/permissions';

const ROLE_HINTS: Record<Role, string> = {
  admin: 'everything',
  owner: 'controls the agents they own',
  reviewer: 'decides actions',
  viewer: 'reads',
};

/** One checkbox per role (a person may hold several), in a fieldset named by `legend`. */
export function RoleCheckboxes({
  idPrefix,
  legend,
  value,
  onChange,
}: {
  idPrefix: string;
  legend: string;
  value: Role[];
  onChange: (roles: Role[]) => void;
}) {
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium text-gray-800">{legend}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {ROLES.map((role) => (
          <label key={role} htmlFor={`${idPrefix}-${role}`} className="flex items-center gap-1.5 text-sm text-gray-800">
            <input
              id={`${idPrefix}-${role}`}
              type="checkbox"
              className="size-4 accent-indigo-600"
              checked={value.includes(role)}
              onChange={(event) => onChange(event.target.checked ? [...value, role] : value.filter((r) => r !== role))}
            />
            {role} <span className="text-xs text-gray-500">({ROLE_HINTS[role]})</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
