import { useT } from '../i18n/i18n';
import { Link } from '../router/router';

export function Footer() {
  const t = useT();

  return (
    <footer className="footer">
      <div className="footer__inner">
        <p>{t('footer.about')}</p>
        {import.meta.env.DEV && <Link to="/dev/mailbox">{t('footer.mailbox')}</Link>}
      </div>
    </footer>
  );
}
