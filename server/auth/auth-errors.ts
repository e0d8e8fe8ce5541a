import { Refusal } from '../../domain/refusal';

/** Refusals of sign-in and tokens. One message for every bad token, so nothing is learnt by probing. */
export const unauthenticated = () =>
  new Refusal('UNAUTHENTICATED', 'Mã truy cập không hợp lệ, đã hết hạn hoặc đã bị thu hồi; hãy đăng nhập lại', 'The access token is invalid, expired or revoked; sign in again', {
    http: { status: 401 },
  });

export const signInRequired = () => new Refusal('UNAUTHENTICATED', 'Cần đăng nhập', 'Sign in first', { http: { status: 401 } });

export const invalidCredentials = () => new Refusal('INVALID_CREDENTIALS', 'Sai tên đăng nhập hoặc mật khẩu', 'Wrong login or password');

export const accountLocked = (until: Date) =>
  new Refusal(
    'ACCOUNT_LOCKED',
    `Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần; thử lại sau ${until.toISOString()}`,
    `The account is locked after repeated wrong passwords; try again after ${until.toISOString()}`,
    { retryAfterSeconds: Math.ceil((until.getTime() - Date.now()) / 1000) },
  );

export const forbidden = (whatVi: string, whatEn: string) => new Refusal('FORBIDDEN', `Bạn không có quyền ${whatVi}`, `You are not allowed to ${whatEn}`);
