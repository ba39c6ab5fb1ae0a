import type { FieldErrors } from '../forms/useForm';
import type { BoundField } from '../forms/useValues';
import {
  ageBandOptions,
  districtOptions,
  genderOptions,
  type ProfileValues,
} from '../forms/options';
import { useT } from '../i18n/i18n';
import { SelectField } from './Field';

interface ProfileFieldsProps {
  bind: (name: keyof ProfileValues) => BoundField;
  errors: FieldErrors;
}

/** District, age band and gender: optional answers used to judge how representative a talk is. */
export function ProfileFields({ bind, errors }: ProfileFieldsProps) {
  const t = useT();

  return (
    <>
      <SelectField
        {...bind('district')}
        label={t('field.district')}
        options={districtOptions(t)}
        error={errors.district}
        allowEmpty
      />
      <SelectField
        {...bind('ageBand')}
        label={t('field.ageBand')}
        options={ageBandOptions(t)}
        error={errors.ageBand}
        allowEmpty
      />
      <SelectField
        {...bind('gender')}
        label={t('field.gender')}
        options={genderOptions(t)}
        error={errors.gender}
        allowEmpty
      />
    </>
  );
}
