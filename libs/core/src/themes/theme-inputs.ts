/**
 * A theme input is a published comment or the text of an open poll answer. Its input id is the
 * comment's id, or "answer:" and the answer's id: a comment id is a bare uuid and never starts so,
 * so the two kinds cannot collide, and both stay the same from one run to the next.
 */
const answerPrefix = 'answer:';

export function answerInputId(answerId: string): string {
  return `${answerPrefix}${answerId}`;
}

/** The answer id of an answer's input id. */
export function answerIdOf(inputId: string): string {
  return inputId.slice(answerPrefix.length);
}

export function isAnswerInput(inputId: string): boolean {
  return inputId.startsWith(answerPrefix);
}

/** Input ids split by kind, as the bare ids of their own tables. */
export function splitInputs(inputIds: string[]): { commentIds: string[]; answerIds: string[] } {
  const commentIds: string[] = [];
  const answerIds: string[] = [];
  for (const id of inputIds) {
    if (isAnswerInput(id)) answerIds.push(id.slice(answerPrefix.length));
    else commentIds.push(id);
  }

  return { commentIds, answerIds };
}

/** SQL that turns a text column of input ids into its comment id and answer id, one of them null. */
export function inputColumns(column: string): string {
  return `CASE WHEN ${column} LIKE '${answerPrefix}%' THEN NULL ELSE ${column}::uuid END,
          CASE WHEN ${column} LIKE '${answerPrefix}%'
               THEN substr(${column}, ${answerPrefix.length + 1})::uuid END`;
}
