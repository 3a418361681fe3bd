import { describe, expect, it } from 'vitest';
import { scoreAccuracy, scoreSets } from './score-sets.js';

describe('scoreSets', () => {
  it('micro-averages precision, recall and F1 over all cases', () => {
    const score = scoreSets([
      { expected: ['go', 'postgresql'], predicted: ['go', 'postgresql', 'redis'] },
      { expected: ['python', 'django'], predicted: ['python'] },
    ]);
    expect(score).toMatchObject({ truePositives: 3, falsePositives: 1, falseNegatives: 1 });
    expect(score.precision).toBeCloseTo(0.75);
    expect(score.recall).toBeCloseTo(0.75);
    expect(score.f1).toBeCloseTo(0.75);
  });

  it('counts duplicates once and scores empty sets as perfect', () => {
    expect(scoreSets([{ expected: ['go'], predicted: ['go', 'go'] }]).precision).toBe(1);
    expect(scoreSets([{ expected: [], predicted: [] }]).f1).toBe(1);
    expect(scoreSets([{ expected: ['go'], predicted: [] }]).f1).toBe(0);
  });
});

describe('scoreAccuracy', () => {
  it('is the share of correct cases', () => {
    expect(scoreAccuracy([1, 2, 3, 4], (value) => value % 2 === 0)).toBe(0.5);
  });
});
