// The edition's whole programme as frab JSON with the lossless x-madang extension, for its editors; a download, never cached.
import { error } from '@sveltejs/kit';
import { messagesFor } from '$lib/i18n/messages';
import { forbidden, requireAccount } from '$lib/server/http/consoleRoute';
import { appContext } from '$lib/server/context';
import { publicOrigin } from '$lib/server/http/origin';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  const account = requireAccount(event);
  const { locale } = event.locals;
  const exported = await appContext().programmeImport.exportEdition(account, event.params.edition, {
    baseUrl: publicOrigin(event.url),
    locale
  });
  if (exported.status !== 'found') {
    if (exported.status === 'forbidden') forbidden(locale);
    error(404, { message: messagesFor(locale).notFoundTitle });
  }
  return new Response(exported.body, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${exported.filename}"`,
      'cache-control': 'no-store'
    }
  });
};
