import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aTenant,
  aUnit,
  aUserWith,
  json,
  type Client,
  testEnv,
  type TestEnv,
  type Tenant,
} from './test/helper.js';
import { aFixture, type Fixture } from './test/fixture.js';

/**
 * Walks every API route with every role and checks the answer against the specification below:
 * who may do what, where. A new route that is missing here fails the coverage test.
 */
type RoleKey =
  | 'admin'
  | 'coordinator'
  | 'editorIn'
  | 'editorOut'
  | 'reader'
  | 'auditor'
  | 'auditOffice'
  | 'none';
const ALL: RoleKey[] = [
  'admin',
  'coordinator',
  'editorIn',
  'editorOut',
  'reader',
  'auditor',
  'auditOffice',
  'none',
];
const READERS: RoleKey[] = [
  'admin',
  'coordinator',
  'editorIn',
  'editorOut',
  'reader',
  'auditor',
  'auditOffice',
];
/** Audits, their questions, assessments, recommendations and findings (not replies or actions). */
const AUDIT_RECORDERS: RoleKey[] = ['admin', 'coordinator', 'auditOffice'];
/** Goals and documents of unit A: administrators, coordinators (region-wide) and A's editors. */
const WRITERS: RoleKey[] = ['admin', 'coordinator', 'editorIn'];

type Case = {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  url: (f: Fixture) => string;
  body?: (f: Fixture) => Record<string, unknown>;
  allowed: RoleKey[];
};

