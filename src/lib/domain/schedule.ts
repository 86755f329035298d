/**
 * Calculations over a programme that pages and exports share: sessions by day,
 * a session's state by the clock, what is on now and next, and who speaks
 * where.
 */
import type { Day, Programme, ProgrammeItem, Session, Speaker } from './programme.js';

/** The clock-driven state; the live stage will let an operator override it. */
export type SessionClockState = 'scheduled' | 'live' | 'ended';

export function sessionStateAt(session: Pick<Session, 'startsAt' | 'endsAt'>, now: Date): SessionClockState {
  const t = now.getTime();
  if (t < session.startsAt.getTime()) return 'scheduled';
  if (t < session.endsAt.getTime()) return 'live';
  return 'ended';
}

export interface NowAndNext {
  readonly now: readonly Session[];
  readonly next: Session | null;
}

/** Sessions running at `now` (breaks included), and the first one to start after it. */
export function nowAndNext(sessions: readonly Session[], now: Date): NowAndNext {
  const running = sessions.filter((s) => sessionStateAt(s, now) === 'live');
  const upcoming = sessions
    .filter((s) => s.startsAt.getTime() > now.getTime())
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.position - b.position);
  return { now: running, next: upcoming[0] ?? null };
}

export interface DayWithSessions {
  readonly day: Day;
  readonly sessions: readonly Session[];
}

export function sessionsByDay(programme: Pick<Programme, 'days' | 'sessions'>): DayWithSessions[] {
  return [...programme.days]
    .sort((a, b) => a.date.localeCompare(b.date) || a.position - b.position)
    .map((day) => ({
      day,
      sessions: programme.sessions
        .filter((s) => s.dayId === day.id)
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.position - b.position)
    }));
}

export function itemsOfSession(programme: Pick<Programme, 'items'>, sessionId: string): ProgrammeItem[] {
  return programme.items.filter((i) => i.sessionId === sessionId).sort((a, b) => a.position - b.position);
}

/** Speakers of a session, in the order they first appear in its items. */
export function speakersOfSession(programme: Pick<Programme, 'items' | 'speakers'>, sessionId: string): Speaker[] {
  const ids = new Set(itemsOfSession(programme, sessionId).flatMap((i) => i.speakerIds));
  const byId = new Map(programme.speakers.map((s) => [s.id, s]));
  return [...ids].map((id) => byId.get(id)).filter((s): s is Speaker => s !== undefined);
}

/** Sessions a speaker appears in, by time. */
export function sessionsOfSpeaker(programme: Pick<Programme, 'items' | 'sessions'>, speakerId: string): Session[] {
  const sessionIds = new Set(programme.items.filter((i) => i.speakerIds.includes(speakerId)).map((i) => i.sessionId));
  return programme.sessions
    .filter((s) => sessionIds.has(s.id))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** Speakers who actually appear in the published programme. */
export function speakersOnProgramme(programme: Pick<Programme, 'items' | 'speakers' | 'sessions'>): Speaker[] {
  const sessionIds = new Set(programme.sessions.map((s) => s.id));
  const ids = new Set(programme.items.filter((i) => sessionIds.has(i.sessionId)).flatMap((i) => i.speakerIds));
  return programme.speakers.filter((s) => ids.has(s.id));
}
