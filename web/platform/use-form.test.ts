import { describe, expect, it } from 'vitest';
import { changedFields, num } from './use-form.js';

describe('changedFields: an update carries only what the user changed', () => {
  it('leaves out every field whose value is the same, arrays and objects by content', () => {
    const before = { title: 'A', goalIds: ['g1', 'g2'], risks: [{ p: 1 }], decisionId: 'd1' };
    const now = { title: 'B', goalIds: ['g1', 'g2'], risks: [{ p: 1 }], decisionId: 'd1' };
    expect(changedFields(before, now)).toEqual({ title: 'B' });
  });

  it('sends a cleared field as null, and a changed selection whole', () => {
    expect(changedFields({ a: 'x', ids: ['1'] }, { a: null, ids: ['1', '2'] })).toEqual({
      a: null,
      ids: ['1', '2'],
    });
  });

  it('a number typed in Swedish format equals the stored number', () => {
    expect(changedFields({ cost: num('1250.5') }, { cost: num('1 250,5') })).toEqual({});
  });

  it('a value that is not a number differs from an empty one (for the API to refuse)', () => {
    expect(changedFields({ n: num('') }, { n: num('abc') })).toHaveProperty('n');
  });
});
