const GROUP_HEADER = /^([0-9a-f]{40,64}) \d+ \d+/;

/**
 * The commit each line of `git blame --porcelain` output comes from, one entry per blamed line,
 * in output order. Lines git marks `boundary` (older than the range it was asked to look at, or
 * the root commit without `--root`) are left out: blame does not know who wrote them.
 */
export const readBlamePorcelain = (output: string): string[] => {
  const boundary = new Set<string>();
  const shas: string[] = [];
  let current = '';
  for (const line of output.split('\n')) {
    if (line.startsWith('\t')) {
      if (current !== '' && !boundary.has(current)) shas.push(current);
      continue;
    }
    const header = GROUP_HEADER.exec(line);
    if (header !== null) current = header[1] ?? '';
    else if (line === 'boundary') boundary.add(current);
  }
  return shas;
};
