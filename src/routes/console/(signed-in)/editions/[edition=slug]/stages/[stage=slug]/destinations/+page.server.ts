// A stage's outside destinations for its producers: each with its masked key and live status, forms to add, edit, enable/disable and remove.
import { fail, redirect } from '@sveltejs/kit';
import type { DestinationStatusView } from '$lib/server/media/simulcast/simulcast';
import { messagesFor } from '$lib/i18n/messages';
import { readConsoleForm, requireAccount } from '$lib/server/http/consoleRoute';
import { field, readVersion } from '$lib/server/http/formFields';
import { appContext } from '$lib/server/context';
import type { DestinationSave } from '$lib/server/services/destinationEditing';
import { noticeOf } from '../../../programmeEditing.server';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { refuseOutcome } from '$lib/server/http/outcomes';

const notices = ['added', 'saved', 'enabled', 'disabled', 'removed'] as const;
type Notice = (typeof notices)[number];

/** What a refused form sends back: which form, its values (never the key), and the errors by field id. */
export interface DestinationFormFailure {
  readonly target: string;
  readonly values: { readonly name: string; readonly url: string; readonly enabled: boolean };
  readonly errors: Record<string, string>;
  readonly message: string | null;
}

export const load: PageServerLoad = async (event) => {
  const account = requireAccount(event);
  const { locale } = event.locals;
  const { destinationEditing, simulcast } = appContext();
  const view = await destinationEditing.view(account, event.params.edition, event.params.stage);
  if (view.status !== 'found') refuseOutcome(locale, view.status);
  const statuses = new Map<string, DestinationStatusView>(
    (simulcast?.statuses(view.stage.stageId) ?? []).map((s) => [s.destinationId, s])
  );
  const now = Date.now();
  return {
    edition: { slug: view.stage.editionSlug, title: view.stage.editionTitle, defaultLocale: view.stage.defaultLocale },
    stage: { id: view.stage.stageId, name: view.stage.stageName },
    destinations: view.destinations.map((d) => {
      // A destination the simulcast does not run (stage not live, or disabled) is idle.
      const status = d.enabled ? statuses.get(d.id) : undefined;
      return {
        id: d.id,
        name: d.name,
        url: d.url,
        host: hostOf(d.url),
        maskedKey: d.maskedKey,
        enabled: d.enabled,
        version: d.version,
        state: status?.state ?? 'idle',
        reason: status?.reason ?? null,
        retryInSeconds: status?.nextRetryAt ? Math.max(0, Math.ceil((status.nextRetryAt.getTime() - now) / 1000)) : null
      };
    }),
    notice: noticeOf(event.url, notices)
  };
};

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

const pagePath = (event: RequestEvent) =>
  `/console/editions/${event.params.edition}/stages/${event.params.stage}/destinations`;

/** Field ids of a form: the add form's are plain, each destination's edit form prefixes them with its id. */
const fieldId = (target: string, name: string) => (target === 'add' ? name : `${target}-${name}`);
const fieldNames: Record<string, string> = { name: 'name', url: 'url', streamKey: 'key', form: 'name' };

function answer(event: RequestEvent, target: string, form: FormData, result: DestinationSave, notice: Notice) {
  const m = messagesFor(event.locals.locale).destinations;
  const values = { name: field(form, 'name'), url: field(form, 'url'), enabled: form.get('enabled') === 'on' };
  switch (result.status) {
    case 'saved':
      redirect(303, `${pagePath(event)}?notice=${notice}`);
      break;
    case 'invalid': {
      const errors: Record<string, string> = {};
      for (const problem of result.problems)
        errors[fieldId(target, fieldNames[problem.field] ?? 'name')] =
          m.errors[problem.code as keyof typeof m.errors] ?? problem.code;
      return fail(400, { target, values, errors, message: null } satisfies DestinationFormFailure);
    }
    case 'conflict':
      return fail(409, {
        target,
        values: { name: result.current.name, url: result.current.url, enabled: result.current.enabled },
        errors: {},
        message: m.errors['destination.conflict']
      } satisfies DestinationFormFailure);
    case 'not_found':
      // The destination went away (the stage itself is checked on load); say so at the top of the page.
      return fail(404, {
        target,
        values,
        errors: {},
        message: m.errors['destination.not_found']
      } satisfies DestinationFormFailure);
    case 'forbidden':
      return refuseOutcome(event.locals.locale, result.status);
  }
}

async function open(event: RequestEvent) {
  const account = requireAccount(event);
  const form = await readConsoleForm(event);
  return { account, form, id: field(form, 'destination'), version: readVersion(form) };
}

const staleForm = (event: RequestEvent, target: string) =>
  fail(400, {
    target,
    values: { name: '', url: '', enabled: true },
    errors: {},
    message: messagesFor(event.locals.locale).destinations.errors['destination.form_invalid']
  } satisfies DestinationFormFailure);

export const actions: Actions = {
  add: async (event) => {
    const { account, form } = await open(event);
    const input = {
      name: field(form, 'name'),
      url: field(form, 'url'),
      streamKey: field(form, 'key'),
      enabled: form.get('enabled') === 'on'
    };
    const result = await appContext().destinationEditing.add(account, event.params.edition, event.params.stage, input);
    return answer(event, 'add', form, result, 'added');
  },
  update: async (event) => {
    const { account, form, id, version } = await open(event);
    if (!id || version === null) return staleForm(event, id || 'add');
    const input = {
      name: field(form, 'name'),
      url: field(form, 'url'),
      streamKey: field(form, 'key'),
      enabled: form.get('enabled') === 'on'
    };
    const result = await appContext().destinationEditing.update(
      account,
      event.params.edition,
      event.params.stage,
      id,
      version,
      input
    );
    return answer(event, id, form, result, 'saved');
  },
  enable: async (event) => {
    const { account, form, id, version } = await open(event);
    if (!id || version === null) return staleForm(event, id || 'add');
    const enabled = field(form, 'enabled') === 'true';
    const result = await appContext().destinationEditing.setEnabled(
      account,
      event.params.edition,
      event.params.stage,
      id,
      version,
      enabled
    );
    return answer(event, id, form, result, enabled ? 'enabled' : 'disabled');
  },
  remove: async (event) => {
    const { account, form, id, version } = await open(event);
    if (!id || version === null) return staleForm(event, id || 'add');
    if (form.get('confirm') !== 'on') {
      const m = messagesFor(event.locals.locale).destinations;
      return fail(400, {
        target: id,
        values: { name: '', url: '', enabled: true },
        errors: { [`${id}-confirm`]: m.removeConfirmRequired },
        message: null
      } satisfies DestinationFormFailure);
    }
    const result = await appContext().destinationEditing.remove(
      account,
      event.params.edition,
      event.params.stage,
      id,
      version
    );
    return answer(event, id, form, result, 'removed');
  }
};
