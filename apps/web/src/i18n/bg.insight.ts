/** Износ на данни и доклади (български). */
export const bgInsight = {
  'error.EXPORT_NOT_READY': 'Файлът още се подготвя. Изчакайте да стане готов.',
  'error.EXPORT_EXPIRED': 'Връзката за изтегляне е изтекла. Направете нов износ.',
  'error.REPORT_NOT_PUBLISHED': 'Този доклад още не е публикуван.',
};
