import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadDemo, DEMO_PASSWORD } from '../../server/demo/demo.js';
import { expectAccessible, logIn, saveDialog, startStack } from './browser.js';

/**
 * Forms never erase data: every edit form of the demo region, opened and saved without a change,
 * leaves the record exactly as the API gave it. Warm (the app has visited the list pages, so the
 * options are cached) and cold (the page loaded by URL, the form opened and saved at once, while
 * the option lists are held back so they arrive after the save).
 */
let stack: Awaited<ReturnType<typeof startStack>>;
let page: Page;

beforeAll(async () => {
  stack = await startStack();
  await loadDemo(stack.db);
  page = await (
    await stack.browser.newContext({ viewport: { width: 1280, height: 900 } })
  ).newPage();
  await logIn(page, stack.baseUrl, 'admin@norrsund.example', DEMO_PASSWORD);
}, 120_000);
afterAll(() => stack?.close());

type Json = Record<string, unknown>;
type Item = Json & { id: string };

const getJson = async <T = Json>(path: string): Promise<T> => {
  const res = await page.request.get(`${stack.baseUrl}${path}`);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
};
const items = async (path: string) => (await getJson<{ items: Item[] }>(path)).items;
const pick = (list: Item[], test: (x: Item) => boolean, what: string) => {
  const found = list.find(test);
  if (!found) throw new Error(`the demo has no ${what}`);
  return found;
};
/**
 * The record (read in full: list items may leave fields out) with the most of `links` set, so the
 * test saves the richest record the demo has; at least one must be set.
 */
async function pickRecord(
  list: Item[],
  api: (id: string) => string,
  links: string[],
  what: string,
  { orFirst = false } = {},
) {
  let best: { record: Item; score: number } | null = null;
  for (const x of list) {
    const record = await getJson<Item>(api(x.id));
    const score = links.filter((k) => filled(record[k])).length;
    if (score > (best?.score ?? 0)) best = { record, score };
  }
  if (!best && orFirst && list[0]) return getJson<Item>(api(list[0].id));
  if (!best) throw new Error(`the demo has no ${what}`);
  return best.record;
}
const filled = (v: unknown) => (Array.isArray(v) ? v.length > 0 : v != null && v !== '');

/** The record without what a save may change even when nothing was changed. */
const comparable = (record: Json) => {
  const { version: _v, updatedAt: _a, updatedBy: _b, ...rest } = record;
  return rest;
};

