import { describe, expect, it } from 'vitest';
import { RegionSetup, slugOf } from './setup.js';

const valid = {
  regionName: 'Region Västerås',
  adminName: 'Anna Admin',
  adminEmail: 'Anna@Region.example',
  adminPassword: 'ett långt lösenord',
};

describe('first-run setup', () => {
  it('takes a region with defaults for the root body and the case-number label', () => {
    expect(RegionSetup.parse(valid)).toMatchObject({
      rootName: 'Regionfullmäktige',
      caseNumberLabel: 'diarienummer',
      adminEmail: 'anna@region.example',
    });
  });
  it('refuses a case-number format that is not a regular expression, and a short password', () => {
    const r = RegionSetup.safeParse({
      ...valid,
      caseNumberPattern: 'RS (\\d{4}',
      adminPassword: 'kort',
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'adminPassword',
      'caseNumberPattern',
    ]);
  });
  it('makes a slug a URL can carry', () => {
    expect(slugOf('Region Västerås')).toBe('region-vasteras');
    expect(slugOf('Örebro läns kommuner')).toBe('orebro-lans-kommuner');
    expect(slugOf('!!!')).toBe('region');
  });
});
