/** Adds dollar amounts in whole nano-dollars, so a thousand small costs sum without float noise. */
export const sumUsd = (amounts: Iterable<number>): number => {
  let nano = 0;
  for (const usd of amounts) nano += Math.round(usd * 1e9);
  return nano / 1e9;
};
