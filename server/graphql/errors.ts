import { GraphQLError } from 'graphql';

/** Errors a client can act on: bilingual message, machine code, never a stack trace. */
export function userError(code: string, messageVi: string, messageEn: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(`${messageEn} / ${messageVi}`, { extensions: { code, messageVi, messageEn, ...extra } });
}

export function notFound(what: string, whatVi: string, id: string): GraphQLError {
  return userError('NOT_FOUND', `Không tìm thấy ${whatVi} "${id}"`, `No ${what} "${id}"`, { id });
}

/**
 * NOT_FOUND for an object hidden from callers without the right to read it. An anonymous caller is told that
 * signing in may show it, whether or not the object exists, so the answer still reveals nothing.
 */
export function notReadable(access: { user: unknown }, what: string, whatVi: string, id: string): GraphQLError {
  if (access.user) return notFound(what, whatVi, id);
  return userError(
    'NOT_FOUND',
    `Không tìm thấy ${whatVi} "${id}" khi chưa đăng nhập: hãy đăng nhập (signIn, rồi gửi header Authorization) nếu bạn có quyền xem`,
    `No ${what} "${id}" without signing in: sign in (signIn, then the Authorization header) if you should see it`,
    { id, signInMayHelp: true },
  );
}

export function badInput(argument: string, messageVi: string, messageEn: string): GraphQLError {
  return userError('BAD_USER_INPUT', messageVi, messageEn, { argument });
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
