import { useState, type FormEvent } from 'react';
import { fieldId } from '../../components/Field';
import { useT } from '../../i18n/i18n';
import { navigate } from '../../router/router';

interface SearchFormProps {
  conversationSlug: string;
  initial?: string;
}

export function SearchForm({ conversationSlug, initial = '' }: SearchFormProps) {
  const t = useT();
  const [query, setQuery] = useState(initial);
  const id = fieldId('conversation-search');

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = query.trim();
    if (q === '') return;
    navigate(`/conversations/${conversationSlug}/search?q=${encodeURIComponent(q)}`);
  };

  return (
    <form role="search" onSubmit={handleSubmit} className="search">
      <label htmlFor={id}>{t('search.label')}</label>
      <div className="search__row">
        <input
          id={id}
          type="search"
          value={query}
          maxLength={200}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button type="submit">{t('search.submit')}</button>
      </div>
    </form>
  );
}
