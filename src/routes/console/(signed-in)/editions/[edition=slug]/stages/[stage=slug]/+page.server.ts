// A stage's broadcast page for its producers: the encoder settings (server and stream key), the source's status, and its
// sessions in order with one button each to put them live or stop them; rotating the key. Every action is a plain form.
import { error, fail, redirect } from '@sveltejs/kit';
import { canResume, type BroadcastRefusal } from '$lib/domain/broadcast/liveState';
import { textIn } from '$lib/domain/localizedText';
import type { Locale } from '$lib/i18n/locale';
import { messagesFor } from '$lib/i18n/messages';
import { forbidden, formatInstant, readConsoleForm, requireAccount } from '$lib/server/http/consoleRoute';
import { field } from '$lib/server/http/formFields';
import type { Actor } from '$lib/domain/access/policies';
import { appContext } from '$lib/server/context';
import { formatTimeRange } from '$lib/ui/format';
import { noticeOf } from '../../programmeEditing.server';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const notices = ['live', 'resumed', 'ended', 'endedWithReplay', 'rotated', 'outputFailed', 'recordingFailed'] as const;

export const load: PageServerLoad = async (event) => {
  const account = requireAccount(event);
  const { locale, viewerZone } = event.locals;
  const page = await openStage(event, account);
  const { programme, stage } = page;
  const { edition } = programme;
  const context = appContext();
  const now = context.programmes.now();
  const status = context.broadcast ? context.broadcast.stageStatus(stage.id) : undefined;
  const dayOf = new Map(programme.days.map((d) => [d.id, d.date]));
  return {
    edition: { slug: edition.slug, title: edition.title, defaultLocale: edition.defaultLocale },
    stage: { id: stage.id, name: textIn(stage.name, locale, edition.defaultLocale) },
    server: rtmpServer(event.url),
    streamKey: page.streamKey,
    // undefined: no broadcaster on this server; null: nothing connected yet.
    source:
      status === undefined
        ? { known: false as const }
        : {
            known: true as const,
            connected: status?.sourceConnected ?? false,
            via: status?.via ?? null,
            since: status?.since ? formatInstant(status.since, locale, viewerZone, 'time') : null,
            encoderPath: status?.encoderPath ?? null,
            cpuPercent:
              status?.cpuPercent === null || status?.cpuPercent === undefined ? null : Math.round(status.cpuPercent)
          },
    sessions: page.sessions.map(({ session, broadcast }) => ({
      id: session.id,
      title: textIn(session.title, locale, edition.defaultLocale) || session.id,
      isDraft: session.state !== 'published',
      times: formatTimeRange(session.startsAt, session.endsAt, edition.hostZone, locale, dayOf.get(session.dayId)),
      state: broadcast.state,
      wentLiveAt: broadcast.wentLiveAt ? formatInstant(broadcast.wentLiveAt, locale, viewerZone, 'time') : null,
      endedAt: broadcast.endedAt ? formatInstant(broadcast.endedAt, locale, viewerZone, 'time') : null,
      canResume: canResume(broadcast, now),
      hasReplay: broadcast.replay !== null
    })),
    notice: noticeOf(event.url, notices)
  };
};

