import type { Refusal } from '../../domain/refusal';

const STATUS_BY_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, IMPORT_REFUSED: 422, BAD_STRUCTURE_CHANGE: 422, TABLE_LOCKED: 409, STALE_VERSION: 409,
};

/** The HTTP status of a refusal answered by a file route: the one it asks for, else by its code, else 400. */
export function httpStatusOf(refusal: Refusal): number {
  return refusal.httpStatus ?? STATUS_BY_CODE[refusal.code] ?? 400;
}
