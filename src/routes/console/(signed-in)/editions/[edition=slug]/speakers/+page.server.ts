// An edition's speakers for its editors: each with photo, city and programme items, the deleted ones to restore, and restoring.
import { redirect } from '@sveltejs/kit';
import { textIn } from '$lib/domain/localizedText';
import { messagesFor } from '$lib/i18n/messages';
import { requireAccount } from '$lib/server/http/consoleRoute';
import { appContext } from '$lib/server/context';
import { noticeOf, readEditorForm } from '../programmeEditing.server';
import { problem, readSpeakerId } from './speakerEditing.server';
import type { Actions, PageServerLoad } from './$types';
import { readVersion } from '$lib/server/http/formFields';
import { orRefuse, refuseOutcome } from '$lib/server/http/outcomes';

const notices = ['deleted', 'restored'] as const;

export const load: PageServerLoad = async (event) => {
  const account = requireAccount(event);
  const { locale } = event.locals;
  const listed = await appContext().speakerEditing.list(account, event.params.edition);
  if (listed.status !== 'found') refuseOutcome(locale, listed.status);
  const { edition, cities } = listed.programme;
  const fallback = edition.defaultLocale;
  const cityById = new Map(cities.map((c) => [c.id, c.name]));
  const byName = <T extends { name: Record<string, string> }>(list: readonly T[]) =>
    [...list].sort((a, b) => textIn(a.name, locale, fallback).localeCompare(textIn(b.name, locale, fallback), locale));
  return {
    edition: { slug: edition.slug, title: edition.title, defaultLocale: edition.defaultLocale },
    speakers: byName(listed.speakers).map((s) => ({
      id: s.id,
      name: s.name,
      city: s.cityId ? (cityById.get(s.cityId) ?? null) : null,
      photoUrl: s.photoUrl,
      isIllustrative: s.isIllustrative,
      items: listed.itemCounts.get(s.id) ?? 0
    })),
    deleted: listed.deleted.map((s) => ({ id: s.id, name: s.name, version: s.version })),
    notice: noticeOf(event.url, notices)
  };
};

export const actions: Actions = {
  restore: async (event) => {
    const { account, form } = await readEditorForm(event);
    const m = messagesFor(event.locals.locale);
    const version = readVersion(form);
    if (version === null)
      return problem(400, {
        action: 'restore',
        errors: {},
        message: m.consoleProgramme.errors['edit.invalid_version']
      });
    const speakerId = readSpeakerId(form);
    const result = orRefuse(
      await appContext().speakerEditing.restore(account, event.params.edition, speakerId, version),
      event.locals.locale,
      'speaker.not_found'
    );
    switch (result.status) {
      case 'saved':
        redirect(303, `/console/editions/${event.params.edition}/speakers?notice=restored#speaker-${speakerId}`);
        break;
      case 'conflict':
        return problem(409, { action: 'restore', errors: {}, message: m.consoleSpeakers.errors['speaker.conflict'] });
      case 'invalid':
        return problem(400, {
          action: 'restore',
          errors: {},
          message: m.consoleSpeakers.errors['speaker.invalid_field']
        });
    }
  }
};
