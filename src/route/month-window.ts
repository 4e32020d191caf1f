/** The calendar month in UTC that `at` falls in, as [from, to) ISO timestamps: a budget's month. */
export const monthWindow = (at: Date): { from: string; to: string } => {
  const from = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  const to = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
  return { from: from.toISOString(), to: to.toISOString() };
};