const cases: Case[] = [
  { method: 'GET', path: '/api/auth/me', url: () => '/api/auth/me', allowed: ALL },
  {
    method: 'POST',
    path: '/api/auth/password',
    url: () => '/api/auth/password',
    body: () => ({ currentPassword: 'wrong-wrong', newPassword: 'long-enough-password' }),
    allowed: ALL,
  },
  { method: 'GET', path: '/api/settings', url: () => '/api/settings', allowed: READERS },
  {
    method: 'PUT',
    path: '/api/settings',
    url: () => '/api/settings',
    body: () => ({ version: 999 }),
    allowed: ['admin'],
  },
  {
    method: 'GET',
    path: '/api/audit-trail',
    url: () => '/api/audit-trail',
    allowed: ['admin', 'auditor', 'auditOffice'],
  },
  {
    method: 'GET',
    path: '/api/audit-trail/verify',
    url: () => '/api/audit-trail/verify',
    allowed: ['admin', 'auditor', 'auditOffice'],
  },
  { method: 'GET', path: '/api/units', url: () => '/api/units', allowed: READERS },
  { method: 'GET', path: '/api/units/tree', url: () => '/api/units/tree', allowed: READERS },
  {
    method: 'POST',
    path: '/api/units',
    url: () => '/api/units',
    body: (f) => ({ parentId: f.unitA, kind: 'unit', name: 'Ny' }),
    allowed: ['admin', 'editorIn'],
  },
  { method: 'GET', path: '/api/units/{id}', url: (f) => `/api/units/${f.unitA}`, allowed: READERS },
  {
    method: 'PATCH',
    path: '/api/units/{id}',
    url: (f) => `/api/units/${f.unitAChild.id}`,
    body: (f) => ({ version: f.unitAChild.version, description: 'x' }),
    allowed: ['admin', 'editorIn'],
  },
  {
    method: 'POST',
    path: '/api/units/{id}/move',
    url: (f) => `/api/units/${f.unitAChild.id}` + '/move',
    body: (f) => ({ version: 999, parentId: f.unitA }),
    allowed: ['admin', 'editorIn'],
  },
  {
    method: 'POST',
    path: '/api/units/{id}/archive',
    url: (f) => `/api/units/${f.unitAChild.id}/archive`,
    body: () => ({ version: 999, archived: true }),
    allowed: ['admin', 'editorIn'],
  },
  {
    method: 'GET',
    path: '/api/units/{id}/history',
    url: (f) => `/api/units/${f.unitA}/history`,
    allowed: READERS,
  },
  {
    method: 'POST',
    path: '/api/units/{id}/successors',
    url: (f) => `/api/units/${f.unitAChild.id}/successors`,
    body: (f) => ({ successorId: f.unitA }),
    allowed: ['admin', 'editorIn'],
  },
  {
    method: 'DELETE',
    path: '/api/successions/{id}',
    url: (f) => `/api/successions/${f.successionId}`,
    allowed: ['admin', 'editorIn'],
  },
  {
    method: 'GET',
    path: '/api/units/{id}/posts',
    url: (f) => `/api/units/${f.unitA}/posts`,
    allowed: READERS,
  },
  {
    method: 'POST',
    path: '/api/posts',
    url: () => '/api/posts',
    body: (f) => ({ unitId: f.unitA, title: 'Tjänst' }),
    allowed: ['admin', 'editorIn'],
  },
  {
    method: 'PATCH',
    path: '/api/posts/{id}',
    url: (f) => `/api/posts/${f.postId}`,
    body: () => ({ version: 999, title: 'Ändrad' }),
    allowed: ['admin', 'editorIn'],
  },
  {
    method: 'DELETE',
    path: '/api/posts/{id}',
    url: (f) => `/api/posts/${f.postId}`,
    allowed: ['admin', 'editorIn'],
  },
  { method: 'GET', path: '/api/persons', url: () => '/api/persons', allowed: READERS },
  {
    method: 'POST',
    path: '/api/persons',
    url: () => '/api/persons',
    body: (f) => ({
      name: 'P',
      email: `p-${Math.random().toString(36).slice(2)}@test.example`,
      unitId: f.unitA,
    }),
    allowed: ['admin', 'editorIn'],
  },
  {
    method: 'GET',
    path: '/api/persons/{id}',
    url: (f) => `/api/persons/${f.person.id}`,
    allowed: READERS,
  },
  {
    method: 'PATCH',
    path: '/api/persons/{id}',
    url: (f) => `/api/persons/${f.person.id}`,
    body: () => ({ version: 999, title: 'Ny titel' }),
    allowed: ['admin', 'editorIn'],
  },
  { method: 'GET', path: '/api/role-grants', url: () => '/api/role-grants', allowed: READERS },
  {
    method: 'POST',
    path: '/api/role-grants',
    url: () => '/api/role-grants',
    body: (f) => ({ personId: f.person.id, role: 'reader', unitId: f.unitA }),
    allowed: ['admin'],
  },
  {
    method: 'DELETE',
    path: '/api/role-grants/{id}',
    url: (f) => `/api/role-grants/${f.grantId}`,
    allowed: ['admin'],
  },
  { method: 'GET', path: '/api/forums', url: () => '/api/forums', allowed: READERS },
  {
    method: 'GET',
    path: '/api/forums/overview',
    url: () => '/api/forums/overview',
    allowed: READERS,
  },
  {
    method: 'POST',
    path: '/api/forums',
    url: () => '/api/forums',
    body: (f) => ({ parentUnitId: f.unitA, name: 'Råd', kind: 'other' }),
    allowed: ['admin', 'coordinator', 'editorIn'],
  },
  {
    method: 'GET',
    path: '/api/forums/{id}',
    url: (f) => `/api/forums/${f.forum.id}`,
    allowed: READERS,
  },
  {
    method: 'PATCH',
    path: '/api/forums/{id}',
    url: (f) => `/api/forums/${f.forum.id}`,
    body: () => ({ version: 999, description: 'x' }),
    allowed: ['admin', 'coordinator', 'editorIn'],
  },
  {
    method: 'GET',
    path: '/api/forums/{id}/members',
    url: (f) => `/api/forums/${f.forum.id}/members`,
    allowed: READERS,
  },
  {
    method: 'POST',
    path: '/api/forums/{id}/members',
    url: (f) => `/api/forums/${f.forum.id}/members`,
    body: () => ({ externalName: 'Extern', memberRole: 'member' }),
    allowed: ['admin', 'coordinator', 'editorIn'],
  },
  {
    method: 'DELETE',
    path: '/api/forums/{id}/members/{memberId}',
    url: (f) => `/api/forums/${f.forum.id}/members/${f.memberId}`,
    allowed: ['admin', 'coordinator', 'editorIn'],
  },
  { method: 'GET', path: '/api/meetings', url: () => '/api/meetings', allowed: READERS },
  {
    method: 'POST',
    path: '/api/meetings',
    url: () => '/api/meetings',
    body: (f) => ({ forumId: f.forum.id, heldOn: '2026-01-01' }),
    allowed: ['admin', 'coordinator', 'editorIn'],
  },
  {
    method: 'POST',
    path: '/api/meetings/calendar',
    url: () => '/api/meetings/calendar',
    body: (f) => ({ forumId: f.forum.id, dates: ['2026-02-01', '2026-03-01'] }),
    allowed: ['admin', 'coordinator', 'editorIn'],
  },
  {
    method: 'GET',
    path: '/api/meetings/{id}',
    url: (f) => `/api/meetings/${f.meeting.id}`,
    allowed: READERS,
  },
  {
    method: 'PATCH',
    path: '/api/meetings/{id}',
    url: (f) => `/api/meetings/${f.meeting.id}`,
    body: () => ({ version: 999, title: 'x' }),
    allowed: ['admin', 'coordinator', 'editorIn'],
  },
  {
    method: 'POST',
    path: '/api/meetings/{id}/minutes',
    url: (f) => `/api/meetings/${f.meeting.id}/minutes`,
    allowed: ['admin', 'coordinator', 'editorIn'],
  },
  {
    method: 'GET',
    path: '/api/attachments/{id}',
    url: (f) => `/api/attachments/${f.attachmentId}`,
    allowed: READERS,
  },
  { method: 'GET', path: '/api/decisions', url: () => '/api/decisions', allowed: READERS },
  {
    method: 'GET',
    path: '/api/decisions/information-counts',
    url: () => '/api/decisions/information-counts?subject=digitalisering&year=2026',
    allowed: READERS,
  },
  {
    method: 'POST',
    path: '/api/decisions',
    url: () => '/api/decisions',
    body: (f) => ({ bodyUnitId: f.unitA, level: 'board', title: 'Beslut' }),
    allowed: ['admin', 'coordinator', 'editorIn'],
  },
  {
    method: 'GET',
    path: '/api/decisions/{id}',
    url: (f) => `/api/decisions/${f.decision.id}`,
    allowed: READERS,
  },
  {
    method: 'GET',
    path: '/api/decisions/{id}/chain',
    url: (f) => `/api/decisions/${f.decision.id}/chain`,
    allowed: READERS,
  },
  {
    method: 'PATCH',
    path: '/api/decisions/{id}',
    url: (f) => `/api/decisions/${f.decision.id}`,
    body: () => ({ version: 999, title: 'x' }),
    allowed: ['admin', 'coordinator', 'editorIn'],
  },
  { method: 'GET', path: '/api/goals', url: () => '/api/goals', allowed: READERS },
  {
    method: 'POST',
    path: '/api/goals',
    url: () => '/api/goals',
    body: (f) => ({ level: 'result', ownerUnitId: f.unitA, title: 'Mål', validFrom: '2026-01-01' }),
    allowed: WRITERS,
  },
  {
    method: 'GET',
    path: '/api/goals/{id}',
    url: (f) => `/api/goals/${f.goal.id}`,
    allowed: READERS,
  },
  {
    method: 'PATCH',
    path: '/api/goals/{id}',
    url: (f) => `/api/goals/${f.goal.id}`,
    body: () => ({ version: 999, text: 'x' }),
    allowed: WRITERS,
  },
  {
    method: 'GET',
    path: '/api/goals/{id}/lineage',
    url: (f) => `/api/goals/${f.goal.id}/lineage`,
    allowed: READERS,
  },
  {
    method: 'GET',
    path: '/api/goals/{id}/indicators',
    url: (f) => `/api/goals/${f.goal.id}/indicators`,
    allowed: READERS,
  },
  {
    method: 'GET',
    path: '/api/goals/{id}/outcomes',
    url: (f) => `/api/goals/${f.goal.id}/outcomes`,
    allowed: READERS,
  },
  {
    method: 'GET',
    path: '/api/goals/{id}/assessments',
    url: (f) => `/api/goals/${f.goal.id}/assessments`,
    allowed: READERS,
  },
  {
    method: 'GET',
    path: '/api/goals/{id}/suggestion',
    url: (f) => `/api/goals/${f.goal.id}/suggestion?periodKey=2026-D`,
    allowed: READERS,
  },
  {
    method: 'POST',
    path: '/api/indicators',
    url: () => '/api/indicators',
    body: (f) => ({ goalId: f.goal.id, name: 'Ind', kind: 'quantitative' }),
    allowed: WRITERS,
  },
  {
    method: 'PATCH',
    path: '/api/indicators/{id}',
    url: (f) => `/api/indicators/${f.indicator.id}`,
    body: () => ({ version: 999, name: 'x' }),
    allowed: WRITERS,
  },
  {
    method: 'POST',
    path: '/api/outcomes',
    url: () => '/api/outcomes',
    body: (f) => ({ indicatorId: f.indicator.id, periodKey: '2026-D', value: 1, version: 999 }),
    allowed: WRITERS,
  },
  {
    method: 'POST',
    path: '/api/assessments',
    url: () => '/api/assessments',
    body: (f) => ({
      goalId: f.goal.id,
      periodKey: '2026-D',
      assessment: 'met',
      justification: 'x',
      version: 999,
    }),
    allowed: WRITERS,
  },
  {
    method: 'GET',
    path: '/api/follow-up',
    url: () => '/api/follow-up?year=2026',
    allowed: READERS,
  },
  {
    method: 'GET',
    path: '/api/goal-counts',
    url: () => '/api/goal-counts?year=2026',
    allowed: READERS,
  },
  { method: 'GET', path: '/api/systems', url: () => '/api/systems', allowed: READERS },
  {
    method: 'POST',
    path: '/api/systems',
    url: () => '/api/systems',
    body: (f) => ({ name: 'Sys', category: 'core', lifecycle: 'operating', ownerUnitId: f.unitA }),
    allowed: WRITERS,
  },
  {
    method: 'GET',
    path: '/api/systems/duplicates',
    url: () => '/api/systems/duplicates',
    allowed: READERS,
  },
  {
    method: 'GET',
    path: '/api/systems/import/template.xlsx',
    url: () => '/api/systems/import/template.xlsx',
    allowed: READERS,
  },
  {
    method: 'GET',
    path: '/api/organisation/import/template.xlsx',
    url: () => '/api/organisation/import/template.xlsx',
    allowed: READERS,
  },
  {
    method: 'POST',
    path: '/api/organisation/import',
    url: () => '/api/organisation/import?dryRun=true',
    allowed: ['admin'],
  },
  {
    method: 'POST',
    path: '/api/systems/import',
    url: () => '/api/systems/import',
    allowed: ['admin', 'coordinator', 'editorIn', 'editorOut'],
  },
  {
    method: 'POST',
    path: '/api/systems/import/columns',
    url: () => '/api/systems/import/columns',
    allowed: ['admin', 'coordinator', 'editorIn', 'editorOut'],
  },
  {
    method: 'POST',
    path: '/api/systems/import/problems.xlsx',
    url: () => '/api/systems/import/problems.xlsx',
    allowed: ['admin', 'coordinator', 'editorIn', 'editorOut'],
  },
  {
    method: 'GET',
    path: '/api/systems/problems',
    url: () => '/api/systems/problems',
    allowed: READERS,
  },
  {
    method: 'GET',
    path: '/api/systems/{id}/problems',
    url: (f) => `/api/systems/${f.system.id}/problems`,
    allowed: READERS,
  },
  {
    method: 'POST',
    path: '/api/systems/{id}/problems/{problemId}/dismiss',
    url: (f) => `/api/systems/${f.system.id}/problems/00000000-0000-4000-8000-000000000000/dismiss`,
    body: () => ({ version: 1 }),
    allowed: WRITERS,
  },
  {
    method: 'GET',
    path: '/api/systems/{id}',
    url: (f) => `/api/systems/${f.system.id}`,
    allowed: READERS,
  },
  {
    method: 'PATCH',
    path: '/api/systems/{id}',
    url: (f) => `/api/systems/${f.system.id}`,
    body: () => ({ version: 999, hosting: 'x' }),
    allowed: WRITERS,
  },
  {
    method: 'GET',
    path: '/api/systems/{id}/contracts',
    url: (f) => `/api/systems/${f.system.id}/contracts`,
    allowed: READERS,
  },
  {
    method: 'POST',
    path: '/api/contracts',
    url: () => '/api/contracts',
    body: (f) => ({ systemId: f.system.id, contractRef: 'A-1' }),
    allowed: WRITERS,
  },
  {
    method: 'PATCH',
    path: '/api/contracts/{id}',
    url: (f) => `/api/contracts/${f.contract.id}`,
    body: () => ({ version: 999, procurementRef: 'x' }),
    allowed: WRITERS,
  },
  {
    method: 'GET',
    path: '/api/outcomes/template.xlsx',
    url: () => '/api/outcomes/template.xlsx?periodKey=2026-D',
    allowed: READERS,
  },
  {
    method: 'POST',
    path: '/api/outcomes/import',
    url: () => '/api/outcomes/import',
    allowed: ['admin', 'coordinator', 'editorIn', 'editorOut'],
  },
  {
    method: 'GET',
    path: '/api/reports/follow-up.pdf',
    url: (f) => `/api/reports/follow-up.pdf?ownerUnitId=${f.unitA}&periodKey=2026-D`,
    allowed: READERS,
  },
  { method: 'GET', path: '/api/service-nodes', url: () => '/api/service-nodes', allowed: READERS },
  {
    method: 'POST',
    path: '/api/service-nodes',
    url: () => '/api/service-nodes',
    body: (f) => ({ kind: 'coordination_area', name: 'Område', owningUnitId: f.unitA }),
    allowed: WRITERS,
  },
  {
    method: 'GET',
    path: '/api/service-nodes/{id}',
    url: (f) => `/api/service-nodes/${f.node.id}`,
    allowed: READERS,
  },
  {
    method: 'PATCH',
    path: '/api/service-nodes/{id}',
    url: (f) => `/api/service-nodes/${f.node.id}`,
    body: () => ({ version: 999, description: 'x' }),
    allowed: WRITERS,
  },
  {
    method: 'GET',
    path: '/api/systems/{id}/context',
    url: (f) => `/api/systems/${f.system.id}/context`,
    allowed: READERS,
  },
  {
    method: 'GET',
    path: '/api/systems/overview',
    url: () => '/api/systems/overview',
    allowed: READERS,
  },
  {
    method: 'GET',
    path: '/api/ownership-gaps',
    url: () => '/api/ownership-gaps',
    allowed: READERS,
  },
  {
    method: 'GET',
    path: '/api/management-objects',
    url: () => '/api/management-objects',
    allowed: READERS,
  },
  {
    method: 'POST',
    path: '/api/management-objects',
    url: () => '/api/management-objects',
    body: (f) => ({ name: 'Objekt', owningUnitId: f.unitA }),
    allowed: WRITERS,
  },
  {
    method: 'GET',
    path: '/api/management-objects/{id}',
    url: (f) => `/api/management-objects/${f.object.id}`,
    allowed: READERS,
  },
  {
    method: 'PATCH',
    path: '/api/management-objects/{id}',
    url: (f) => `/api/management-objects/${f.object.id}`,
    body: () => ({ version: 999, description: 'x' }),
    allowed: WRITERS,
  },
  {
    method: 'GET',
    path: '/api/management-objects/{id}/plans',
    url: (f) => `/api/management-objects/${f.object.id}/plans`,
    allowed: READERS,
  },
  {
    method: 'POST',
    path: '/api/management-objects/{id}/plans',
    url: (f) => `/api/management-objects/${f.object.id}/plans`,
    body: () => ({ year: 2030 + Math.floor(Math.random() * 60) }),
    allowed: WRITERS,
  },
  {
    method: 'PATCH',
    path: '/api/management-plans/{id}',
    url: (f) => `/api/management-plans/${f.plan.id}`,
    body: () => ({ version: 999, budget: 1 }),
    allowed: WRITERS,
  },
  {
    method: 'GET',
    path: '/api/systems/{id}/integrations',
    url: (f) => `/api/systems/${f.system.id}/integrations`,
    allowed: READERS,
  },
  {
    method: 'POST',
    path: '/api/integrations',
    url: () => '/api/integrations',
    body: (f) => ({
      fromSystemId: f.system.id,
      toSystemId: f.system2.id,
      method: 'other',
      description: Math.random().toString(36),
    }),
    allowed: WRITERS,
  },
  {
    method: 'DELETE',
    path: '/api/integrations/{id}',
    url: (f) => `/api/integrations/${f.integrationId}`,
    allowed: WRITERS,
  },
  { method: 'GET', path: '/api/audits', url: () => '/api/audits', allowed: READERS },
  {
    method: 'POST',
    path: '/api/audits',
    url: () => '/api/audits',
    body: (f) => ({ title: 'G', kind: 'basic_review', auditedBodyIds: [f.unitA] }),
    allowed: AUDIT_RECORDERS,
  },
  {
    method: 'GET',
    path: '/api/audits/{id}',
    url: (f) => `/api/audits/${f.audit.id}`,
    allowed: READERS,
  },
  {
    method: 'PATCH',
    path: '/api/audits/{id}',
    url: (f) => `/api/audits/${f.audit.id}`,
    body: () => ({ version: 999, scope: 'x' }),
    allowed: AUDIT_RECORDERS,
  },
  {
    method: 'POST',
    path: '/api/audits/{id}/report',
    url: (f) => `/api/audits/${f.audit.id}/report`,
    allowed: AUDIT_RECORDERS,
  },
  {
    method: 'GET',
    path: '/api/audits/{id}/questions',
    url: (f) => `/api/audits/${f.audit.id}/questions`,
    allowed: READERS,
  },
  {
    method: 'POST',
    path: '/api/audits/{id}/questions',
    url: (f) => `/api/audits/${f.audit.id}/questions`,
    body: () => ({ number: '9', text: 'Fråga' }),
    allowed: AUDIT_RECORDERS,
  },
  {
    method: 'POST',
    path: '/api/audits/{id}/questions/bulk',
    url: (f) => `/api/audits/${f.audit.id}/questions/bulk`,
    body: () => ({ lines: '10. Fråga' }),
    allowed: AUDIT_RECORDERS,
  },
  {
    method: 'PATCH',
    path: '/api/audit-questions/{id}',
    url: (f) => `/api/audit-questions/${f.question.id}`,
    body: () => ({ version: 999, text: 'x' }),
    allowed: AUDIT_RECORDERS,
  },
  {
    method: 'GET',
    path: '/api/audits/{id}/recommendations',
    url: (f) => `/api/audits/${f.audit.id}/recommendations`,
    allowed: READERS,
  },
  {
    method: 'POST',
    path: '/api/audits/{id}/recommendations',
    url: (f) => `/api/audits/${f.audit.id}/recommendations`,
    body: (f) => ({ number: '9', text: 'R', addresseeBodyIds: [f.unitA] }),
    allowed: AUDIT_RECORDERS,
  },
  {
    method: 'POST',
    path: '/api/audits/{id}/recommendations/bulk',
    url: (f) => `/api/audits/${f.audit.id}/recommendations/bulk`,
    body: () => ({ lines: '10. R' }),
    allowed: AUDIT_RECORDERS,
  },
  {
    method: 'PATCH',
    path: '/api/recommendations/{id}',
    url: (f) => `/api/recommendations/${f.recommendation.id}`,
    body: () => ({ version: 999, text: 'x' }),
    allowed: AUDIT_RECORDERS,
  },
  {
    method: 'GET',
    path: '/api/audits/{id}/replies',
    url: (f) => `/api/audits/${f.audit.id}/replies`,
    allowed: READERS,
  },
  {
    method: 'POST',
    path: '/api/replies',
    url: () => '/api/replies',
    body: (f) => ({ auditId: f.audit.id, bodyId: f.unitA, text: 'Svar' }),
    allowed: WRITERS,
  },
  {
    method: 'PATCH',
    path: '/api/replies/{id}',
    url: (f) => `/api/replies/${f.reply.id}`,
    body: () => ({ version: 999, text: 'x' }),
    allowed: WRITERS,
  },
  {
    method: 'GET',
    path: '/api/audits/{id}/reply-draft.docx',
    url: (f) => `/api/audits/${f.audit.id}/reply-draft.docx?bodyId=${f.unitA}`,
    allowed: READERS,
  },
  {
    method: 'GET',
    path: '/api/audits/{id}/actions',
    url: (f) => `/api/audits/${f.audit.id}/actions`,
    allowed: READERS,
  },
  {
    method: 'POST',
    path: '/api/actions',
    url: () => '/api/actions',
    body: (f) => ({ recommendationId: f.recommendation.id, bodyId: f.unitA, title: 'Åtgärd' }),
    allowed: WRITERS,
  },
  {
    method: 'PATCH',
    path: '/api/actions/{id}',
    url: (f) => `/api/actions/${f.action.id}`,
    body: () => ({ version: 999, title: 'x' }),
    allowed: WRITERS,
  },
  { method: 'GET', path: '/api/assignments', url: () => '/api/assignments', allowed: READERS },
  {
    method: 'GET',
    path: '/api/assignments/{id}/adoption-candidates',
    url: (f) => `/api/assignments/${f.assignment.id}/adoption-candidates`,
    allowed: READERS,
  },
  {
    method: 'POST',
    path: '/api/assignments/{id}/adopt',
    url: (f) => `/api/assignments/${f.assignment.id}/adopt`,
    body: (f) => ({ version: 999, decisionId: f.decision.id }),
    allowed: WRITERS,
  },
  {
    method: 'GET',
    path: '/api/audits/{id}/obligations',
    url: (f) => `/api/audits/${f.audit.id}/obligations`,
    allowed: READERS,
  },
  {
    method: 'GET',
    path: '/api/reply-obligations',
    url: () => '/api/reply-obligations',
    allowed: READERS,
  },
  {
    method: 'GET',
    path: '/api/audits/{id}/matrix',
    url: (f) => `/api/audits/${f.audit.id}/matrix`,
    allowed: READERS,
  },
  {
    method: 'GET',
    path: '/api/audits/{id}/report.pdf',
    url: (f) => `/api/audits/${f.audit.id}/report.pdf`,
    allowed: READERS,
  },
  {
    method: 'POST',
    path: '/api/assignments',
    url: () => '/api/assignments',
    body: (f) => ({ title: 'Uppdrag', assigneeBodyIds: [f.unitA] }),
    allowed: WRITERS,
  },
  {
    method: 'PATCH',
    path: '/api/assignments/{id}',
    url: (f) => `/api/assignments/${f.assignment.id}`,
    body: () => ({ version: 999, title: 'x' }),
    allowed: WRITERS,
  },
  {
    method: 'GET',
    path: '/api/audits/{id}/follow-up',
    url: (f) => `/api/audits/${f.followUp.id}/follow-up`,
    allowed: READERS,
  },
  {
    method: 'GET',
    path: '/api/recommendations/{id}/findings',
    url: (f) => `/api/recommendations/${f.recommendation.id}/findings`,
    allowed: READERS,
  },
  {
    method: 'GET',
    path: '/api/audits/{id}/later-findings',
    url: (f) => `/api/audits/${f.audit.id}/later-findings`,
    allowed: READERS,
  },
  {
    method: 'POST',
    path: '/api/findings',
    url: () => '/api/findings',
    body: (f) => ({
      followUpAuditId: f.followUp.id,
      recommendationId: f.recommendation.id,
      text: 'Iakttagelse',
    }),
    allowed: AUDIT_RECORDERS,
  },
  {
    method: 'PATCH',
    path: '/api/findings/{id}',
    url: (f) => `/api/findings/${f.finding.id}`,
    body: () => ({ version: 999, text: 'x' }),
    allowed: AUDIT_RECORDERS,
  },
  {
    method: 'GET',
    path: '/api/recommendations/open',
    url: () => '/api/recommendations/open',
    allowed: READERS,
  },
  { method: 'GET', path: '/api/deadlines', url: () => '/api/deadlines', allowed: READERS },
  {
    method: 'GET',
    path: '/api/calendar/token',
    url: () => '/api/calendar/token',
    allowed: READERS,
  },
  {
    method: 'POST',
    path: '/api/calendar/token',
    url: () => '/api/calendar/token',
    allowed: READERS,
  },
  {
    method: 'DELETE',
    path: '/api/calendar/token',
    url: () => '/api/calendar/token',
    allowed: READERS,
  },
  { method: 'GET', path: '/api/reminders', url: () => '/api/reminders', allowed: READERS },
  { method: 'GET', path: '/api/initiatives', url: () => '/api/initiatives', allowed: READERS },
  {
    method: 'POST',
    path: '/api/initiatives',
    url: () => '/api/initiatives',
    body: (f) => ({ title: 'I', category: 'innovation', ownerUnitId: f.unitA }),
    allowed: WRITERS,
  },
  {
    method: 'GET',
    path: '/api/initiatives/silent-units',
    url: () => '/api/initiatives/silent-units',
    allowed: READERS,
  },
  {
    method: 'GET',
    path: '/api/initiatives/proposal',
    url: () => '/api/initiatives/proposal?budget=1000&hours=100&fromYear=2026&toYear=2027',
    allowed: READERS,
  },
  {
    method: 'GET',
    path: '/api/initiatives/{id}',
    url: (f) => `/api/initiatives/${f.initiative.id}`,
    allowed: READERS,
  },
  {
    method: 'PATCH',
    path: '/api/initiatives/{id}',
    url: (f) => `/api/initiatives/${f.initiative.id}`,
    body: () => ({ version: 999, need: 'x' }),
    allowed: WRITERS,
  },
  {
    method: 'GET',
    path: '/api/initiatives/{id}/moves',
    url: (f) => `/api/initiatives/${f.initiative.id}/moves`,
    allowed: READERS,
  },
  {
    method: 'POST',
    path: '/api/initiatives/{id}/transition',
    url: (f) => `/api/initiatives/${f.initiative.id}/transition`,
    body: () => ({ version: 999, to: 'preparation', reason: 'x' }),
    allowed: WRITERS,
  },
  {
    method: 'GET',
    path: '/api/initiatives/{id}/transitions',
    url: (f) => `/api/initiatives/${f.initiative.id}/transitions`,
    allowed: READERS,
  },
  {
    method: 'GET',
    path: '/api/initiatives/{id}/benefits',
    url: (f) => `/api/initiatives/${f.initiative.id}/benefits`,
    allowed: READERS,
  },
  {
    method: 'POST',
    path: '/api/benefits',
    url: () => '/api/benefits',
    body: (f) => ({ initiativeId: f.initiative.id, kind: 'staff', measure: 'M' }),
    allowed: WRITERS,
  },
  {
    method: 'PATCH',
    path: '/api/benefits/{id}',
    url: (f) => `/api/benefits/${f.benefit.id}`,
    body: () => ({ version: 999, measure: 'x' }),
    allowed: WRITERS,
  },
  {
    method: 'POST',
    path: '/api/benefits/{id}/measurements',
    url: (f) => `/api/benefits/${f.benefit.id}/measurements`,
    body: () => ({ version: 999, on: '2026-01-01', value: 1 }),
    allowed: WRITERS,
  },
  { method: 'GET', path: '/api/roadmaps', url: () => '/api/roadmaps', allowed: READERS },
  {
    method: 'POST',
    path: '/api/roadmaps',
    url: () => '/api/roadmaps',
    body: (f) => ({ name: 'F', unitId: f.unitA, fromYear: 2026, horizonYears: 3 }),
    allowed: WRITERS,
  },
  {
    method: 'GET',
    path: '/api/roadmaps/{id}',
    url: (f) => `/api/roadmaps/${f.roadmap.id}`,
    allowed: READERS,
  },
  {
    method: 'GET',
    path: '/api/roadmaps/{id}/compare',
    url: (f) => `/api/roadmaps/${f.roadmap.id}/compare?with=${f.roadmap.id}`,
    allowed: READERS,
  },
  { method: 'GET', path: '/api/top-lists', url: () => '/api/top-lists', allowed: READERS },
  {
    method: 'POST',
    path: '/api/top-lists',
    url: () => '/api/top-lists',
    body: () => ({ name: `Lista ${Math.random()}`, year: 2026 }),
    allowed: ['admin', 'coordinator'],
  },
  {
    method: 'GET',
    path: '/api/top-lists/{id}',
    url: (f) => `/api/top-lists/${f.topList.id}`,
    allowed: READERS,
  },
  {
    method: 'PATCH',
    path: '/api/top-lists/{id}',
    url: (f) => `/api/top-lists/${f.topList.id}`,
    body: () => ({ version: 999, name: 'Fixturlista' }),
    allowed: ['admin', 'coordinator'],
  },
  {
    method: 'POST',
    path: '/api/top-lists/{id}/follow-ups',
    url: (f) => `/api/top-lists/${f.topList.id}/follow-ups`,
    body: (f) => ({
      heldOn: '2026-01-10',
      entries: [{ initiativeId: f.initiative.id, status: 'ongoing' }],
    }),
    allowed: ['admin', 'coordinator'],
  },
  {
    method: 'GET',
    path: '/api/initiatives/evidence',
    url: () => '/api/initiatives/evidence',
    allowed: READERS,
  },
  {
    method: 'GET',
    path: '/api/prioritisation-rounds',
    url: () => '/api/prioritisation-rounds',
    allowed: READERS,
  },
  {
    method: 'POST',
    path: '/api/prioritisation-rounds',
    url: () => '/api/prioritisation-rounds',
    body: () => ({ name: 'R', fromYear: 2027, toYear: 2027, budget: 1, hours: 1 }),
    allowed: ['admin', 'coordinator'],
  },
  {
    method: 'PATCH',
    path: '/api/prioritisation-rounds/{id}',
    url: (f) => `/api/prioritisation-rounds/${f.round.id}`,
    body: (f) => ({ version: 999, decidedIds: [], decisionId: f.decision.id }),
    allowed: ['admin', 'coordinator'],
  },
  {
    method: 'GET',
    path: '/api/benefits/realisation',
    url: () => '/api/benefits/realisation',
    allowed: READERS,
  },
  { method: 'GET', path: '/api/documents', url: () => '/api/documents', allowed: READERS },
  {
    method: 'GET',
    path: '/api/documents/strategy-counts',
    url: () => '/api/documents/strategy-counts',
    allowed: READERS,
  },
  {
    method: 'GET',
    path: '/api/documents/flag-counts',
    url: () => '/api/documents/flag-counts',
    allowed: READERS,
  },
  {
    method: 'POST',
    path: '/api/documents',
    url: () => '/api/documents',
    body: (f) => ({ title: 'Dok', type: 'rutin', state: 'draft', ownerUnitId: f.unitA }),
    allowed: WRITERS,
  },
  {
    method: 'GET',
    path: '/api/documents/{id}',
    url: (f) => `/api/documents/${f.document.id}`,
    allowed: READERS,
  },
  {
    method: 'PATCH',
    path: '/api/documents/{id}',
    url: (f) => `/api/documents/${f.document.id}`,
    body: () => ({ version: 999, description: 'x' }),
    allowed: WRITERS,
  },
  {
    method: 'GET',
    path: '/api/documents/{id}/versions',
    url: (f) => `/api/documents/${f.document.id}/versions`,
    allowed: READERS,
  },
  {
    method: 'POST',
    path: '/api/documents/{id}/versions',
    url: (f) => `/api/documents/${f.document.id}/versions`,
    allowed: WRITERS,
  },
];
const PUBLIC = new Set([
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/health',
  'GET /api/calendar/{token}.ics',
  // The first run's setup: guarded by the one-time code, refused once a region exists
  // (server/modules/organization/setup.api.test.ts).
  'GET /api/setup',
  'POST /api/setup',
  // The host administrator's own login (server/host/host.api.test.ts).
  'POST /api/host/login',
  'POST /api/host/logout',
  // Single sign-on: the person has no session yet; the answer is checked against the state, PKCE
  // verifier and nonce kept when the sign-on began (server/modules/organization/oidc.api.test.ts).
  'GET /api/auth/oidc/{tenantSlug}/start',
  'GET /api/auth/oidc/callback',
]);
/**
 * The host API answers a host session only (server/host/host.api.test.ts): to every tenant role,
 * the administrator included, it is a 401, since a tenant's session never reaches it.
 */