/** A navigation inside the single-page app (no reload, so its caches stay warm). */
async function navigateInApp(path: string) {
  await page.evaluate((p) => {
    history.pushState({}, '', p);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/** Hold back every option list (the pickers ask for 200 rows) until `release` is called. */
async function holdOptionLists() {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const isOptionList = (url: URL) =>
    url.pathname.startsWith('/api/') && url.searchParams.get('limit') === '200';
  const handler = async (route: import('playwright-core').Route) => {
    await released;
    await route.continue().catch(() => {});
  };
  await page.route(isOptionList, handler);
  let done = false;
  return async () => {
    release();
    if (!done) await page.unroute(isOptionList, handler);
    done = true;
  };
}

type Case = {
  name: string;
  /** The page and the API path of one demo record. */
  find: () => Promise<{ url: string; api: string; compare?: (r: Json) => Json }>;
  /** The button that opens the edit form. */
  edit: string | RegExp;
};

const cases: Case[] = [
  {
    name: 'an initiative with a decision, a preparing forum and goals',
    edit: 'Redigera',
    find: async () => {
      const i = await pickRecord(
        await items('/api/initiatives?limit=200'),
        (id) => `/api/initiatives/${id}`,
        ['decisionId', 'preparedByForumId', 'goalIds'],
        'initiative with decision, forum and goals',
      );
      return { url: `/portfolj/${i.id}`, api: `/api/initiatives/${i.id}` };
    },
  },
  {
    name: 'a steering document with goals',
    edit: 'Redigera',
    find: async () => {
      const d = await pickRecord(
        await items('/api/documents?limit=200'),
        (id) => `/api/documents/${id}`,
        ['goalIds', 'adoptionDecisionId'],
        'document with goals and an adoption decision',
      );
      return { url: `/styrdokument/${d.id}`, api: `/api/documents/${d.id}` };
    },
  },
  {
    name: 'a forum',
    edit: 'Redigera',
    find: async () => {
      const f = pick(
        await items('/api/forums?limit=200'),
        (x) => filled(x.mandateDecisionId) || filled(x.mandate),
        'forum with a mandate',
      );
      return { url: `/forum/${f.id}`, api: `/api/forums/${f.id}` };
    },
  },
  {
    name: 'a goal with a parent goal',
    edit: 'Redigera',
    find: async () => {
      const g = pick(
        await items('/api/goals?limit=200'),
        (x) => filled(x.parentGoalIds),
        'goal with a parent',
      );
      return { url: `/mal/${g.id}`, api: `/api/goals/${g.id}` };
    },
  },
  {
    name: 'a decision',
    edit: 'Redigera',
    find: async () => {
      const d = pick(
        await items('/api/decisions?limit=200&kind=decision'),
        (x) => filled(x.forumId) || filled(x.bodyUnitId),
        'decision',
      );
      return { url: `/beslut/${d.id}`, api: `/api/decisions/${d.id}` };
    },
  },
  {
    name: 'an IT system with owners',
    edit: 'Redigera',
    find: async () => {
      const s = pick(
        await items('/api/systems?limit=200'),
        (x) => filled(x.ownerUnitId) && filled(x.ownerPersonId),
        'system with an owner',
      );
      return { url: `/it-system/${s.id}`, api: `/api/systems/${s.id}` };
    },
  },
  {
    name: 'a service',
    edit: 'Redigera',
    find: async () => {
      const n = await pickRecord(
        await items('/api/service-nodes'),
        (id) => `/api/service-nodes/${id}`,
        ['responsiblePersonId', 'owningUnitId', 'responsibleAppointedById'],
        'service with a responsible person',
        { orFirst: true },
      );
      return { url: `/tjanster/${n.id}`, api: `/api/service-nodes/${n.id}` };
    },
  },
  {
    name: 'a management object',
    edit: 'Redigera',
    find: async () => {
      const o = await pickRecord(
        await items('/api/management-objects'),
        (id) => `/api/management-objects/${id}`,
        ['ownerPersonId', 'owningUnitId'],
        'management object with an owner',
        { orFirst: true },
      );
      return { url: `/forvaltningsobjekt/${o.id}`, api: `/api/management-objects/${o.id}` };
    },
  },
  {
    name: 'an audit',
    edit: 'Redigera',
    find: async () => {
      const a = await pickRecord(
        await items('/api/audits?limit=200'),
        (id) => `/api/audits/${id}`,
        ['auditedBodyIds'],
        'audit with audited bodies',
        { orFirst: true },
      );
      return { url: `/revision/${a.id}`, api: `/api/audits/${a.id}` };
    },
  },
  {
    name: 'a unit',
    edit: 'Redigera',
    find: async () => {
      const u = pick(await items('/api/units/tree'), (x) => filled(x.parentId), 'unit');
      return { url: `/organisation/${u.id}`, api: `/api/units/${u.id}` };
    },
  },
  {
    name: 'an indicator',
    edit: /^Redigera: /,
    find: async () => {
      for (const g of await items('/api/goals?limit=200')) {
        const [indicator] = await items(`/api/goals/${g.id}/indicators`).catch(() => []);
        if (indicator)
          return {
            url: `/mal/${g.id}`,
            api: `/api/goals/${g.id}/indicators`,
            compare: (r) =>
              (r as { items: Item[] }).items.map((x) => comparable(x)) as unknown as Json,
          };
      }
      throw new Error('the demo has no indicator');
    },
  },
  {
    name: 'a person',
    edit: /^Redigera: /,
    find: async () => ({
      url: '/personer',
      api: '/api/persons?limit=200',
      compare: (r) => (r as { items: Item[] }).items.map((x) => comparable(x)) as unknown as Json,
    }),
  },
];

/** Open the edit form and press Spara; `afterPress` runs before waiting for the dialog to close. */
async function openAndSave(edit: string | RegExp, afterPress?: () => Promise<void>) {
  await page
    .getByRole('main')
    .getByRole('button', typeof edit === 'string' ? { name: edit, exact: true } : { name: edit })
    .first()
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (!afterPress) return saveDialog(page);
  await dialog.getByRole('button', { name: 'Spara' }).click();
  // The body is read when Spara is pressed; the lists may arrive now (the refetch after the save waits for them).
  await afterPress();
  await dialog.waitFor({ state: 'hidden' });
}

describe('an edit form saved without a change changes nothing', () => {
  for (const c of cases) {
    it(`${c.name}, warm and cold`, async () => {
      const { url, api, compare = comparable } = await c.find();
      const before = compare(await getJson(api));

      // Warm: the app has shown the list pages, then navigates to the record without a reload.
      await page.goto(`${stack.baseUrl}/`);
      await page.getByRole('heading', { name: 'Översikt', level: 1 }).waitFor();
      for (const list of ['/mal', '/forum', '/portfolj']) {
        await navigateInApp(list);
        await page.waitForLoadState('networkidle');
      }
      await navigateInApp(url);
      await page.getByRole('main').getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      await openAndSave(c.edit);
      await page.waitForLoadState('networkidle');
      expect(compare(await getJson(api)), 'warm').toEqual(before);

      // Cold: loaded by URL, opened and saved before the option lists have arrived.
      const release = await holdOptionLists();
      try {
        await page.goto(`${stack.baseUrl}${url}`);
        await openAndSave(c.edit, release);
      } finally {
        await release();
      }
      await page.waitForLoadState('networkidle');
      expect(compare(await getJson(api)), 'cold').toEqual(before);
    });
  }

  it('the settings page, warm and cold', async () => {
    const before = comparable(await getJson('/api/settings'));
    expect(before.councilForumId, 'the demo names a council').toBeTruthy();
    const save = async (afterPress?: () => Promise<void>) => {
      await page.getByRole('main').getByRole('button', { name: 'Spara', exact: true }).click();
      await afterPress?.();
      await page.getByRole('status').filter({ hasText: 'Sparat.' }).waitFor();
    };
    await page.goto(`${stack.baseUrl}/`);
    await page.getByRole('heading', { name: 'Översikt', level: 1 }).waitFor();
    await navigateInApp('/installningar');
    await page.getByRole('heading', { name: 'Inställningar', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    await save();
    expect(comparable(await getJson('/api/settings')), 'warm').toEqual(before);

    const release = await holdOptionLists();
    try {
      await page.goto(`${stack.baseUrl}/installningar`);
      await page.getByRole('heading', { name: 'Inställningar', level: 1 }).waitFor();
      await save(release);
    } finally {
      await release();
    }
    await page.waitForLoadState('networkidle');
    expect(comparable(await getJson('/api/settings')), 'cold').toEqual(before);
  });

  it('a changed field is saved, and only that field', async () => {
    const f = pick(await items('/api/forums?limit=200'), (x) => filled(x.mandate), 'forum');
    const before = comparable(await getJson(`/api/forums/${f.id}`));
    await page.goto(`${stack.baseUrl}/forum/${f.id}`);
    await page.getByRole('main').getByRole('button', { name: 'Redigera', exact: true }).click();
    await page
      .getByRole('dialog')
      .getByLabel('Beskrivning', { exact: true })
      .fill('Ny beskrivning från e2e');
    await saveDialog(page);
    await page.waitForLoadState('networkidle');
    expect(comparable(await getJson(`/api/forums/${f.id}`))).toEqual({
      ...before,
      description: 'Ny beskrivning från e2e',
    });
  });
});

describe('one broken page never blanks the app', () => {
  it('the initiative page renders after the goals page', async () => {
    // Link a goal to an initiative through its form (a multi-select), so the page names a goal.
    const [i] = await items('/api/initiatives?limit=1');
    const [goal] = await items('/api/goals?limit=1');
    if (!i || !goal) throw new Error('the demo has no initiative or goal');
    await page.goto(`${stack.baseUrl}/portfolj/${i.id}`);
    await page.getByRole('main').getByRole('button', { name: 'Redigera', exact: true }).click();
    await page.waitForLoadState('networkidle');
    await page
      .getByRole('dialog')
      .getByLabel('Mål som initiativet bidrar till')
      .selectOption([goal.id]);
    await saveDialog(page);
    await page.waitForLoadState('networkidle');
    expect((await getJson(`/api/initiatives/${i.id}`)).goalIds).toEqual([goal.id]);

    await page.goto(`${stack.baseUrl}/mal`);
    await page.getByRole('heading', { name: 'Mål och indikatorer', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    await navigateInApp(`/portfolj/${i.id}`);
    await page.getByRole('heading', { name: String(i.title), level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.getByRole('main').getByText(String(goal.title)).first().waitFor();
    expect(await page.getByText('Något gick fel på den här sidan').count()).toBe(0);
  });

  it('a page that fails to render shows the boundary message, and navigation leaves it', async () => {
    await page.goto(`${stack.baseUrl}/`);
    await page.getByRole('heading', { name: 'Översikt', level: 1 }).waitFor();
    // The audit trail's code cannot be loaded (a network failure): its lazy import throws while rendering.
    const chunk = /\/assets\/AuditTrailPage-[^/]+\.js$/;
    await page.route(chunk, (route) => route.abort());
    await page.getByRole('navigation').getByRole('link', { name: 'Granskningslogg' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Något gick fel på den här sidan' });
    await alert.waitFor();
    await expect(
      page.getByRole('navigation').getByRole('link', { name: 'Översikt' }).isVisible(),
    ).resolves.toBe(true);
    await expectAccessible(page, 'error boundary');
    await page.unroute(chunk);
    await alert.getByRole('link', { name: 'Till startsidan' }).click();
    await page.getByRole('heading', { name: 'Översikt', level: 1 }).waitFor();
    expect(await alert.count()).toBe(0);
  });
});

describe('destructive actions ask first', () => {
  it('revoking a role asks in an accessible dialog; Escape keeps the role, confirming removes it', async () => {
    await page.goto(`${stack.baseUrl}/personer`);
    await page.getByRole('heading', { name: 'Personer och roller', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    const grants = async () => (await items('/api/role-grants')).length;
    const count = await grants();
    const revoke = page
      .getByRole('row')
      .filter({ hasNotText: 'admin@norrsund.example' })
      .getByRole('button', { name: /^Ta bort roll / })
      .first();
    await revoke.click();
    const dialog = page.getByRole('dialog', { name: 'Är du säker?' });
    await dialog.waitFor();
    await expectAccessible(page, 'confirm dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await grants(), 'Escape keeps the role').toBe(count);

    await revoke.click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Ta bort', exact: true }).press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForLoadState('networkidle');
    expect(await grants(), 'confirming removes it').toBe(count - 1);
  });
});
