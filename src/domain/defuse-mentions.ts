/** Text GitHub renders, unable to notify anyone. */
export const ZERO_WIDTH_SPACE = '\u200b';

/** `@name` and `@org/team` with a zero-width space after the `@`: shown the same, mentioning no one. */
export const defuseMentions = (text: string): string =>
  text.replace(/@(?=[A-Za-z0-9])/g, `@${ZERO_WIDTH_SPACE}`);