const HOST: { method: 'GET' | 'POST'; path: string; url: (f: Fixture) => string }[] = [
  { method: 'GET', path: '/api/host/me', url: () => '/api/host/me' },
  { method: 'GET', path: '/api/host/tenants', url: () => '/api/host/tenants' },
  { method: 'POST', path: '/api/host/tenants', url: () => '/api/host/tenants' },
  { method: 'GET', path: '/api/host/audit/verify', url: () => '/api/host/audit/verify' },
  { method: 'GET', path: '/api/host/audit/checkpoints', url: () => '/api/host/audit/checkpoints' },
  { method: 'GET', path: '/api/host/backup', url: () => '/api/host/backup' },
  {
    method: 'POST',
    path: '/api/host/tenants/{id}/disable',
    url: () => `/api/host/tenants/${tenant.tenantId}/disable`,
  },
  {
    method: 'POST',
    path: '/api/host/tenants/{id}/enable',
    url: () => `/api/host/tenants/${tenant.tenantId}/enable`,
  },
];

let env: TestEnv;
let tenant: Tenant;
let clients: Record<RoleKey, Client>;
let fixture: Fixture;

beforeAll(async () => {
  env = await testEnv();
  tenant = await aTenant(env);
  fixture = await aFixture(env, tenant);
  clients = {
    admin: tenant.admin,
    coordinator: await aUserWith(env, tenant, 'portfolio_coordinator', fixture.unitB),
    editorIn: await aUserWith(env, tenant, 'editor', fixture.unitA),
    editorOut: await aUserWith(env, tenant, 'editor', fixture.unitB),
    reader: await aUserWith(env, tenant, 'reader'),
    auditor: await aUserWith(env, tenant, 'auditor'),
    auditOffice: await aUserWith(env, tenant, 'audit_office'),
    none: await aUserWith(env, tenant, null),
  };
});
afterAll(() => env.close());

