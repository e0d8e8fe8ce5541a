import type { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword } from '../auth/passwords';
import { AdministrativeUnit, Role, RoleAssignment, User } from '../entities';

/** For local use only (README): never created in production unless PLANBRIDGE_SEED_USERS=true. */
export const SEED_PASSWORD = 'planbridge-local';

export const seedUserList: { login: string; displayName: string; role: Role; unitKey: string | null }[] = [
  { login: 'admin', displayName: 'Quản trị hệ thống', role: Role.ADMINISTRATOR, unitKey: null },
  { login: 'ministry.approver', displayName: 'Bộ LĐ-TB&XH – duyệt', role: Role.APPROVER, unitKey: null },
  { login: 'cantho.editor', displayName: 'Sở LĐ-TB&XH Cần Thơ – nhập liệu', role: Role.EDITOR, unitKey: '92@2025' },
  { login: 'cantho.approver', displayName: 'Sở LĐ-TB&XH Cần Thơ – duyệt', role: Role.APPROVER, unitKey: '92@2025' },
  { login: 'cantho.viewer', displayName: 'Cần Thơ – xem', role: Role.VIEWER, unitKey: '92@2025' },
  { login: 'camau.approver', displayName: 'Sở LĐ-TB&XH Cà Mau – duyệt', role: Role.APPROVER, unitKey: '96@2025' },
  { login: 'baclieu-city.editor', displayName: 'Phòng LĐ-TB&XH TP. Bạc Liêu – nhập liệu', role: Role.EDITOR, unitKey: '954@2010' },
  { login: 'caobang.editor', displayName: 'Sở LĐ-TB&XH Cao Bằng – nhập liệu', role: Role.EDITOR, unitKey: '04@1978' },
  { login: 'hcmc.approver', displayName: 'Sở LĐ-TB&XH TP. Hồ Chí Minh – duyệt', role: Role.APPROVER, unitKey: '79@2025' },
  { login: 'cangio.editor', displayName: 'Phòng LĐ-TB&XH Cần Giờ – nhập liệu', role: Role.EDITOR, unitKey: '787@1991' },
];

/** Creates the documented local users once, when the database has no user at all. */
export async function seedUsersIfNone(em: EntityManager): Promise<boolean> {
  if ((await em.count(User, {})) > 0) return false;
  const passwordHash = await hashPassword(SEED_PASSWORD);
  for (const seed of seedUserList) {
    const user = em.create(User, { login: seed.login, displayName: seed.displayName, passwordHash });
    const unit = seed.unitKey ? await em.findOneOrFail(AdministrativeUnit, { key: seed.unitKey }) : null;
    em.create(RoleAssignment, { user, unit, role: seed.role });
  }
  await em.flush();
  return true;
}
