import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig write limits', () => {
  it('keeps the safe defaults when nothing is set', () => {
    expect(loadConfig({}).writeLimits).toEqual({
      comment: { perAccount: 30, perAddress: 300 },
      flag: { perAccount: 30, perAddress: 300 },
      stance: { perAccount: 120, perAddress: 1200 },
    });
  });

  it('reads each budget from its own setting', () => {
    const config = loadConfig({
      LIMIT_COMMENTS_PER_ADDRESS: '5000',
      LIMIT_STANCES_PER_ACCOUNT: '7',
    });

    expect(config.writeLimits.comment).toEqual({ perAccount: 30, perAddress: 5000 });
    expect(config.writeLimits.stance.perAccount).toBe(7);
  });

  it.each(['0', '-3', '2.5', 'many'])('refuses %s writes a minute, naming the setting', (value) => {
    expect(() => loadConfig({ LIMIT_COMMENTS_PER_ACCOUNT: value })).toThrow(ConfigError);
    expect(() => loadConfig({ LIMIT_COMMENTS_PER_ACCOUNT: value })).toThrow(
      /LIMIT_COMMENTS_PER_ACCOUNT/,
    );
  });
});
