import { useI18n } from '../../i18n/i18n';
import { plural } from '../../talk/text';

interface NewCommentsMarkerProps {
  count: number;
  onReveal: () => void;
}

/**
 * New comments wait behind this button, which floats over the page instead of pushing the text
 * down; a polite live region tells screen-reader users how many have arrived.
 */
export function NewCommentsMarker({ count, onReveal }: NewCommentsMarkerProps) {
  const { t } = useI18n();

  return (
    <>
      <div role="status" className="visually-hidden">
        {count > 0 && plural(t, 'comments.newAnnounce', count)}
      </div>
      {count > 0 && (
        <button type="button" className="new-marker" onClick={onReveal}>
          {plural(t, 'comments.newMarker', count)}
        </button>
      )}
    </>
  );
}
