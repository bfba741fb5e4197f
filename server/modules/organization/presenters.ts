import { iso, stamps } from '../../platform/lists.js';
import { splitPath } from './identity.js';
import type { UnitWithCount } from './units.service.js';
import type { ForumView } from './forums.service.js';
import type { forumMembers, meetings, persons, posts, roleGrants } from './tables.js';
import type { UnitKind } from '../../../domain/organization/unit.js';
import type { Role } from '../../../domain/access/permissions.js';

/** Presenters list each published field, so a new column (a password hash, say) never leaks by accident. */

export const toUnitDto = (u: UnitWithCount) => ({
  ...stamps(u),
  id: u.id,
  parentId: u.parentId,
  path: splitPath(u.path),
  kind: u.kind as UnitKind,
  name: u.name,
  shortName: u.shortName,
  code: u.code,
  description: u.description,
  startsOn: u.startsOn,
  endsOn: u.endsOn,
  archivedAt: iso(u.archivedAt),
  childCount: u.childCount,
});

export const toPersonDto = (r: {
  person: typeof persons.$inferSelect;
  unitName: string | null;
}) => ({
  ...stamps(r.person),
  id: r.person.id,
  name: r.person.name,
  email: r.person.email,
  title: r.person.title,
  unitId: r.person.unitId,
  unitName: r.unitName,
  canLogIn: r.person.canLogIn,
  archivedAt: iso(r.person.archivedAt),
});

export const toGrantDto = (r: {
  grant: typeof roleGrants.$inferSelect;
  personName: string;
  unitName: string;
}) => ({
  id: r.grant.id,
  personId: r.grant.personId,
  personName: r.personName,
  role: r.grant.role as Role,
  unitId: r.grant.unitId,
  viaSso: r.grant.viaSso,
  unitName: r.unitName,
  createdAt: iso(r.grant.createdAt)!,
  createdBy: r.grant.createdBy,
});

export const toPostDto = (r: { post: typeof posts.$inferSelect; holderName: string | null }) => ({
  ...stamps(r.post),
  id: r.post.id,
  unitId: r.post.unitId,
  title: r.post.title,
  holderId: r.post.holderId,
  holderName: r.holderName,
  competenceRequirements: r.post.competenceRequirements,
  isVacant: !r.post.holderId,
});

export const toForumDto = (f: ForumView) => ({
  ...stamps(f),
  id: f.id,
  parentUnitId: f.parentUnitId,
  parentUnitName: f.parentUnitName,
  name: f.name,
  kind: f.kind as never,
  level: f.level as never,
  lifecycle: f.lifecycle as never,
  description: f.description,
  mandate: f.mandate as never,
  mandateText: f.mandateText,
  mandateDecisionId: f.mandateDecisionId,
  meetingsPerYear: f.meetingsPerYear,
  cadenceText: f.cadenceText,
  standingAgendaItems: f.standingAgendaItems,
  establishedOn: f.establishedOn,
  establishedDecisionId: f.establishedDecisionId,
  discontinuedOn: f.discontinuedOn,
  discontinuedDecisionId: f.discontinuedDecisionId,
  externalRole: f.externalRole as never,
  status: f.status,
  lastMeetingOn: f.lastMeetingOn,
  memberCount: f.memberCount,
  deputyCount: f.deputyCount,
  cadence: f.cadence,
  flags: f.flags,
});

export const toMemberDto = (r: {
  member: typeof forumMembers.$inferSelect;
  personName: string | null;
  delegateName: string | null;
}) => ({
  id: r.member.id,
  forumId: r.member.forumId,
  personId: r.member.personId,
  personName: r.personName,
  externalName: r.member.externalName,
  memberRole: r.member.memberRole as 'member' | 'deputy',
  seatTitle: r.member.seatTitle,
  delegateId: r.member.delegateId,
  delegateName: r.delegateName,
  fromOn: r.member.fromOn,
  toOn: r.member.toOn,
  version: r.member.version,
});

export const toMeetingDto = (r: {
  meeting: typeof meetings.$inferSelect;
  holderName: string;
  decisionCount: number;
  minutes: { id: string; filename: string; size: number; sha256: string } | null;
}) => ({
  ...stamps(r.meeting),
  id: r.meeting.id,
  bodyUnitId: r.meeting.bodyUnitId,
  forumId: r.meeting.forumId,
  holderName: r.holderName,
  heldOn: r.meeting.heldOn,
  title: r.meeting.title,
  agenda: r.meeting.agenda,
  minutes: r.minutes?.id ? r.minutes : null,
  decisionCount: r.decisionCount,
});

export const toDecisionDto = (d: {
  id: string;
  kind: string;
  bodyUnitId: string | null;
  bodyName: string | null;
  forumId: string | null;
  forumName: string | null;
  meetingId: string | null;
  decidedOn: string | null;
  datePrecision: string;
  dateText: string | null;
  paragraph: string | null;
  caseNumber: string | null;
  level: string;
  outcome: string | null;
  decidedByTitle: string | null;
  decidedByPersonId: string | null;
  decidedByPersonName: string | null;
  subjects: string[];
  title: string;
  body: string | null;
  proposedByDecisionId: string | null;
  basis: string[];
  links: { kind: string; targetId?: string | null; label: string }[];
  reference: string;
  warnings: { path: string; message: string }[];
  version: number;
  createdAt: Date;
  createdBy: string | null;
  updatedAt: Date;
  updatedBy: string | null;
}) => ({
  ...stamps(d),
  id: d.id,
  kind: d.kind as never,
  bodyUnitId: d.bodyUnitId,
  bodyName: d.bodyName,
  forumId: d.forumId,
  forumName: d.forumName,
  meetingId: d.meetingId,
  decidedOn: d.decidedOn,
  datePrecision: d.datePrecision as never,
  dateText: d.dateText,
  paragraph: d.paragraph,
  caseNumber: d.caseNumber,
  level: d.level as never,
  outcome: d.outcome as never,
  decidedByTitle: d.decidedByTitle,
  decidedByPersonId: d.decidedByPersonId,
  decidedByPersonName: d.decidedByPersonName,
  subjects: d.subjects,
  title: d.title,
  body: d.body,
  proposedByDecisionId: d.proposedByDecisionId,
  basis: d.basis,
  links: d.links as never,
  reference: d.reference,
  warnings: d.warnings,
});
