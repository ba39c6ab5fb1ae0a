import type { Locale } from '@razgovor/contracts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

type Template = (link: string) => { subject: string; text: string };

const templates: Record<'confirm-email' | 'reset-password', Record<Locale, Template>> = {
  'confirm-email': {
    bg: (link) => ({
      subject: 'Потвърдете адреса си в Разговор',
      text:
        'Здравейте,\n\nЗа да пишете в Разговор, потвърдете електронната си поща, като отворите ' +
        `връзката:\n\n${link}\n\nВръзката е валидна 48 часа. Ако не сте се регистрирали, ` +
        'просто пренебрегнете това писмо.\n\nЕкипът на Разговор',
    }),
    en: (link) => ({
      subject: 'Confirm your address for Razgovor',
      text:
        'Hello,\n\nTo write in Razgovor, please confirm your e-mail address by opening this ' +
        `link:\n\n${link}\n\nThe link works for 48 hours. If you did not sign up, you can ` +
        'ignore this message.\n\nThe Razgovor team',
    }),
  },
  'reset-password': {
    bg: (link) => ({
      subject: 'Нова парола за Разговор',
      text:
        'Здравейте,\n\nПолучихме молба за нова парола. Задайте я чрез връзката:\n\n' +
        `${link}\n\nВръзката е валидна 1 час и работи само веднъж. Ако не сте поискали ` +
        'нова парола, пренебрегнете това писмо: старата остава в сила.\n\nЕкипът на Разговор',
    }),
    en: (link) => ({
      subject: 'A new password for Razgovor',
      text:
        'Hello,\n\nWe received a request for a new password. Set it with this link:\n\n' +
        `${link}\n\nThe link works for 1 hour and only once. If you did not ask for a new ` +
        'password, ignore this message: your current one stays valid.\n\nThe Razgovor team',
    }),
  },
};

export function renderMail(
  kind: keyof typeof templates,
  locale: Locale,
  to: string,
  link: string,
): MailMessage {
  return { to, ...templates[kind][locale](link) };
}
