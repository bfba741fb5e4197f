import type { Actor } from '../../domain/access/permissions.js';
import type { Lang } from './i18n/messages.js';
import type { Db } from '../db/client.js';

/** Who asks, for which tenant, in which language, at what time: handed to every service call. */
export type Ctx = {
  tenantId: string;
  actor: Actor & { name: string };
  lang: Lang;
  now: Date;
};

export type Clock = () => Date;

export type Deps = { db: Db; clock: Clock };

const swedishDate = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
/** Today's date (yyyy-mm-dd) in Swedish time, for rules that speak of days. One formatter, reused: creating one per call is slow. */
export const todayOf = (now: Date) => swedishDate.format(now);
