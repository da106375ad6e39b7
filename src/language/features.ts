/**
 * What the classifier reads: the normalised words with every number as one word ("it's a 7" and "it's a 3"
 * are the same phrasing) and clock times as another. Pure and fast.
 */
export function classifierText(normalised: string): string {
  return normalised
    .replace(/\b\d{1,2}:\d{2}\b/g, 'ztime')
    .replace(/\b\d+(?:\.\d+)?\b/g, 'znum');
}
