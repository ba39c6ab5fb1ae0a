/** Data exports and insight reports (English). */
export const enInsight = {
  'error.EXPORT_NOT_READY': 'The file is still being prepared. Wait until it is ready.',
  'error.EXPORT_EXPIRED': 'This download link has expired. Make a new export.',
  'error.REPORT_NOT_PUBLISHED': 'This report has not been published yet.',
};
