import type {
  ObligationState,
  Position,
  QuestionState,
  Totals,
} from '../../../domain/audits/obligations.js';
import { api } from '../../platform/api.js';

/** One reply obligation: a (recommendation, addressee) whose addressee was asked for a reply. */
export type ObligationItemDto = {
  recommendationId: string;
  recommendationNumber: string;
  bodyId: string;
  bodyName: string;
  deadline: string | null;
  state: ObligationState;
  answeredOn: string | null;
  replyId: string | null;
  position: Position | null;
  daysLate: number;
};

/** A body the report was sent to: for a reply or for information, its deadline, counts and questions. */
export type ObligationBodyDto = {
  bodyId: string;
  bodyName: string;
  kind: string;
  concerned: boolean;
  auditorGroup: string | null;
  deadline: string | null;
  deadlineResolved: boolean;
  deadlineMeeting: { bodyId: string; month: string } | null;
  owed: number;
  overdue: number;
  answered: number;
  answeredLate: number;
  questions: { number: string; text: string; state: QuestionState; replyId: string | null }[];
};

export type AuditObligationsDto = { items: ObligationItemDto[]; bodies: ObligationBodyDto[] };

export type MatrixTotalsDto = Totals;
export type AuditMatrixDto = {
  bodies: { id: string; name: string }[];
  rows: {
    questionId: string;
    number: string;
    text: string;
    mode: string;
    wholeValue: string | null;
    cells: { bodyId: string; applies: boolean | null; value: string | null }[];
    totals: MatrixTotalsDto;
  }[];
  columns: { bodyId: string; totals: MatrixTotalsDto }[];
  totals: MatrixTotalsDto;
};

export const obligationsApi = {
  obligations: (auditId: string) =>
    api.get<AuditObligationsDto>(`/api/audits/${auditId}/obligations`),
  matrix: (auditId: string) => api.get<AuditMatrixDto>(`/api/audits/${auditId}/matrix`),
  /** Plain download links (an <a href download>), not fetched by the client. */
  matrixXlsxUrl: (auditId: string) => `/api/audits/${auditId}/matrix?format=xlsx`,
  reportPdfUrl: (auditId: string) => `/api/audits/${auditId}/report.pdf`,
};
