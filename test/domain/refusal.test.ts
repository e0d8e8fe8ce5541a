import { badInput, notReadable, parseDate, parseId, Refusal } from '../../domain/refusal';

describe('Refusal', () => {
  it('says both languages in its message and sends its details beside the code, without the transport status', () => {
    const refusal = new Refusal('UNAUTHENTICATED', 'Cần đăng nhập', 'Sign in first', { http: { status: 401 }, id: '7' });
    expect(refusal.message).toBe('Sign in first / Cần đăng nhập');
    expect(refusal.extensions).toEqual({ code: 'UNAUTHENTICATED', messageVi: 'Cần đăng nhập', messageEn: 'Sign in first', id: '7' });
    expect(refusal.httpStatus).toBe(401);
    expect(new Refusal('X', 'vi', 'en').httpStatus).toBeUndefined();
  });

  it('tells an anonymous caller that signing in may help, and a signed-in one only that nothing is there', () => {
    expect(notReadable({ user: null }, 'table', 'bảng', '5').details).toEqual({ id: '5', signInMayHelp: true });
    expect(notReadable({ user: {} }, 'table', 'bảng', '5').extensions).toEqual({ code: 'NOT_FOUND', messageVi: 'Không tìm thấy bảng "5"', messageEn: 'No table "5"', id: '5' });
  });

  it('refuses ids and dates that are not what they claim, as refusals naming the argument', () => {
    expect(parseId('12', 'table', 'bảng')).toBe(12);
    expect(() => parseId('1e3', 'table', 'bảng')).toThrow(Refusal);
    expect(parseDate('2024-02-29', 'deadline')).toBe('2024-02-29');
    let refused: unknown;
    try {
      parseDate('2023-02-29', 'deadline');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(Refusal);
    expect((refused as Refusal).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'deadline' });
  });
});
