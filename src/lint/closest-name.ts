/**
 * "Did you mean ...?" for mistyped rule ids, option names and directives: a misspelt name in
 * a config file should fail with the fix in the message, not silently do nothing.
 */

/** Edit distance (insertions, deletions, substitutions, adjacent swaps) between two strings. */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const distance: number[][] = Array.from({ length: rows }, (_, row) => Array.from({ length: columns }, (_, column) => (row === 0 ? column : column === 0 ? row : 0)));
  for (let row = 1; row < rows; row += 1) {
    for (let column = 1; column < columns; column += 1) {
      const cost = a[row - 1] === b[column - 1] ? 0 : 1;
      const current = distance[row] as number[];
      const previous = distance[row - 1] as number[];
      let best = Math.min((previous[column] as number) + 1, (current[column - 1] as number) + 1, (previous[column - 1] as number) + cost);
      if (row > 1 && column > 1 && a[row - 1] === b[column - 2] && a[row - 2] === b[column - 1]) {
        best = Math.min(best, ((distance[row - 2] as number[])[column - 2] as number) + 1);
      }
      current[column] = best;
    }
  }
  return (distance[a.length] as number[])[b.length] as number;
}

/**
 * The candidate closest to `name`, when it is close enough to be a likely typo (at most a
 * third of the name's length in edits, as commander judges suggestions), else null.
 */
export function closestName(name: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  const wanted = name.toLowerCase();
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(name.length / 3)) ? best : null;
}

/** ` (did you mean "x"?)` when there is a close candidate, else an empty string. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const suggestion = closestName(name, candidates);
  return suggestion !== null && suggestion !== name ? ` (did you mean "${suggestion}"?)` : '';
}
