/** Precision, recall and F1 over a set of predicted against expected items. */
export interface SetScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Adds up matches across many cases (micro-averaged): every expected item is
 * a hit or a miss, every extra predicted item a false positive.
 */
export function scoreSets(
  cases: ReadonlyArray<{ expected: readonly string[]; predicted: readonly string[] }>,
): SetScore {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const { expected, predicted } of cases) {
    const wanted = new Set(expected);
    const got = new Set(predicted);
    for (const item of got) {
      if (wanted.has(item)) truePositives++;
      else falsePositives++;
    }
    for (const item of wanted) if (!got.has(item)) falseNegatives++;
  }
  const precision =
    truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives);
  const recall =
    truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}

/** Share of cases where `isCorrect` holds. */
export function scoreAccuracy<Case>(
  cases: readonly Case[],
  isCorrect: (item: Case) => boolean,
): number {
  if (cases.length === 0) return 1;
  return cases.filter(isCorrect).length / cases.length;
}
