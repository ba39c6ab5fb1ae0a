import { Page } from '../../components/Page';
import { RequireSignIn } from '../../components/RequireSignIn';
import { useT } from '../../i18n/i18n';
import { DownloadData, SignOutEverywhere } from './AccountActions';
import { DeleteAccount } from './DeleteAccount';
import { DetailsForm } from './DetailsForm';
import { LanguageChoice } from './LanguageChoice';

export function ProfilePage() {
  const t = useT();

  return (
    <RequireSignIn>
      {(me) => (
        <Page title={t('profile.title')}>
          <DetailsForm me={me} />
          <LanguageChoice />
          <DownloadData />
          <SignOutEverywhere />
          <DeleteAccount />
        </Page>
      )}
    </RequireSignIn>
  );
}
