import { reportTagModes, type ReportDraft, type ReportPreferenceChoice } from '@razgovor/contracts';
import { useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { Page } from '../../components/Page';
import { errorMessage } from '../../i18n/errors';
import { useI18n } from '../../i18n/i18n';
import { Link, useParams } from '../../router/router';
import { LoadState } from '../../talk/LoadState';
import { pick } from '../../talk/text';
import { useLoad } from '../../talk/useLoad';

const choiceKey = (choice: ReportPreferenceChoice) =>
  choice.type === 'map' ? 'map' : `${choice.type}:${choice.id}`;

/** The facilitators' report editor: introduction, themes and their order, decisions, publication. */
export function ReportEditorPage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const { data, error, setData } = useLoad(`report-draft:${id}`, (signal) =>
    call('getReportDraft', { params: { id }, signal }),
  );
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [decisionBg, setDecisionBg] = useState('');
  const [decisionEn, setDecisionEn] = useState('');
  const [decisionThemes, setDecisionThemes] = useState<string[]>([]);

  if (!data) return <LoadState error={error} />;

  const draft: ReportDraft = data;
  const chosen =
    draft.themeIds.length > 0
      ? draft.themeIds
      : draft.availableThemes.filter((theme) => !theme.isHidden).map((theme) => theme.id);
  const themeName = (themeId: string) => {
    const theme = draft.availableThemes.find((item) => item.id === themeId);

    return theme ? pick(theme.label, locale) : themeId;
  };

  const chosenPreferences =
    draft.preferences ??
    draft.availablePreferences.filter((item) => item.isPublic).map((item) => item.choice);
  const chosenKeys = chosenPreferences.map(choiceKey);
  const preferenceName = (choice: ReportPreferenceChoice) => {
    const item = draft.availablePreferences.find(
      (entry) => choiceKey(entry.choice) === choiceKey(choice),
    );

    return item ? pick(item.label, locale) : choiceKey(choice);
  };

  const run = async (work: () => Promise<ReportDraft>, done: string) => {
    try {
      setData(await work());
      setNotice({ ok: true, text: done });
    } catch (failure) {
      setNotice({ ok: false, text: errorMessage(t, failure) });
    }
  };

  const saveThemes = (themeIds: string[]) =>
    run(() => call('updateReport', { params: { id }, body: { themeIds } }), t('common.saved'));
  const move = (index: number, step: number) => {
    const next = [...chosen];
    const [item] = next.splice(index, 1);
    next.splice(index + step, 0, item);
    void saveThemes(next);
  };

  const savePreferences = (preferences: ReportPreferenceChoice[]) =>
    run(() => call('updateReport', { params: { id }, body: { preferences } }), t('common.saved'));
  const movePreference = (index: number, step: number) => {
    const next = [...chosenPreferences];
    const [item] = next.splice(index, 1);
    next.splice(index + step, 0, item);
    void savePreferences(next);
  };

  const togglePreference = (choice: ReportPreferenceChoice) =>
    void savePreferences(
      chosenKeys.includes(choiceKey(choice))
        ? chosenPreferences.filter((item) => choiceKey(item) !== choiceKey(choice))
        : [...chosenPreferences, choice],
    );

  const toggleTheme = (themeId: string) =>
    void saveThemes(
      chosen.includes(themeId) ? chosen.filter((item) => item !== themeId) : [...chosen, themeId],
    );

  const handleIntroduction = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void run(
      () =>
        call('updateReport', {
          params: { id },
          body: {
            introduction: {
              bg: String(form.get('introductionBg') ?? ''),
              en: String(form.get('introductionEn') ?? ''),
            },
          },
        }),
      t('common.saved'),
    );
  };

  const handleDecision = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(async () => {
      const updated = await call('addReportDecision', {
        params: { id },
        body: { text: { bg: decisionBg, en: decisionEn }, themeIds: decisionThemes },
      });
      setDecisionBg('');
      setDecisionEn('');
      setDecisionThemes([]);

      return updated;
    }, t('editor.decisionAdded'));
  };

  return (
    <Page title={t('editor.title')} width="wide">
      <p className="breadcrumb">
        <Link to={`/conversations/${id}/report`}>{t('editor.preview')}</Link>
      </p>
      <p role="status" className={notice && !notice.ok ? 'error' : undefined}>
        {notice?.text}
      </p>
      <section aria-labelledby="editor-publication">
        <h2 id="editor-publication">{t('editor.publication')}</h2>
        <p>{draft.publishedAt ? t('editor.published') : t('editor.unpublished')}</p>
        {draft.publishedAt ? (
          <button
            type="button"
            onClick={() =>
              void run(
                () => call('unpublishReport', { params: { id } }),
                t('editor.unpublishedNow'),
              )
            }
          >
            {t('editor.unpublish')}
          </button>
        ) : (
          <button
            type="button"
            onClick={() =>
              void run(() => call('publishReport', { params: { id } }), t('editor.publishedNow'))
            }
          >
            {t('editor.publish')}
          </button>
        )}
      </section>

      <form onSubmit={handleIntroduction} aria-labelledby="editor-introduction">
        <h2 id="editor-introduction">{t('editor.introduction')}</h2>
        <label htmlFor="introduction-bg">{t('editor.introductionBg')}</label>
        <textarea
          id="introduction-bg"
          name="introductionBg"
          rows={5}
          defaultValue={draft.introduction.bg}
        />
        <label htmlFor="introduction-en">{t('editor.introductionEn')}</label>
        <textarea
          id="introduction-en"
          name="introductionEn"
          rows={5}
          defaultValue={draft.introduction.en}
        />
        <button type="submit">{t('common.save')}</button>
      </form>

      <section aria-labelledby="editor-themes">
        <h2 id="editor-themes">{t('editor.themes')}</h2>
        {draft.availableThemes.length === 0 && <p>{t('report.noRun')}</p>}
        <ol>
          {chosen.map((themeId, index) => (
            <li key={themeId}>
              {themeName(themeId)}{' '}
              <button
                type="button"
                disabled={index === 0}
                aria-label={t('editor.moveUp', { theme: themeName(themeId) })}
                onClick={() => move(index, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                disabled={index === chosen.length - 1}
                aria-label={t('editor.moveDown', { theme: themeName(themeId) })}
                onClick={() => move(index, 1)}
              >
                ↓
              </button>
            </li>
          ))}
        </ol>
        <fieldset>
          <legend>{t('editor.chooseThemes')}</legend>
          {draft.availableThemes.map((theme) => (
            <label key={theme.id} className="checkbox">
              <input
                type="checkbox"
                checked={chosen.includes(theme.id)}
                onChange={() => toggleTheme(theme.id)}
              />
              {pick(theme.label, locale)} ({theme.size})
            </label>
          ))}
        </fieldset>
      </section>

      <section aria-labelledby="editor-preferences">
        <h2 id="editor-preferences">{t('editor.preferences')}</h2>
        {draft.preferences === null && <p className="meta">{t('editor.preferencesDefault')}</p>}
        <ol>
          {chosenPreferences.map((choice, index) => (
            <li key={choiceKey(choice)}>
              {preferenceName(choice)}{' '}
              <button
                type="button"
                disabled={index === 0}
                aria-label={t('editor.moveUp', { theme: preferenceName(choice) })}
                onClick={() => movePreference(index, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                disabled={index === chosenPreferences.length - 1}
                aria-label={t('editor.moveDown', { theme: preferenceName(choice) })}
                onClick={() => movePreference(index, 1)}
              >
                ↓
              </button>
            </li>
          ))}
        </ol>
        <fieldset>
          <legend>{t('editor.choosePreferences')}</legend>
          {draft.availablePreferences.map((item) => (
            <label key={choiceKey(item.choice)} className="checkbox">
              <input
                type="checkbox"
                checked={chosenKeys.includes(choiceKey(item.choice))}
                onChange={() => togglePreference(item.choice)}
              />
              {pick(item.label, locale)} ({t('editor.respondents', { count: item.respondents })}
              {!item.isPublic && `; ${t('editor.notPublic')}`})
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('editor.tags')}</legend>
          {reportTagModes.map((mode) => (
            <label key={mode} className="checkbox">
              <input
                type="radio"
                name="tagMode"
                checked={draft.tagMode === mode}
                onChange={() =>
                  void run(
                    () => call('updateReport', { params: { id }, body: { tagMode: mode } }),
                    t('common.saved'),
                  )
                }
              />
              {t(`editor.tagMode.${mode}`)}
            </label>
          ))}
        </fieldset>
      </section>

      <section aria-labelledby="editor-decisions">
        <h2 id="editor-decisions">{t('report.youSaidWeDid')}</h2>
        <ul>
          {draft.decisions.map((decision) => (
            <li key={decision.id}>
              {pick(decision.text, locale)}
              {decision.themeIds.length > 0 &&
                ` (${decision.themeIds.map((themeId) => themeName(themeId)).join(', ')})`}{' '}
              <button
                type="button"
                onClick={() =>
                  void run(
                    () =>
                      call('removeReportDecision', {
                        params: { id, decisionId: decision.id },
                      }),
                    t('editor.decisionRemoved'),
                  )
                }
              >
                {t('editor.remove')}
              </button>
            </li>
          ))}
        </ul>
        <form onSubmit={handleDecision}>
          <label htmlFor="decision-bg">{t('editor.decisionBg')}</label>
          <textarea
            id="decision-bg"
            rows={2}
            required
            value={decisionBg}
            onChange={(event) => setDecisionBg(event.target.value)}
          />
          <label htmlFor="decision-en">{t('editor.decisionEn')}</label>
          <textarea
            id="decision-en"
            rows={2}
            value={decisionEn}
            onChange={(event) => setDecisionEn(event.target.value)}
          />
          <fieldset>
            <legend>{t('editor.decisionThemes')}</legend>
            {draft.availableThemes.map((theme) => (
              <label key={theme.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={decisionThemes.includes(theme.id)}
                  onChange={() =>
                    setDecisionThemes((current) =>
                      current.includes(theme.id)
                        ? current.filter((item) => item !== theme.id)
                        : [...current, theme.id],
                    )
                  }
                />
                {pick(theme.label, locale)}
              </label>
            ))}
          </fieldset>
          <button type="submit">{t('editor.addDecision')}</button>
        </form>
      </section>
    </Page>
  );
}
