import { describe, expect, it } from 'vitest';
import { progressPrinter } from '../bench/progress-bar.ts';

const eta = { kind: 'eta', done: 6, total: 12, elapsedMs: 65_000, etaMs: 125_000, doing: 'loop n=2^20 rounds=64' } as const;

describe('progress on stderr', () => {
  it('draws one live bar with the ETA on a terminal, redrawn in place', () => {
    const written: string[] = [];
    const print = progressPrinter({ isTTY: true, columns: 200, write: (text) => written.push(text) });
    print(eta);
    print({ ...eta, done: 7 });
    expect(written).toHaveLength(2);
    expect(written[0]).toBe('\r\x1b[K[############............] 6/12 cells, 1m05s spent, ETA 2m05s  loop n=2^20 rounds=64');
    expect(written.every((text) => !text.includes('\n'))).toBe(true);
  });

  it('writes plain lines when stderr is not a terminal, skipped cells included', () => {
    const written: string[] = [];
    const print = progressPrinter({ isTTY: false, write: (text) => written.push(text) });
    print(eta);
    print({ kind: 'skip', strategy: 'loop', n: 1024, rounds: 1, reason: 'over budget' });
    expect(written).toEqual([
      'cake: [############............] 6/12 cells, 1m05s spent, ETA 2m05s  loop n=2^20 rounds=64\n',
      'cake:   skipped loop n=1024 rounds=1: over budget\n',
    ]);
  });
});
