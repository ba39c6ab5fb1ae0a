import { ExportsPage } from './pages/insight/ExportsPage';
import { ReportEditorPage } from './pages/insight/ReportEditorPage';
import { ReportPage } from './pages/insight/ReportPage';
import { ConfirmationBanner } from './components/ConfirmationBanner';
import { Footer } from './components/Footer';
import { Header } from './components/Header';
import { useT } from './i18n/i18n';
import { AdminUsersPage } from './pages/admin/AdminUsersPage';
import { CheckEmailPage } from './pages/CheckEmailPage';
import { ConversationListPage } from './pages/conversations/ConversationListPage';
import { ConversationPage } from './pages/conversations/ConversationPage';
import { ConfirmEmailPage } from './pages/ConfirmEmailPage';
import { EditConversationPage, NewConversationPage } from './pages/facilitate/ConversationFormPage';
import { TopicFormPage } from './pages/facilitate/TopicFormPage';
import { ForgotPasswordPage } from './pages/ForgotPasswordPage';
import { HomePage } from './pages/HomePage';
import { MailboxPage } from './pages/MailboxPage';
import { AuditPage } from './pages/moderation/AuditPage';
import { LedgerPage } from './pages/moderation/LedgerPage';
import { ModerationPage } from './pages/moderation/ModerationPage';
import { SanctionBanner } from './pages/moderation/SanctionBanner';
import { ModerationSettingsPage } from './pages/moderation/SettingsPage';
import { WordListPage } from './pages/moderation/WordListPage';
import { NotificationsPage } from './pages/notifications/NotificationsPage';
import { SearchPage } from './pages/conversations/SearchPage';
import { ProfilePage } from './pages/profile/ProfilePage';
import { ResetPasswordPage } from './pages/ResetPasswordPage';
import { SignInPage } from './pages/SignInPage';
import { SignUpPage } from './pages/SignUpPage';
import { OpinionsPage } from './pages/opinions/OpinionsPage';
import { PollsPage } from './pages/polls/PollsPage';
import { ThemesPage } from './pages/themes/ThemesPage';
import { PermalinkPage } from './pages/topic/PermalinkPage';
import { TopicPage } from './pages/topic/TopicPage';
import { AccountDeletedPage, NotFoundPage } from './pages/SimplePages';
import { Routes, type RouteEntry } from './router/router';

const routes: readonly RouteEntry[] = [
  { path: '/', render: () => <HomePage /> },
  { path: '/sign-up', render: () => <SignUpPage /> },
  { path: '/sign-in', render: () => <SignInPage /> },
  { path: '/check-email', render: () => <CheckEmailPage /> },
  { path: '/confirm-email', render: () => <ConfirmEmailPage /> },
  { path: '/forgot-password', render: () => <ForgotPasswordPage /> },
  { path: '/reset-password', render: () => <ResetPasswordPage /> },
  { path: '/profile', render: () => <ProfilePage /> },
  { path: '/account-deleted', render: () => <AccountDeletedPage /> },
  { path: '/admin/users', render: () => <AdminUsersPage /> },
  { path: '/dev/mailbox', render: () => <MailboxPage /> },
  { path: '/conversations', render: () => <ConversationListPage /> },
  { path: '/conversations/new', render: () => <NewConversationPage /> },
  { path: '/conversations/:id', render: () => <ConversationPage /> },
  { path: '/conversations/:id/edit', render: () => <EditConversationPage /> },
  { path: '/conversations/:id/topics/new', render: () => <TopicFormPage /> },
  { path: '/conversations/:id/topics/:topicId/edit', render: () => <TopicFormPage /> },
  { path: '/conversations/:id/search', render: () => <SearchPage /> },
  { path: '/conversations/:id/polls', render: () => <PollsPage /> },
  { path: '/conversations/:id/report', render: () => <ReportPage /> },
  { path: '/conversations/:id/report/edit', render: () => <ReportEditorPage /> },
  { path: '/conversations/:id/exports', render: () => <ExportsPage /> },
  { path: '/conversations/:id/opinions', render: () => <OpinionsPage /> },
  { path: '/conversations/:id/themes', render: () => <ThemesPage /> },
  { path: '/conversations/:id/moderation', render: () => <ModerationPage /> },
  { path: '/conversations/:id/moderation/settings', render: () => <ModerationSettingsPage /> },
  { path: '/conversations/:id/moderation/words', render: () => <WordListPage /> },
  { path: '/conversations/:id/audit', render: () => <AuditPage /> },
  { path: '/conversations/:id/ledger', render: () => <LedgerPage /> },
  { path: '/topics/:id', render: () => <TopicPage /> },
  { path: '/notifications', render: () => <NotificationsPage /> },
  { path: '/comments/:id', render: () => <PermalinkPage /> },
];

export function App() {
  const t = useT();

  return (
    <>
      <a href="#main" className="skip-link">
        {t('skipLink')}
      </a>
      <Header />
      <ConfirmationBanner />
      <SanctionBanner />
      <main id="main" tabIndex={-1} className="main">
        <Routes routes={routes} fallback={<NotFoundPage />} />
      </main>
      <Footer />
    </>
  );
}
