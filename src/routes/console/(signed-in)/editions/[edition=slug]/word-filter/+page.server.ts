// The edition's word filter for its moderators: the list (one entry per line), saved under optimistic concurrency, and its changes.
import { fail, redirect } from '@sveltejs/kit';
import { messagesFor } from '$lib/i18n/messages';
import { readConsoleForm, requireAccount } from '$lib/server/http/consoleRoute';
import { field, readVersion } from '$lib/server/http/formFields';
import { appContext } from '$lib/server/context';
import { chatAuditRows } from '../chatModeration.server';
import { noticeOf } from '../programmeEditing.server';
import type { Actions, PageServerLoad } from './$types';
import { orRefuse, refuseOutcome } from '$lib/server/http/outcomes';

const notices = ['saved', 'unchanged'] as const;

export const load: PageServerLoad = async (event) => {
  const account = requireAccount(event);
  const { locale, viewerZone } = event.locals;
  const view = await appContext().chatModeration.wordFilter(account, event.params.edition);
  if (view.status !== 'found') refuseOutcome(locale, view.status);
  return {
    edition: { slug: view.edition.editionSlug, title: view.edition.title, defaultLocale: view.edition.defaultLocale },
    words: view.words.join('\n'),
    count: view.words.length,
    version: view.version,
    audit: chatAuditRows(view.audit, { locale, viewerZone, sessionTitles: new Map() }),
    notice: noticeOf(event.url, notices)
  };
};

export const actions: Actions = {
  save: async (event) => {
    const account = requireAccount(event);
    const form = await readConsoleForm(event);
    const m = messagesFor(event.locals.locale).chat;
    const words = field(form, 'words');
    // 0 is the version of a list never saved.
    const version = readVersion(form, { allowZero: true });
    if (version === null)
      return fail(400, {
        words,
        version: null,
        message: m.errors['chat.word_filter_version'],
        errors: {} as Record<string, string>
      });
    const result = orRefuse(
      await appContext().chatModeration.saveWordFilter(account, event.params.edition, form.get('words') ?? '', version),
      event.locals.locale
    );
    switch (result.status) {
      case 'saved':
      case 'unchanged':
        redirect(303, `/console/editions/${event.params.edition}/word-filter?notice=${result.status}`);
        break;
      case 'invalid': {
        const { problem } = result;
        const message =
          problem.code === 'chat.word_filter_word_too_long'
            ? m.wordTooLong(problem.line)
            : problem.code === 'chat.word_filter_too_many'
              ? m.tooManyWords(problem.count)
              : m.errors[problem.code];
        return fail(400, { words, version, message: null, errors: { words: message } });
      }
      case 'conflict':
        // Their list goes in the box (with its version), so saving again is a deliberate choice.
        return fail(409, {
          words: result.current.join('\n'),
          version: result.version,
          message: m.errors['chat.word_filter_conflict'],
          errors: {} as Record<string, string>
        });
    }
  }
};
