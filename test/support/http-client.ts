/**
 * A small HTTP client that behaves like a browser towards the api: it keeps cookies and sends the
 * CSRF token with every write.
 */
export class HttpClient {
  private readonly cookies = new Map<string, string>();
  private csrfToken: string | null = null;

  constructor(readonly baseUrl: string) {}

  get(path: string) {
    return this.request('GET', path);
  }

  post(path: string, body?: unknown) {
    return this.request('POST', path, body);
  }

  put(path: string, body?: unknown) {
    return this.request('PUT', path, body);
  }

  patch(path: string, body?: unknown) {
    return this.request('PATCH', path, body);
  }

  delete(path: string, body?: unknown) {
    return this.request('DELETE', path, body);
  }

  /** Sends exactly what it is given: no CSRF token unless in headers, raw body text. */
  async raw(
    method: string,
    path: string,
    init: { headers?: Record<string, string>; body?: string },
  ) {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { cookie: this.cookieHeader(), ...init.headers },
      body: init.body,
    });
    this.remember(response);

    return { status: response.status, headers: response.headers, body: await readBody(response) };
  }

  async ensureCsrf(): Promise<string> {
    if (this.csrfToken) return this.csrfToken;
    const response = await this.request('GET', '/api/auth/csrf');
    this.csrfToken = (response.body as { csrfToken: string }).csrfToken;

    return this.csrfToken;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** A client of its own with the same session, whose cookies may change without touching this one. */
  sharingSession(): HttpClient {
    const copy = new HttpClient(this.baseUrl);
    const session = this.cookies.get('rz_session');
    if (session) copy.cookies.set('rz_session', session);

    return copy;
  }

  forgetCookie(name: string): void {
    this.cookies.delete(name);
  }

  private async request(method: string, path: string, body?: unknown) {
    const headers: Record<string, string> = { cookie: this.cookieHeader() };
    if (method !== 'GET') headers['x-csrf-token'] = await this.ensureCsrf();
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { ...headers, cookie: this.cookieHeader() },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    this.remember(response);

    return { status: response.status, headers: response.headers, body: await readBody(response) };
  }

  private cookieHeader(): string {
    return [...this.cookies]
      .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
      .join('; ');
  }

  private remember(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = decodeURIComponent(pair.slice(index + 1).trim());
      const isExpired = attributes.some((attribute) => /expires=Thu, 01 Jan 1970/i.test(attribute));
      if (isExpired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
