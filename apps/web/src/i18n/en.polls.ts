/** Polls, surveys and the opinion map (English). */
export const enPolls = {
  'error.POLL_NOT_OPEN': 'This poll has not opened yet.',
  'error.POLL_CLOSED': 'This poll is closed. Answers can no longer change.',
  'error.POLL_INVALID': 'This poll is not complete. Check the options and settings.',
  'error.ANSWER_MISMATCH': 'This answer does not fit the poll.',
  'error.UNKNOWN_OPTION': 'One of the options is not part of this poll.',
  'error.TOO_MANY_CHOICES': 'You have chosen more options than this poll allows.',
  'error.RANKING_INCOMPLETE': 'Put every option in order before sending.',
  'error.BUDGET_NOT_BALANCED': 'The amounts must add up exactly to the whole sum.',
  'error.RESULTS_HIDDEN': 'The results are not shown yet.',
  'error.SURVEY_RUN_MISSING': 'This survey has no such run.',
};
