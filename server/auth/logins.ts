/** Logins are lower case, so "Nam.NV" and "nam.nv" are one account. */
export function normaliseLogin(login: string): string {
  return login.trim().toLowerCase();
}

export function loginFormatProblem(normalised: string): { vi: string; en: string } | null {
  if (/^[a-z0-9._-]{3,60}$/.test(normalised)) return null;
  return { vi: 'Tên đăng nhập gồm 3–60 ký tự a-z, 0-9, dấu chấm, gạch', en: 'A login has 3–60 characters a-z, 0-9, dot, dash, underscore' };
}
