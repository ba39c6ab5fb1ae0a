import type { Role, UserSummary } from '@razgovor/contracts';
import { useT } from '../../i18n/i18n';

// Citizen is implied for everyone and kept by the API, so only these are switchable.
const switchableRoles = ['facilitator', 'analyst', 'admin'] as const satisfies readonly Role[];

interface RoleTogglesProps {
  user: UserSummary;
  roles: readonly Role[];
  isSelf: boolean;
  isSaving: boolean;
  onChange: (roles: Role[]) => void;
}

export function RoleToggles({ user, roles, isSelf, isSaving, onChange }: RoleTogglesProps) {
  const t = useT();
  const hintId = `roles-hint-${user.id}`;

  const toggle = (role: Role, isOn: boolean) => {
    const others = roles.filter((held) => held !== role);
    onChange(isOn ? [...others, role] : others);
  };

  return (
    <fieldset className="roles" aria-describedby={isSelf ? hintId : undefined}>
      <legend>{t('admin.rolesOf', { name: user.displayName })}</legend>
      {switchableRoles.map((role) => {
        // An admin removing their own admin role could lock everyone out of this page.
        const isLocked = isSelf && role === 'admin';

        return (
          <label key={role} className="checkbox">
            <input
              type="checkbox"
              checked={roles.includes(role)}
              disabled={isSaving || isLocked}
              onChange={(event) => toggle(role, event.target.checked)}
            />
            {t(`role.${role}`)}
          </label>
        );
      })}
      {isSelf && (
        <p id={hintId} className="field__hint">
          {t('admin.selfAdmin')}
        </p>
      )}
    </fieldset>
  );
}
