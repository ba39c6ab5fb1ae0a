import type { Comment, Stance } from '@razgovor/contracts';
import { useState } from 'react';
import { call } from '../../api/client';
import { errorMessage } from '../../i18n/errors';
import { useT } from '../../i18n/i18n';
import { useThread } from './ThreadContext';

/** Agree and disagree as toggles: pressing the pressed one takes the stance back. */
export function StanceButtons({ comment }: { comment: Comment }) {
  const t = useT();
  const { me, dispatch } = useThread();
  const [error, setError] = useState<unknown>(null);
  const [isSaving, setSaving] = useState(false);
  const canAct = !!me && comment.status === 'visible';

  const toggle = async (stance: Stance) => {
    setSaving(true);
    setError(null);
    try {
      const params = { id: comment.id };
      const updated =
        comment.myStance === stance
          ? await call('removeStance', { params })
          : await call('setStance', { params, body: { stance } });
      dispatch({ type: 'changed', comment: updated, own: true });
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  const button = (stance: Stance) => (
    <button
      type="button"
      className={`stance stance--${stance}`}
      aria-pressed={comment.myStance === stance}
      disabled={!canAct || isSaving}
      title={me ? undefined : t('stance.signIn')}
      onClick={() => void toggle(stance)}
    >
      <span>{t(`stance.${stance}`)}</span> <span className="stance__count">{comment[stance]}</span>
    </button>
  );

  return (
    <div role="group" aria-label={t('stance.group')} className="stances">
      {button('agree')}
      {button('disagree')}
      {error !== null && (
        <p role="alert" className="inline-error">
          {errorMessage(t, error)}
        </p>
      )}
    </div>
  );
}