async function freshDeletables(): Promise<void> {
  const grantee = json<{ id: string }>(
    await tenant.admin.post('/api/persons', {
      name: 'G',
      email: `g-${Math.random().toString(36).slice(2)}@test.example`,
    }),
  );
  fixture.grantId = json<{ id: string }>(
    await tenant.admin.post('/api/role-grants', {
      personId: grantee.id,
      role: 'auditor',
      unitId: fixture.unitA,
    }),
  ).id;
  fixture.postId = json<{ id: string }>(
    await tenant.admin.post('/api/posts', { unitId: fixture.unitA, title: 'Post' }),
  ).id;
  const other = await aUnit(tenant.admin, fixture.unitA, { kind: 'unit' });
  fixture.successionId = json<{ id: string }>(
    await tenant.admin.post(`/api/units/${fixture.unitAChild.id}/successors`, {
      successorId: other.id,
    }),
  ).id;
  const integrations = json<{
    items: { id: string; method: string; fromSystem: { id: string } }[];
  }>(await tenant.admin.get(`/api/systems/${fixture.system2.id}/integrations`)).items;
  fixture.integrationId =
    integrations.find((i) => i.method === 'api' && i.fromSystem.id === fixture.system2.id)?.id ??
    json<{ id: string }>(
      await tenant.admin.post('/api/integrations', {
        fromSystemId: fixture.system2.id,
        toSystemId: fixture.system.id,
        method: 'api',
      }),
    ).id;
  fixture.memberId = json<{ id: string }>(
    await tenant.admin.post(`/api/forums/${fixture.forum.id}/members`, {
      externalName: 'X',
      memberRole: 'deputy',
    }),
  ).id;
}

