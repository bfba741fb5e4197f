import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createPerson, createGrant } from '../../server/modules/organization/people.service.js';
import { anE2eTenant, E2E_PASSWORD, expectAccessible, logIn, startStack } from './browser.js';

const PASSWORD = E2E_PASSWORD;
let stack: Awaited<ReturnType<typeof startStack>>;
let page: Page;

beforeAll(async () => {
  stack = await startStack();
  const {
    t,
    ctx,
    page: p,
  } = await anE2eTenant(stack, {
    name: 'Region E2E',
    slug: 'e2e',
    adminName: 'Ada Admin',
    adminEmail: 'admin@e2e.example',
  });
  const reader = await createPerson(stack.db, ctx, {
    name: 'Rolf Läsare',
    email: 'reader@e2e.example',
    canLogIn: true,
    password: PASSWORD,
  });
  await createGrant(stack.db, ctx, {
    personId: reader.person.id,
    role: 'reader',
    unitId: t.rootUnitId,
  });
  page = p;
});
afterAll(() => stack?.close());

describe('an administrator', () => {
  it('logs in (the login page is accessible)', async () => {
    await page.goto(`${stack.baseUrl}/`);
    await expectAccessible(page, 'login');
    await page.getByLabel('E-postadress').fill('admin@e2e.example');
    await page.getByLabel('Lösenord').fill('fel-lösenord');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Fel e-postadress eller lösenord');
    await logIn(page, stack.baseUrl, 'admin@e2e.example', PASSWORD);
    await expectAccessible(page, 'home');
  });

  it('builds a unit in the organisation tree, with the keyboard', async () => {
    await page.getByRole('link', { name: 'Organisation', exact: true }).click();
    await page.getByRole('heading', { name: 'Organisation', level: 1 }).waitFor();
    await expectAccessible(page, 'organisation tree');
    const add = page.getByRole('button', { name: 'Ny enhet under Regionfullmäktige' });
    await add.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Ny enhet under Regionfullmäktige' });
    await dialog.waitFor();
    await expectAccessible(page, 'new unit dialog');
    // A bad input gets a clear message, and the form keeps what was typed.
    await dialog.getByLabel('Namn').fill('Hälso- och sjukvårdsnämnden');
    await dialog.getByLabel('Typ').selectOption('board');
    await dialog.getByLabel('Startdatum').fill('2024-01-01');
    await dialog.getByLabel('Slutdatum').fill('2023-01-01');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toContain('Slutdatum kan inte vara före startdatum.');
    await expect(dialog.getByLabel('Namn').inputValue()).resolves.toBe(
      'Hälso- och sjukvårdsnämnden',
    );
    await expectAccessible(page, 'unit dialog with errors');
    await dialog.getByLabel('Slutdatum').fill('');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('link', { name: 'Hälso- och sjukvårdsnämnden' }).waitFor();
    await page.getByRole('link', { name: 'Hälso- och sjukvårdsnämnden' }).click();
    await page.getByRole('heading', { name: 'Hälso- och sjukvårdsnämnden', level: 1 }).waitFor();
    await expectAccessible(page, 'unit page');
  });

  it('records a forum with its mandate', async () => {
    await page.getByRole('link', { name: 'Forum', exact: true }).click();
    await page.getByRole('button', { name: 'Nytt forum' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nytt forum' });
    await dialog.getByLabel('Namn').fill('Digitaliseringsrådet');
    await dialog.getByLabel('Hör till enhet').selectOption({ label: 'Regionfullmäktige' });
    await dialog.getByLabel('Mandat', { exact: true }).selectOption('prepares');
    await dialog
      .getByLabel('Mandatets lydelse')
      .fill('Bereder förvaltningsövergripande initiativ.');
    await dialog.getByLabel('Sammanträden per år').fill('6');
    await expectAccessible(page, 'forum dialog');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('heading', { name: 'Digitaliseringsrådet', level: 1 }).waitFor();
    await expect(
      page.getByText('Bereder förvaltningsövergripande initiativ.').isVisible(),
    ).resolves.toBe(true);
    await expectAccessible(page, 'forum page');
  });

  it('records a decision and finds it by part of a compound word', async () => {
    await page.getByRole('link', { name: 'Beslut', exact: true }).click();
    await page.getByRole('button', { name: 'Registrera beslut' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrera beslut' });
    await dialog.getByLabel('Rubrik').fill('Antagande av Digitaliseringsstrategi 2030');
    await dialog.getByLabel('Organ', { exact: true }).selectOption({ label: 'Regionfullmäktige' });
    await dialog.getByLabel('Beslutsnivå').selectOption('assembly');
    await dialog.getByLabel('Beslutsdatum').fill('2026-04-16');
    await dialog.getByLabel('Paragraf (§)').fill('55');
    await dialog.getByLabel('Utfall').selectOption('approved');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await page
      .getByRole('heading', { name: 'Antagande av Digitaliseringsstrategi 2030', level: 1 })
      .waitFor();
    await expectAccessible(page, 'decision page');
    await page.getByRole('link', { name: 'Beslut', exact: true }).click();
    await page.getByLabel('Sök i beslut').fill('strategi');
    await page.getByRole('link', { name: 'Antagande av Digitaliseringsstrategi 2030' }).waitFor();
    await expectAccessible(page, 'decision list');
  });

  it('sees it all in the audit trail, with an intact chain', async () => {
    await page.getByRole('link', { name: 'Granskningslogg', exact: true }).click();
    await page.getByRole('heading', { name: 'Granskningslogg', level: 1 }).waitFor();
    await page.getByText('decision: Antagande av Digitaliseringsstrategi 2030').waitFor();
    await page.getByText('forum: Digitaliseringsrådet').waitFor();
    await page.getByText('unit: Hälso- och sjukvårdsnämnden').waitFor();
    await page.getByRole('button', { name: 'Kontrollera kedjan' }).click();
    await page.getByText(/Kedjan är obruten/).waitFor();
    await expectAccessible(page, 'audit trail');
  });

  it('switches the interface to English', async () => {
    await page.getByRole('button', { name: 'Byt språk till engelska' }).click();
    await page.getByRole('heading', { name: 'Audit trail', level: 1 }).waitFor();
    await expectAccessible(page, 'audit trail in English');
    await page.getByRole('button', { name: 'Switch language to Swedish' }).click();
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByRole('heading', { name: 'Logga in i Styrbord' }).waitFor();
  });
});

describe('a reader', () => {
  it('sees everything but is offered no edits, and is refused one', async () => {
    await logIn(page, stack.baseUrl, 'reader@e2e.example', PASSWORD);
    await page.getByRole('link', { name: 'Organisation', exact: true }).click();
    await page.getByRole('link', { name: 'Hälso- och sjukvårdsnämnden' }).waitFor();
    await expect(page.getByRole('button', { name: /Redigera/ }).count()).resolves.toBe(0);
    await expect(
      page.getByRole('link', { name: 'Granskningslogg', exact: true }).count(),
    ).resolves.toBe(0);
    const status = await page.evaluate(async () => {
      const me = (await (await fetch('/api/auth/me')).json()) as {
        csrfToken: string;
        grants: { unitId: string }[];
      };
      const res = await fetch('/api/units', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'accept-language': 'sv',
          'x-csrf-token': me.csrfToken,
        },
        body: JSON.stringify({ parentId: me.grants[0]!.unitId, kind: 'board', name: 'Otillåten' }),
      });
      return { status: res.status, body: (await res.json()) as { detail: string } };
    });
    expect(status.status).toBe(403);
    expect(status.body.detail).toBe('Du har inte behörighet att göra detta.');
    await page.getByRole('link', { name: 'Beslut', exact: true }).click();
    await page.getByRole('link', { name: 'Antagande av Digitaliseringsstrategi 2030' }).waitFor();
    await expect(page.getByRole('button', { name: 'Registrera beslut' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'decisions as reader');
  });
});
