import type { SsoSettings } from './components/sso-settings.js';
import type { z } from 'zod';
import type { Unit } from '../../../domain/organization/unit.js';
import type { Person, RoleGrant, Post } from '../../../domain/organization/person.js';
import type {
  Forum,
  ForumFlag,
  ForumLifecycle,
  Member,
} from '../../../domain/organization/forum.js';
import type { Evidence } from '../../../domain/shared/evidence.js';
import type { Decision, Meeting } from '../../../domain/organization/decision.js';
import type { PageOf } from '../../../domain/shared/schemas.js';
import { api, qs } from '../../platform/api.js';

/** Typed calls: the shapes are the domain's zod schemas, never written twice. */
export type UnitDto = Unit;
export type PersonDto = Person;
export type GrantDto = z.infer<typeof RoleGrant>;
export type PostDto = z.infer<typeof Post>;
export type ForumDto = Forum;
export type MemberDto = z.infer<typeof Member>;
export type DecisionDto = Decision;
export type MeetingDto = z.infer<typeof Meeting>;
export type History = {
  placements: {
    parentId: string | null;
    parentName: string | null;
    fromAt: string;
    toAt: string | null;
  }[];
  successions: {
    id: string;
    predecessorId: string;
    predecessorName: string;
    successorId: string;
    successorName: string;
    onDate: string | null;
    note: string | null;
  }[];
};
type Params = Record<string, string | number | boolean | undefined | null>;

export const orgApi = {
  tree: (includeArchived = false) =>
    api.get<{ items: UnitDto[] }>(`/api/units/tree${qs({ includeArchived })}`),
  unit: (id: string) => api.get<UnitDto>(`/api/units/${id}`),
  unitHistory: (id: string) => api.get<History>(`/api/units/${id}/history`),
  createUnit: (body: unknown) => api.post<UnitDto>('/api/units', body),
  updateUnit: (id: string, body: unknown) => api.patch<UnitDto>(`/api/units/${id}`, body),
  moveUnit: (id: string, body: unknown) => api.post<UnitDto>(`/api/units/${id}/move`, body),
  archiveUnit: (id: string, body: unknown) => api.post<UnitDto>(`/api/units/${id}/archive`, body),
  addSuccessor: (id: string, body: unknown) =>
    api.post<{ id: string }>(`/api/units/${id}/successors`, body),
  posts: (unitId: string) => api.get<{ items: PostDto[] }>(`/api/units/${unitId}/posts`),
  createPost: (body: unknown) => api.post<{ id: string }>('/api/posts', body),
  persons: (p: Params) => api.get<PageOf<PersonDto>>(`/api/persons${qs(p)}`),
  createPerson: (body: unknown) => api.post<PersonDto>('/api/persons', body),
  updatePerson: (id: string, body: unknown) => api.patch<PersonDto>(`/api/persons/${id}`, body),
  grants: (p: Params) => api.get<{ items: GrantDto[] }>(`/api/role-grants${qs(p)}`),
  grant: (body: unknown) => api.post<{ id: string }>('/api/role-grants', body),
  revoke: (id: string) => api.delete(`/api/role-grants/${id}`),
  forums: (p: Params) => api.get<PageOf<ForumDto>>(`/api/forums${qs(p)}`),
  forum: (id: string) => api.get<ForumDto>(`/api/forums/${id}`),
  forumOverview: () =>
    api.get<{
      flags: { flag: ForumFlag; evidence: Evidence }[];
      statuses: { status: ForumLifecycle; evidence: Evidence }[];
      year: number;
      cadence: {
        forumId: string;
        name: string;
        held: number;
        planned: number;
        behind: boolean;
        evidence: Evidence;
      }[];
    }>('/api/forums/overview'),
  createForum: (body: unknown) => api.post<ForumDto>('/api/forums', body),
  updateForum: (id: string, body: unknown) => api.patch<ForumDto>(`/api/forums/${id}`, body),
  members: (id: string) => api.get<{ items: MemberDto[] }>(`/api/forums/${id}/members`),
  addMember: (id: string, body: unknown) =>
    api.post<{ id: string }>(`/api/forums/${id}/members`, body),
  removeMember: (id: string, memberId: string) =>
    api.delete(`/api/forums/${id}/members/${memberId}`),
  meetings: (p: Params) => api.get<PageOf<MeetingDto>>(`/api/meetings${qs(p)}`),
  createMeeting: (body: unknown) => api.post<MeetingDto>('/api/meetings', body),
  /** A meeting calendar: several dates at once; dates already on record are skipped. */
  createMeetingCalendar: (body: {
    bodyUnitId?: string;
    forumId?: string;
    dates: string[];
    title?: string | null;
  }) => api.post<{ items: MeetingDto[]; skipped: number }>('/api/meetings/calendar', body),
  uploadMinutes: (id: string, form: FormData) =>
    api.upload<MeetingDto>(`/api/meetings/${id}/minutes`, form),
  decisions: (p: Params) => api.get<PageOf<DecisionDto>>(`/api/decisions${qs(p)}`),
  decision: (id: string) => api.get<DecisionDto>(`/api/decisions/${id}`),
  informationCounts: (p: { subject: string; year: number }) =>
    api.get<{ items: { holderId: string; holderName: string; evidence: Evidence }[] }>(
      `/api/decisions/information-counts${qs(p)}`,
    ),
  chain: (id: string) => api.get<{ items: DecisionDto[] }>(`/api/decisions/${id}/chain`),
  createDecision: (body: unknown) => api.post<DecisionDto>('/api/decisions', body),
  updateDecision: (id: string, body: unknown) =>
    api.patch<DecisionDto>(`/api/decisions/${id}`, body),
  settings: () =>
    api.get<
      {
        name: string;
        version: number;
        caseNumberLabel: string;
        caseNumberPattern: string | null;
        caseNumberExample: string | null;
        caseNumberDescription: string | null;
        followUpPeriods: ('month' | 'tertial' | 'interim' | 'annual')[];
        documentMaxAgeYears: number;
        contractWarningMonths: number;
        classificationMaxAgeYears: number;
        sessionMaxAgeDays: number;
        councilForumId: string | null;
        regionalDirectorPersonId: string | null;
        portfolioDecidingBodyId: string | null;
        crossUnitThreshold: number;
        scoringModel: { key: string; label: string; weight: number }[];
      } & SsoSettings
    >('/api/settings'),
  saveSettings: (body: unknown) => api.put<{ version: number }>('/api/settings', body),
};