describe('every route, every role', () => {
  it('the matrix covers every route in the API', async () => {
    const spec = (await env.app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const routes = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const covered = new Set([
      ...cases.map((c) => `${c.method} ${c.path}`),
      ...HOST.map((c) => `${c.method} ${c.path}`),
      ...PUBLIC,
    ]);
    expect(routes.filter((r) => !covered.has(r))).toEqual([]);
  });

  it('without a session, every route but login, logout, single sign-on and health is a 401', async () => {
    await freshDeletables();
    for (const c of cases) {
      const res = await env.app.inject({
        method: c.method,
        url: c.url(fixture),
        ...(c.body ? { payload: c.body(fixture) } : {}),
      });
      expect(res.statusCode, `${c.method} ${c.path}`).toBe(401);
    }
  });

  it('no tenant role opens a host route', async () => {
    for (const role of ALL)
      for (const c of HOST) {
        const client = clients[role];
        const res =
          c.method === 'GET' ? await client.get(c.url(fixture)) : await client.post(c.url(fixture));
        expect(res.statusCode, `${role} ${c.method} ${c.path}`).toBe(401);
      }
    expect((await tenant.admin.get('/api/auth/me')).statusCode).toBe(200);
  });

  for (const role of ALL) {
    it(`${role}: allowed routes answer, the rest are 403`, async () => {
      await freshDeletables();
      const client = clients[role];
      for (const c of cases) {
        const url = c.url(fixture);
        let res;
        if (
          c.path === '/api/meetings/{id}/minutes' ||
          c.path === '/api/outcomes/import' ||
          c.path === '/api/systems/import' ||
          c.path === '/api/systems/import/columns' ||
          c.path === '/api/systems/import/problems.xlsx' ||
          c.path === '/api/organisation/import' ||
          c.path === '/api/audits/{id}/report' ||
          (c.path === '/api/documents/{id}/versions' && c.method === 'POST')
        ) {
          const boundary = 'b0';
          const payload = `--${boundary}\r\nContent-Disposition: form-data; name="version"\r\n\r\n999\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.txt"\r\nContent-Type: text/plain\r\n\r\nprotokoll\r\n--${boundary}--\r\n`;
          res = await env.app.inject({
            method: 'POST',
            url,
            headers: {
              cookie: client.cookie,
              'x-csrf-token': client.csrf,
              'content-type': `multipart/form-data; boundary=${boundary}`,
            },
            payload,
          });
        } else if (c.method === 'GET') res = await client.get(url);
        else if (c.method === 'DELETE') res = await client.delete(url);
        else if (c.method === 'POST') res = await client.post(url, c.body?.(fixture));
        else if (c.method === 'PUT') res = await client.put(url, c.body?.(fixture));
        else res = await client.patch(url, c.body?.(fixture));
        const label = `${role} ${c.method} ${c.path} → ${res.statusCode} ${res.body.slice(0, 160)}`;
        expect(res.statusCode, label).toBeLessThan(500);
        if (c.allowed.includes(role)) expect(res.statusCode, label).not.toBe(403);
        else expect(res.statusCode, label).toBe(403);
      }
    });
  }
});
