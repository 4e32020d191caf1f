/**
 * A duration for people, as an operator would set it: "0.5 s", "45 s", "20 min", "1.5 min".
 * Seconds below a minute, minutes from there on, one decimal at most.
 */
export const formatDuration = (ms: number): string => {
  const oneDecimal = (value: number) => String(Math.round(value * 10) / 10);
  return ms < 60_000 ? `${oneDecimal(ms / 1000)} s` : `${oneDecimal(ms / 60_000)} min`;
};
