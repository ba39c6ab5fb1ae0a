import type { OpinionMap } from '@razgovor/contracts';
import { useI18n } from '../../i18n/i18n';
import { groupName } from './OpinionMapChart';

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** What sets each group apart, what every group shares, and where they split. */
export function StatementLists({ map }: { map: OpinionMap }) {
  const { t } = useI18n();
  const body = (id: string) => map.statements.find((item) => item.id === id)?.body ?? '';

  return (
    <div className="statement-lists">
      {map.groups.map((group) => (
        <section key={group.id} aria-labelledby={`group-${group.id}`}>
          <h3 id={`group-${group.id}`}>
            {t('opinions.groupSize', { group: groupName(group.id), count: group.size })}
          </h3>
          {group.representative.length === 0 ? (
            <p className="meta">{t('opinions.noRepresentative')}</p>
          ) : (
            <ul>
              {group.representative.map((item) => (
                <li key={item.statementId}>
                  {body(item.statementId)}{' '}
                  <span className="meta">
                    {t(
                      item.direction === 'agree'
                        ? 'opinions.mostlyAgree'
                        : 'opinions.mostlyDisagree',
                      {
                        share: percent(item.share),
                      },
                    )}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <section aria-labelledby="consensus">
        <h3 id="consensus">{t('opinions.consensus')}</h3>
        {map.consensus.length === 0 ? (
          <p className="meta">{t('opinions.noneYet')}</p>
        ) : (
          <ul>
            {map.consensus.map((item) => (
              <li key={item.statementId}>
                {body(item.statementId)}{' '}
                <span className="meta">
                  {t(item.direction === 'agree' ? 'opinions.allAgree' : 'opinions.allDisagree')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="divisive">
        <h3 id="divisive">{t('opinions.divisive')}</h3>
        {map.divisive.length === 0 ? (
          <p className="meta">{t('opinions.noneYet')}</p>
        ) : (
          <ul>
            {map.divisive.map((item) => (
              <li key={item.statementId}>
                {body(item.statementId)}{' '}
                <span className="meta">
                  {item.agreeByGroup
                    .map((share, index) =>
                      t('opinions.groupAgrees', {
                        group: groupName(map.groups[index]?.id ?? index),
                        share: percent(share),
                      }),
                    )
                    .join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
