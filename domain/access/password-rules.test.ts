import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-rules.js';

const common = new Set(['password', 'qwerty', 'dragon', '1234567890', 'sommar']);

describe('passwords that are too easy to guess', () => {
  it('refuses a common password, also with digits or signs around it, repeated or in capitals', () => {
    for (const p of ['1234567890', 'Password2024!', '!!dragon2024', 'qwertyqwerty', 'SOMMAR2025!!'])
      expect(passwordProblem(p, common), p).toBe('auth.passwordCommon');
  });
  it('refuses a password of few different characters', () => {
    expect(passwordProblem('aaaaaaaaaaaa', common)).toBe('auth.passwordCommon');
    expect(passwordProblem('1212121212', common)).toBe('auth.passwordCommon');
  });
  it('refuses the person’s e-mail, its local part, their name or the region’s name', () => {
    const own = ['anna.berg@region.se', 'Anna Berg', 'Region Norrland'];
    for (const p of ['anna.berg@region.se', 'Anna.Berg2024', 'annaberg!!', 'regionnorrland1'])
      expect(passwordProblem(p, common, own), p).toBe('auth.passwordPersonal');
  });
  it('accepts a passphrase', () => {
    expect(passwordProblem('correct-horse-battery', common, ['anna@region.se'])).toBeNull();
    expect(passwordProblem('blå kanot i vassen', common)).toBeNull();
  });
});
