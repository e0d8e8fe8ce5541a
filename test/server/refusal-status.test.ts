import { badInput, Refusal } from '../../domain/refusal';
import { httpStatusOf } from '../../server/http/refusal-status';

describe('the file routes’ HTTP status of a refusal', () => {
  it('is the one the refusal asks for, else the one of its code, else 400', () => {
    expect(httpStatusOf(new Refusal('RATE_LIMITED', 'vi', 'en', { http: { status: 429 } }))).toBe(429);
    expect(httpStatusOf(new Refusal('NOT_FOUND', 'vi', 'en'))).toBe(404);
    expect(httpStatusOf(new Refusal('TABLE_LOCKED', 'vi', 'en'))).toBe(409);
    expect(httpStatusOf(badInput('x', 'vi', 'en'))).toBe(400);
  });
});
