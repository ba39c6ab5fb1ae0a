import { TextField } from '../../components/Field';
import type { Form } from '../../forms/useForm';
import type { MessageKey } from '../../i18n/i18n';
import { useT } from '../../i18n/i18n';
import { MarkdownField } from '../../talk/MarkdownField';

export interface Bilingual {
  bg: string;
  en: string;
}

interface BilingualFieldsProps {
  name: string;
  labels: { bg: MessageKey; en: MessageKey };
  value: Bilingual;
  onChange: (value: Bilingual) => void;
  form: Form;
  markdown?: boolean;
}

/** The same text in Bulgarian and English, as two labelled fields. */
export function BilingualFields({
  name,
  labels,
  value,
  onChange,
  form,
  markdown,
}: BilingualFieldsProps) {
  const t = useT();

  return (
    <>
      {(['bg', 'en'] as const).map((locale) => {
        const path = `${name}.${locale}`;
        const props = {
          name: path,
          label: t(labels[locale]),
          value: value[locale],
          error: form.fieldErrors[path],
          onChange: (text: string) => onChange({ ...value, [locale]: text }),
        };

        return markdown ? (
          <MarkdownField key={locale} {...props} />
        ) : (
          <TextField key={locale} {...props} maxLength={200} />
        );
      })}
    </>
  );
}
