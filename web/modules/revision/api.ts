import type { z } from 'zod';
import type {
  Action,
  Assignment,
  Audit,
  DeadlineSchema,
  Finding,
  OpenRecommendation,
  Question,
  Recommendation,
  Reply,
} from '../../../domain/audits/audit.js';
import type { PageOf } from '../../../domain/shared/schemas.js';
import { api, qs } from '../../platform/api.js';

export type AuditDto = z.infer<typeof Audit>;
export type QuestionDto = z.infer<typeof Question>;
export type RecommendationDto = z.infer<typeof Recommendation>;
export type ReplyDto = z.infer<typeof Reply>;
export type ActionDto = z.infer<typeof Action>;
export type AssignmentDto = z.infer<typeof Assignment>;
export type FindingDto = z.infer<typeof Finding>;
export type DeadlineDto = z.infer<typeof DeadlineSchema>;
export type OpenRecommendationDto = z.infer<typeof OpenRecommendation>;
export type PrefillDto = {
  recommendation: RecommendationDto;
  finding: FindingDto | null;
  addressees: {
    bodyId: string;
    reply: ReplyDto | null;
    actions: ActionDto[];
    state: OpenRecommendationDto['state'];
    suggestedStatus: 'resolved' | 'partly_resolved' | 'not_resolved';
  }[];
};
type Params = Record<string, string | number | boolean | undefined | null>;

export const revisionApi = {
  audits: (p: Params) => api.get<PageOf<AuditDto>>(`/api/audits${qs(p)}`),
  audit: (id: string) => api.get<AuditDto>(`/api/audits/${id}`),
  createAudit: (body: unknown) => api.post<AuditDto>('/api/audits', body),
  updateAudit: (id: string, body: unknown) => api.patch<AuditDto>(`/api/audits/${id}`, body),
  uploadReport: (id: string, form: FormData) =>
    api.upload<AuditDto>(`/api/audits/${id}/report`, form),
  questions: (id: string) => api.get<{ items: QuestionDto[] }>(`/api/audits/${id}/questions`),
  addQuestions: (id: string, body: unknown) =>
    api.post<{ items: QuestionDto[] }>(`/api/audits/${id}/questions/bulk`, body),
  updateQuestion: (id: string, body: unknown) =>
    api.patch<QuestionDto>(`/api/audit-questions/${id}`, body),
  recommendations: (id: string) =>
    api.get<{ items: RecommendationDto[] }>(`/api/audits/${id}/recommendations`),
  addRecommendations: (id: string, body: unknown) =>
    api.post<{ items: RecommendationDto[] }>(`/api/audits/${id}/recommendations/bulk`, body),
  updateRecommendation: (id: string, body: unknown) =>
    api.patch<RecommendationDto>(`/api/recommendations/${id}`, body),
  replies: (id: string) => api.get<{ items: ReplyDto[] }>(`/api/audits/${id}/replies`),
  createReply: (body: unknown) => api.post<ReplyDto>('/api/replies', body),
  updateReply: (id: string, body: unknown) => api.patch<ReplyDto>(`/api/replies/${id}`, body),
  actions: (id: string) => api.get<{ items: ActionDto[] }>(`/api/audits/${id}/actions`),
  createAction: (body: unknown) => api.post<ActionDto>('/api/actions', body),
  updateAction: (id: string, body: unknown) => api.patch<ActionDto>(`/api/actions/${id}`, body),
  assignments: (p: Params) => api.get<PageOf<AssignmentDto>>(`/api/assignments${qs(p)}`),
  createAssignment: (body: unknown) =>
    api.post<{ items: AssignmentDto[] }>('/api/assignments', body),
  updateAssignment: (id: string, body: unknown) =>
    api.patch<AssignmentDto>(`/api/assignments/${id}`, body),
  followUp: (id: string) => api.get<{ items: PrefillDto[] }>(`/api/audits/${id}/follow-up`),
  findings: (recommendationId: string) =>
    api.get<{ items: (FindingDto & { auditTitle: string; reportDate: string | null })[] }>(
      `/api/recommendations/${recommendationId}/findings`,
    ),
  laterFindings: (auditId: string) =>
    api.get<{ items: (FindingDto & { auditTitle: string; reportDate: string | null })[] }>(
      `/api/audits/${auditId}/later-findings`,
    ),
  createFinding: (body: unknown) => api.post<FindingDto>('/api/findings', body),
  updateFinding: (id: string, body: unknown) => api.patch<FindingDto>(`/api/findings/${id}`, body),
  open: (p: Params) =>
    api.get<{ items: OpenRecommendationDto[] }>(`/api/recommendations/open${qs(p)}`),
  deadlines: (p: Params) => api.get<{ items: DeadlineDto[] }>(`/api/deadlines${qs(p)}`),
  feedStatus: () => api.get<{ active: boolean; createdAt: string | null }>('/api/calendar/token'),
  createFeed: () => api.post<{ token: string; path: string }>('/api/calendar/token'),
  revokeFeed: () => api.delete('/api/calendar/token'),
  reminders: () =>
    api.get<{
      items: {
        id: string;
        subject: string;
        body: string;
        channel: string;
        status: string;
        createdAt: string;
      }[];
    }>('/api/reminders'),
};
