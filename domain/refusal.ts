/**
 * The one way a request is refused: a machine code, the reason in Vietnamese and in English, and details a client
 * can act on (ids, arguments, problems). Services throw it; the GraphQL answer and the file routes' HTTP answers
 * are made from it in one place each (server/graphql/errors.ts, server/http/refusal-status.ts).
 */
export class Refusal extends Error {
  constructor(
    readonly code: string,
    readonly messageVi: string,
    readonly messageEn: string,
    /** Sent beside the messages; `http.status` is read by the transport and never sent. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${messageEn} / ${messageVi}`);
    this.name = 'Refusal';
  }

  /** What a client receives: the code, both messages and the details, without the transport's `http`. */
  get extensions(): Record<string, unknown> {
    const { http: _http, ...details } = this.details;
    return { code: this.code, messageVi: this.messageVi, messageEn: this.messageEn, ...details };
  }

  /** The HTTP status asked for, if any (sign-in required: 401, limits: 400 or 429). */
  get httpStatus(): number | undefined {
    const http = this.details.http as { status?: number } | undefined;
    return http?.status;
  }
}

export function notFound(what: string, whatVi: string, id: string): Refusal {
  return new Refusal('NOT_FOUND', `Không tìm thấy ${whatVi} "${id}"`, `No ${what} "${id}"`, { id });
}

/**
 * NOT_FOUND for an object hidden from callers without the right to read it. An anonymous caller is told that
 * signing in may show it, whether or not the object exists, so the answer still reveals nothing.
 */
export function notReadable(access: { user: unknown }, what: string, whatVi: string, id: string): Refusal {
  if (access.user) return notFound(what, whatVi, id);
  return new Refusal(
    'NOT_FOUND',
    `Không tìm thấy ${whatVi} "${id}" khi chưa đăng nhập: hãy đăng nhập (signIn, rồi gửi header Authorization) nếu bạn có quyền xem`,
    `No ${what} "${id}" without signing in: sign in (signIn, then the Authorization header) if you should see it`,
    { id, signInMayHelp: true },
  );
}

export function badInput(argument: string, messageVi: string, messageEn: string): Refusal {
  return new Refusal('BAD_USER_INPUT', messageVi, messageEn, { argument });
}

/** IDs are positive integers; anything else is reported as missing, not as a server error. */
export function parseId(id: string, what: string, whatVi: string): number {
  if (!/^\d{1,9}$/.test(id)) throw notFound(what, whatVi, id);
  return Number(id);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseDate(value: string, argument: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (!ISO_DATE.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw badInput(argument, `${argument} phải là ngày dạng YYYY-MM-DD, nhận được "${value}"`, `${argument} must be a date YYYY-MM-DD, got "${value}"`);
  }
  return value;
}
