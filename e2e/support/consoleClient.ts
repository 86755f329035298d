/**
 * A browser without a browser, for HTTP tests of the console: keeps cookies,
 * follows nothing by itself, sends the Origin header a real browser sends
 * with a form, and fills in the hidden CSRF field from the page it just read.
 */
import type { CapturedMail } from '../../src/lib/server/mail/testing/smtpCapture.js';

export interface Page {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The Location of a redirect, relative to the site. */
  readonly location: string | null;
}

export class ConsoleClient {
  readonly cookies = new Map<string, string>();
  readonly setCookieHeaders: string[] = [];

  constructor(
    readonly base: string,
    private readonly extraHeaders: Record<string, string> = {}
  ) {}

  async get(path: string): Promise<Page> {
    return this.request(path, { method: 'GET' });
  }

  /** Posts fields as a browser posts a form (CSRF added only when given). */
  async post(path: string, fields: Record<string, string>): Promise<Page> {
    return this.request(path, {
      method: 'POST',
      body: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: this.origin }
    });
  }

  /** Posts a multipart form, as a browser posts a form with a file (`multipart/form-data`, boundary set by fetch). */
  async postMultipart(path: string, form: FormData): Promise<Page> {
    return this.request(path, { method: 'POST', body: form, headers: { origin: this.origin } });
  }

  /** Opens `page`, then submits its form to `action` with the page's CSRF token plus `fields`. */
  async submit(page: string, fields: Record<string, string>, action = ''): Promise<Page> {
    const opened = await this.get(page);
    return this.post(`${page.split('?')[0]}${action}`, { csrf: csrfOf(opened.text), ...fields });
  }

  /** What a browser sends as Origin: the site's public origin (an `origin` header given to the constructor wins). */
  get origin(): string {
    if (this.extraHeaders.origin) return this.extraHeaders.origin;
    return this.extraHeaders['x-forwarded-proto'] === 'https' ? this.base.replace(/^http:/, 'https:') : this.base;
  }

  private async request(
    path: string,
    init: { method: string; body?: string | FormData; headers?: Record<string, string> }
  ): Promise<Page> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(`${this.base}${path}`, {
      method: init.method,
      body: init.body ?? null,
      redirect: 'manual',
      headers: {
        accept: 'text/html,application/xhtml+xml',
        'accept-language': 'en',
        ...this.extraHeaders,
        ...(cookie ? { cookie } : {}),
        ...init.headers
      }
    });
    for (const header of response.headers.getSetCookie()) {
      this.setCookieHeaders.push(header);
      const [pair = ''] = header.split(';');
      const [name = '', ...rest] = pair.split('=');
      const value = rest.join('=');
      if (value === '' || /max-age=0\b|expires=thu, 01 jan 1970/i.test(header)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const location = response.headers.get('location');
    return {
      status: response.status,
      headers: response.headers,
      text: await response.text(),
      location: location?.replace(this.origin, '') ?? null
    };
  }
}

export function csrfOf(html: string): string {
  const match = /name="csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no CSRF field on the page');
  return match[1];
}

/** The path of the first console link in a mail. */
export function consoleLinkIn(mail: CapturedMail): string {
  const match = /https?:\/\/[^/\s]+(\/console\/\S+)/.exec(mail.text);
  if (!match?.[1]) throw new Error(`no console link in: ${mail.text}`);
  return match[1];
}

/** The text of the page's <main>, tags removed, for asserting what a reader sees. */
export function mainText(html: string): string {
  const main = /<main[\s\S]*?<\/main>/.exec(html)?.[0] ?? html;
  return main
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
