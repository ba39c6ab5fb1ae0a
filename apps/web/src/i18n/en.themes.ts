/** Themes, clustering runs and tags (English). */
export const enThemes = {
  'error.TAG_NAME_TAKEN': 'A tag with this name already exists.',
  'error.THEME_NOT_ACTIVE': 'This theme is no longer active (merged or retired). Reload.',
};
