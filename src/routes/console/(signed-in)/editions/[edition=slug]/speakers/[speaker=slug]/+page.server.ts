// One speaker for their editors: the speaker form, the photo (upload, replace, remove), deleting, and the speaker's audit log.
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { messagesFor } from '$lib/i18n/messages';
import { requireAccount } from '$lib/server/http/consoleRoute';
import { appContext } from '$lib/server/context';
import type { SpeakerEditResult } from '$lib/server/services/speakerEditing';
import { speakerFormValues } from '$lib/ui/console/speakers/speakerFormValues';
import { auditRows, noticeOf, readEditorForm } from '../../programmeEditing.server';
import {
  cityChoices,
  photoMegabytes,
  problem,
  problemErrors,
  readPhotoForm,
  readSpeakerForm,
  speakerConflictRows
} from '../speakerEditing.server';
import type { Actions, PageServerLoad } from './$types';
import { readVersion } from '$lib/server/http/formFields';
import { isErrorCode, orRefuse, refuseOutcome, statusOf } from '$lib/server/http/outcomes';

const notices = ['created', 'saved', 'photoSaved', 'photoRemoved'] as const;

/** The status of each refused photo, as docs/errors.md lists them; anything else (no file) is 400. */
export const load: PageServerLoad = async (event) => {
  const account = requireAccount(event);
  const { locale, viewerZone } = event.locals;
  const found = await appContext().speakerEditing.find(account, event.params.edition, event.params.speaker);
  if (found.status !== 'found')
    refuseOutcome(
      locale,
      found.status,
      found.status === 'not_found' && (await editionExists(event)) ? 'speaker.not_found' : undefined
    );
  const { programme, speaker } = found;
  const { edition } = programme;
  const entries = await appContext().auditLog.forRecord('speaker', speaker.id, 50);
  const items = programme.items.filter((i) => i.speakerIds.includes(speaker.id)).length;
  return {
    edition: {
      slug: edition.slug,
      title: edition.title,
      locales: edition.locales,
      defaultLocale: edition.defaultLocale,
      state: edition.state
    },
    speaker: { id: speaker.id, name: speaker.name, photoUrl: speaker.photoUrl, version: speaker.version, items },
    values: speakerFormValues(speaker),
    cities: cityChoices(programme, locale),
    photoMegabytes,
    audit: auditRows(entries, { locale, viewerZone, programme, deleted: [] }),
    notice: noticeOf(event.url, notices)
  };
};

type Event = RequestEvent<{ edition: string; speaker: string }>;

/** A 404 for a missing speaker names the speaker only when the edition itself is there. */
async function editionExists(event: Event): Promise<boolean> {
  const view = await appContext().sessionEditing.editorView(requireAccount(event), event.params.edition);
  return view.status === 'found';
}

function here(event: Event): string {
  return `/console/editions/${event.params.edition}/speakers/${event.params.speaker}`;
}

export const actions: Actions = {
  save: async (event) => {
    const { account, form } = await readEditorForm(event);
    const m = messagesFor(event.locals.locale);
    const found = await appContext().speakerEditing.find(account, event.params.edition, event.params.speaker);
    if (found.status !== 'found') return refuseOutcome(event.locals.locale, found.status, 'speaker.not_found');
    const { input, values } = readSpeakerForm(form, found.programme.edition.locales);
    const version = readVersion(form);
    if (version === null)
      return problem(400, {
        action: 'save',
        values,
        errors: {},
        message: m.consoleProgramme.errors['edit.invalid_version']
      });
    const result = orRefuse(
      await appContext().speakerEditing.update(account, event.params.edition, event.params.speaker, version, input),
      event.locals.locale,
      'speaker.not_found'
    );
    switch (result.status) {
      case 'saved':
        redirect(303, `${here(event)}?notice=saved`);
        break;
      case 'invalid':
        return problem(400, { action: 'save', values, ...problemErrors(result.problems, m.consoleSpeakers) });
      case 'conflict':
        return problem(409, {
          action: 'save',
          values: { ...values, version: String(result.current.version) },
          errors: {},
          message: null,
          conflict: speakerConflictRows(speakerFormValues(result.current), values, found.programme, event.locals.locale)
        });
    }
  },

  photo: async (event) => {
    const m = messagesFor(event.locals.locale).consoleSpeakers;
    const read = await readPhotoForm(event);
    // Refused before the body was read: nothing of it is kept.
    if (read.status === 'too_large')
      return problem(413, { action: 'photo', errors: { photo: m.photo.tooLarge(photoMegabytes) }, message: null });
    const { form } = read;
    const version = readVersion(form);
    if (version === null)
      return problem(400, {
        action: 'photo',
        errors: {},
        message: messagesFor(event.locals.locale).consoleProgramme.errors['edit.invalid_version']
      });
    const file = form.get('photo');
    const bytes = file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null;
    const account = requireAccount(event);
    const result = await appContext().speakerEditing.replacePhoto(
      account,
      event.params.edition,
      event.params.speaker,
      version,
      bytes
    );
    return photoOutcome(event, result, 'photoSaved');
  },

  removePhoto: async (event) => {
    const { account, form } = await readEditorForm(event);
    const version = readVersion(form);
    if (version === null)
      return problem(400, {
        action: 'photo',
        errors: {},
        message: messagesFor(event.locals.locale).consoleProgramme.errors['edit.invalid_version']
      });
    const result = await appContext().speakerEditing.removePhoto(
      account,
      event.params.edition,
      event.params.speaker,
      version
    );
    return photoOutcome(event, result, 'photoRemoved');
  },

  delete: async (event) => {
    const { account, form } = await readEditorForm(event);
    const m = messagesFor(event.locals.locale);
    const version = readVersion(form);
    if (version === null)
      return problem(400, { action: 'delete', errors: {}, message: m.consoleProgramme.errors['edit.invalid_version'] });
    if (form.get('confirm') !== 'on')
      return problem(400, {
        action: 'delete',
        errors: { confirm: m.consoleSpeakers.remove.unconfirmed },
        message: null
      });
    const result = orRefuse(
      await appContext().speakerEditing.remove(account, event.params.edition, event.params.speaker, version),
      event.locals.locale,
      'speaker.not_found'
    );
    switch (result.status) {
      case 'saved':
        redirect(303, `/console/editions/${event.params.edition}/speakers?notice=deleted#deleted`);
        break;
      case 'conflict':
        return problem(409, { action: 'delete', errors: {}, message: m.consoleSpeakers.errors['speaker.conflict'] });
      case 'invalid':
        return problem(400, {
          action: 'delete',
          errors: {},
          message: m.consoleSpeakers.errors['speaker.invalid_field']
        });
    }
  }
};

function photoOutcome(event: Event, outcome: SpeakerEditResult, notice: 'photoSaved' | 'photoRemoved') {
  const m = messagesFor(event.locals.locale).consoleSpeakers;
  const result = orRefuse(outcome, event.locals.locale, 'speaker.not_found');
  switch (result.status) {
    case 'saved':
      redirect(303, `${here(event)}?notice=${notice}#photo-heading`);
      break;
    case 'invalid': {
      const { errors } = problemErrors(result.problems, m);
      const code = result.problems[0]?.code ?? '';
      return problem(isErrorCode(code) ? statusOf(code) : 400, { action: 'photo', errors, message: null });
    }
    case 'conflict':
      return problem(409, { action: 'photo', errors: {}, message: m.errors['speaker.conflict'] });
  }
}
