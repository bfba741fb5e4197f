import { describe, expect, it } from 'vitest';
import { platformSv } from './i18n-platform.js';
import { orgSv } from '../modules/organization/i18n/index.js';
import { auditSv } from '../modules/audit-trail/i18n.js';
import { goalsSv } from '../modules/goals/i18n.js';
import { documentsSv } from '../modules/documents/i18n.js';
import { servicesSv } from '../modules/services/i18n.js';
import { revisionSv } from '../modules/revision/i18n.js';
import { portfolioSv } from '../modules/portfolio/i18n.js';

describe('the dictionaries', () => {
  it('no module overrides another module’s key (one word would silently change another page)', () => {
    const dictionaries = {
      platformSv,
      orgSv,
      auditSv,
      goalsSv,
      documentsSv,
      servicesSv,
      revisionSv,
      portfolioSv,
    };
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const [name, dict] of Object.entries(dictionaries)) {
      for (const key of Object.keys(dict)) {
        if (owner.has(key)) clashes.push(`${key}: ${owner.get(key)} and ${name}`);
        else owner.set(key, name);
      }
    }
    expect(clashes).toEqual([]);
  });
});
