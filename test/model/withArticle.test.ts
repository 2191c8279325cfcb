import { describe, expect, it } from 'vitest';
import { withArticle } from '../../src/errors.js';

describe('withArticle', () => {
  it('puts "an" before the law names that start with a vowel sound', () => {
    expect(
      ['exponential', 'erlang', 'alpha-factor', 'uniform', 'weibull', 'lognormal'].map(withArticle),
    ).toEqual([
      'an exponential',
      'an erlang',
      'an alpha-factor',
      'a uniform',
      'a weibull',
      'a lognormal',
    ]);
  });
});