export const actions: Actions = {
  goLive: async (event) => {
    const { account, sessionId, back } = await readSessionForm(event);
    const result = await appContext().broadcastControl.goLive(account, sessionId);
    switch (result.status) {
      case 'live':
        redirect(303, `${back}?notice=${result.outputFailed ? 'outputFailed' : result.resumed ? 'resumed' : 'live'}`);
        break;
      case 'refused':
        return refusedForm(event, sessionId, result.refusal);
      case 'forbidden':
        return forbidden(event.locals.locale);
      case 'not_found':
        return unknownSession(event.locals.locale, sessionId);
    }
  },
  stop: async (event) => {
    const { account, sessionId, back, form } = await readSessionForm(event);
    if (form.get('confirm') !== 'on') {
      return fail(400, {
        sessionId,
        message: null,
        errors: {
          [`confirm-${sessionId}`]: messagesFor(event.locals.locale).broadcast.errors['broadcast.confirm_needed']
        }
      });
    }
    const result = await appContext().broadcastControl.stop(account, sessionId);
    switch (result.status) {
      case 'ended':
        redirect(
          303,
          `${back}?notice=${result.outputFailed ? 'recordingFailed' : result.hasReplay ? 'endedWithReplay' : 'ended'}`
        );
        break;
      case 'refused':
        return refusedForm(event, sessionId, result.refusal);
      case 'forbidden':
        return forbidden(event.locals.locale);
      case 'not_found':
        return unknownSession(event.locals.locale, sessionId);
    }
  },
  rotate: async (event) => {
    const account = requireAccount(event);
    const form = await readConsoleForm(event);
    const m = messagesFor(event.locals.locale).broadcast;
    if (form.get('confirm') !== 'on')
      return fail(400, {
        sessionId: null,
        message: null,
        errors: { 'rotate-confirm': m.errors['broadcast.confirm_needed'] }
      });
    const result = await appContext().broadcastControl.rotateStreamKey(account, event.params.stage);
    if (result.status === 'forbidden') forbidden(event.locals.locale);
    if (result.status === 'not_found') error(404, { message: messagesFor(event.locals.locale).notFoundTitle });
    redirect(303, `${stagePath(event)}?notice=rotated`);
  }
};

async function openStage(event: RequestEvent, account: Actor) {
  const page = await appContext().broadcastControl.stagePage(account, event.params.edition, event.params.stage);
  if (page.status === 'forbidden') forbidden(event.locals.locale);
  if (page.status === 'not_found') error(404, { message: messagesFor(event.locals.locale).notFoundTitle });
  return page;
}

/** The posted session, once the form is genuine and the session is one of this stage's (a stale page or a forged id is refused here). */
async function readSessionForm(event: RequestEvent) {
  const account = requireAccount(event);
  const form = await readConsoleForm(event);
  const page = await openStage(event, account);
  const sessionId = field(form, 'session');
  if (!page.sessions.some((s) => s.session.id === sessionId)) unknownSession(event.locals.locale, sessionId);
  return { account, form, sessionId, back: stagePath(event), page };
}

function refusedForm(event: RequestEvent, sessionId: string, refusal: BroadcastRefusal) {
  const m = messagesFor(event.locals.locale).broadcast.errors;
  if (refusal.code === 'broadcast.stage_busy') {
    // Named by its title, so the producer knows which session to stop.
    return liveSessionTitle(event, refusal.liveSessionId).then((title) =>
      fail(409, { sessionId, message: m['broadcast.stage_busy'](title), errors: {} as Record<string, string> })
    );
  }
  return fail(409, { sessionId, message: m[refusal.code], errors: {} as Record<string, string> });
}

async function liveSessionTitle(event: RequestEvent, sessionId: string): Promise<string> {
  const programme = await appContext().programmes.publishedProgramme(event.params.edition);
  const session = programme?.sessions.find((s) => s.id === sessionId);
  return session
    ? textIn(session.title, event.locals.locale, programme?.edition.defaultLocale ?? 'en') || sessionId
    : sessionId;
}

function unknownSession(locale: Locale, sessionId: string): never {
  error(404, {
    message: `${messagesFor(locale).broadcast.errors['broadcast.session_unknown']} (${sessionId.slice(0, 64)})`
  });
}

function stagePath(event: RequestEvent): string {
  return `/console/editions/${event.params.edition}/stages/${event.params.stage}`;
}

/**
 * `rtmp://<host>:<RTMP_PORT>/live`, or null when RTMP ingest is off. The host
 * is the public one (PUBLIC_URL, else the address this page was opened at)
 * unless RTMP listens on one specific address, which is then the only one
 * that works.
 */
function rtmpServer(url: URL): string | null {
  const { config } = appContext();
  if (config.rtmpPort === 0) return null;
  const wildcard = ['0.0.0.0', '::', '[::]'].includes(config.rtmpHost);
  const publicHost = config.publicUrl ? new URL(config.publicUrl).hostname : url.hostname;
  const host = wildcard || config.rtmpHost === publicHost ? publicHost : config.rtmpHost;
  return `rtmp://${host}:${config.rtmpPort}/live`;
}
