import argon2 from 'argon2';

/** argon2id with the library's defaults (64 MiB, 3 passes): slow on purpose. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return argon2.verify(hash, password);
}

/** Checked against when the login does not exist, so both cases take the same time. */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('decoy password that nobody has');
  return decoy;
}

export function checkPasswordStrength(password: string): { vi: string; en: string } | null {
  if (password.length < 10) return { vi: 'Mật khẩu phải có ít nhất 10 ký tự', en: 'The password must have at least 10 characters' };
  return null;
}
