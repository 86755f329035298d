// A new edition from a schedule file (instance administrators): the file, its slug, and for plain frab files the zone and language; problems listed with their place in the file.
import { fail, redirect } from '@sveltejs/kit';
import { canImportEdition } from '$lib/domain/access/policies';
import type { FieldProblem } from '$lib/domain/editing/sessionInput';
import type { ImportError } from '$lib/domain/imports/importResult';
import { messagesFor } from '$lib/i18n/messages';
import { forbidden, readConsoleForm, requireAccount, type ConsoleEvent } from '$lib/server/http/consoleRoute';
import { field } from '$lib/server/http/formFields';
import { appContext } from '$lib/server/context';
import { importUploadBytes, importUploadMegabytes } from '$lib/server/http/bodyLimits';
import type { Actions, PageServerLoad } from './$types';
import { orRefuse } from '$lib/server/http/outcomes';

type Messages = ReturnType<typeof messagesFor>['consoleImport'];
type Code = keyof Messages['errors'];

export interface ImportFormValues {
  readonly slug: string;
  readonly zone: string;
  readonly defaultLocale: string;
}

/** What a refused import hands back to the page. */
export interface ImportFormProblem {
  readonly values: ImportFormValues;
  /** Field id → message in the reader's language. */
  readonly errors: Record<string, string>;
  /** The file's problems, each with its place in the file. */
  readonly fileProblems: readonly {
    readonly code: string;
    readonly summary: string;
    readonly path: string;
    readonly detail: string;
  }[];
}

const emptyValues: ImportFormValues = { slug: '', zone: '', defaultLocale: '' };

function requireImporter(event: ConsoleEvent) {
  const account = requireAccount(event);
  if (!canImportEdition(account)) forbidden(event.locals.locale);
  return account;
}

export const load: PageServerLoad = async (event) => {
  requireImporter(event);
  return { values: emptyValues, megabytes: importUploadMegabytes };
};

const message = (m: Messages, code: string) => (code in m.errors ? m.errors[code as Code] : code);

function fieldErrors(problems: readonly FieldProblem[], m: Messages): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of problems) errors[problem.field] ??= message(m, problem.code);
  return errors;
}

function fileProblems(errors: readonly ImportError[], m: Messages): ImportFormProblem['fileProblems'] {
  return errors.map((e) => ({
    code: e.code,
    summary: message(m, e.code),
    path: e.path || m.wholeFile,
    detail: e.message
  }));
}

export const actions: Actions = {
  default: async (event) => {
    const account = requireImporter(event);
    const m = messagesFor(event.locals.locale).consoleImport;
    // Said before the body is read, so an oversized file is refused without being received whole.
    const declared = Number(event.request.headers.get('content-length') ?? '0');
    if (declared > importUploadBytes) {
      return fail(413, {
        values: emptyValues,
        errors: { file: m.tooLarge(importUploadMegabytes) },
        fileProblems: []
      } satisfies ImportFormProblem);
    }
    const form = await readConsoleForm(event);
    const values: ImportFormValues = {
      slug: field(form, 'slug'),
      zone: field(form, 'zone'),
      defaultLocale: field(form, 'defaultLocale')
    };
    const file = form.get('file');
    // A form posted without multipart sends the file's name as text: that is no file.
    const upload = typeof file === 'object' && file !== null && file.size > 0 ? file : null;
    if (upload && upload.size > importUploadBytes) {
      return fail(413, {
        values,
        errors: { file: m.tooLarge(importUploadMegabytes) },
        fileProblems: []
      } satisfies ImportFormProblem);
    }
    const result = orRefuse(
      await appContext().programmeImport.importEdition(account, {
        text: upload ? await upload.text() : null,
        slug: values.slug,
        zone: values.zone,
        defaultLocale: values.defaultLocale
      }),
      event.locals.locale
    );
    switch (result.status) {
      case 'saved':
        redirect(303, `/console/editions/${result.slug}?notice=imported`);
        break;
      case 'invalid': {
        const taken = result.problems.some((p) => p.code === 'import.slug_taken');
        return fail(taken ? 409 : 400, {
          values,
          errors: fieldErrors(result.problems, m),
          fileProblems: []
        } satisfies ImportFormProblem);
      }
      case 'rejected': {
        const tooLarge = result.errors.some((e) => e.code === 'import.too_large' && e.path === '');
        const listed = result.errors.filter((e) => e.code !== 'import.more_errors').length;
        return fail(tooLarge ? 413 : 400, {
          values,
          errors: { file: m.fileRejected(listed) },
          fileProblems: fileProblems(result.errors, m)
        } satisfies ImportFormProblem);
      }
    }
  }
};
