/** Accounts for a whole province at once: users and their roles from a CSV, all or nothing. */
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { parse } from 'csv-parse/sync';
import { randomBytes } from 'node:crypto';
import { reachableUnits } from '../db/unit-reach';
import { AdministrativeUnit, Role, RoleAssignment, User } from '../entities';
import { vietnamToday } from '../../domain/reporting/calendar';
import { Refusal } from '../../domain/refusal';
import type { Access } from './access';
import { forbidden, signInRequired } from './auth-errors';
import { loginFormatProblem, normaliseLogin } from './logins';
import { hashPassword } from './passwords';

export interface UserImportProblem {
  line: number;
  column: string | null;
  code: string;
  messageVi: string;
  messageEn: string;
}

export interface ImportedUser {
  line: number;
  login: string;
  displayName: string;
  unit: AdministrativeUnit;
  role: Role;
  /** Shown once, in the answer of the import that created the account; never on a dry run. */
  password: string | null;
}

export interface UserImportOutcome {
  dryRun: boolean;
  applied: boolean;
  users: ImportedUser[];
  problems: UserImportProblem[];
}

const COLUMNS = { login: 'login', 'display name': 'displayName', 'unit code': 'unitCode', role: 'role' } as const;
type Column = (typeof COLUMNS)[keyof typeof COLUMNS];

interface Line {
  line: number;
  cells: Record<Column, string>;
}

const problem = (line: number, column: string | null, code: string, messageVi: string, messageEn: string): UserImportProblem => ({ line, column, code, messageVi, messageEn });

/** Reads the CSV; the header names the columns in any order ("display name", "displayName", "Display_Name"…). */
function readLines(csv: string, problems: UserImportProblem[]): Line[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv, { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    problems.push(problem(line, null, 'CSV', `Tệp CSV không đọc được: ${(error as Error).message}`, `The CSV cannot be read: ${(error as Error).message}`));
    return [];
  }
  if (records.length === 0) {
    problems.push(problem(1, null, 'EMPTY', 'Tệp CSV không có dòng nào', 'The CSV has no lines'));
    return [];
  }
  const header = records[0].record.map((name) => name.toLowerCase().replace(/[\s_-]+/g, ''));
  const index = new Map<Column, number>();
  for (const [name, column] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, Column][]) {
    const at = header.indexOf(name.replace(' ', ''));
    if (at < 0) problems.push(problem(1, name, 'MISSING_COLUMN', `Thiếu cột "${name}" ở dòng tiêu đề`, `The header has no column "${name}"`));
    else index.set(column, at);
  }
  if (index.size < Object.keys(COLUMNS).length) return [];
  return records.slice(1).map(({ record, info }) => ({
    line: info.lines,
    cells: Object.fromEntries([...index].map(([column, at]) => [column, record[at] ?? ''])) as Record<Column, string>,
  }));
}

/**
 * A unit code names today's unit of that code; a code no unit of today has names its only record, and a key
 * ("954@2010") names that record. A code of several past units is ambiguous: the problem lists their keys.
 */
function resolveUnit(code: string, units: AdministrativeUnit[], on: string): AdministrativeUnit | AdministrativeUnit[] | null {
  const byKey = units.find((unit) => unit.key === code);
  if (byKey) return byKey;
  const records = units.filter((unit) => unit.code === code);
  const current = records.filter((unit) => unit.validFrom <= on && (unit.validTo === null || unit.validTo >= on));
  if (current.length === 1) return current[0];
  if (records.length === 1) return records[0];
  return records.length === 0 ? null : records;
}

/** Units where the caller may not create administrators: their own (and what it was formed from); none for national administrators. */
async function ownAdministeredUnits(em: EntityManager, user: User): Promise<Set<number>> {
  const grants = await em.find(RoleAssignment, { user, role: Role.ADMINISTRATOR });
  if (grants.some((grant) => grant.unit === null)) return new Set();
  const own = await Promise.all(grants.map((grant) => reachableUnits(em, grant.unit!.id, { children: false, predecessors: true })));
  return new Set(own.flat());
}

async function checkLines(em: EntityManager, access: Access, lines: Line[], problems: UserImportProblem[]): Promise<ImportedUser[]> {
  const codes = [...new Set(lines.map((line) => line.cells.unitCode))];
  const units = await em.find(AdministrativeUnit, { $or: [{ code: { $in: codes } }, { key: { $in: codes } }] });
  const own = await ownAdministeredUnits(em, access.user!);
  const logins = lines.map((line) => normaliseLogin(line.cells.login));
  const existing = new Set((await em.find(User, { login: { $in: logins } }, { fields: ['login'] })).map((user) => user.login));
  const firstLine = new Map<string, number>();
  const users: ImportedUser[] = [];
  const on = vietnamToday();
  lines.forEach(({ line, cells }, i) => {
    const login = logins[i];
    const before = problems.length;
    const badLogin = loginFormatProblem(login);
    if (badLogin) problems.push(problem(line, 'login', 'BAD_LOGIN', `${badLogin.vi}: "${cells.login}"`, `${badLogin.en}: "${cells.login}"`));
    else if (firstLine.has(login)) {
      problems.push(problem(line, 'login', 'DUPLICATE_LOGIN', `Tên đăng nhập "${login}" trùng với dòng ${firstLine.get(login)}`, `The login "${login}" repeats line ${firstLine.get(login)}`));
    } else if (existing.has(login)) problems.push(problem(line, 'login', 'LOGIN_TAKEN', `Tên đăng nhập "${login}" đã có`, `The login "${login}" is taken`));
    if (!firstLine.has(login)) firstLine.set(login, line);

    const role = cells.role.toUpperCase() as Role;
    const knownRole = Object.values(Role).includes(role);
    if (!knownRole) {
      problems.push(problem(line, 'role', 'UNKNOWN_ROLE', `Vai trò "${cells.role}" không có (${Object.values(Role).join(', ')})`, `No role "${cells.role}" (${Object.values(Role).join(', ')})`));
    }
    const found = resolveUnit(cells.unitCode, units, on);
    if (found === null) {
      problems.push(problem(line, 'unit code', 'UNKNOWN_UNIT', `Không có đơn vị mã "${cells.unitCode}"`, `No unit has the code "${cells.unitCode}"`));
    } else if (Array.isArray(found)) {
      const keys = found.map((unit) => `${unit.key} (${unit.name}, ${unit.validFrom} – ${unit.validTo ?? '…'})`).join('; ');
      problems.push(problem(line, 'unit code', 'AMBIGUOUS_UNIT', `Mã "${cells.unitCode}" là của nhiều đơn vị đã giải thể; hãy ghi khóa của một đơn vị: ${keys}`, `The code "${cells.unitCode}" belongs to several former units; write the key of one: ${keys}`));
    } else if (!access.can('ADMINISTER', found.id)) {
      problems.push(problem(line, 'unit code', 'OUTSIDE_SCOPE', `${found.name} (${found.key}) nằm ngoài phạm vi bạn quản trị`, `${found.name} (${found.key}) is outside the units you administer`));
    } else if (role === Role.ADMINISTRATOR && own.has(found.id)) {
      problems.push(problem(line, 'role', 'ROLE_ABOVE_OWN', `Chỉ được tạo quản trị viên cho đơn vị cấp dưới, không cho ${found.name} (${found.key}) của chính bạn`, `Administrators can be created only for units below your own, not for ${found.name} (${found.key})`));
    }
    if (problems.length === before && found && !Array.isArray(found) && knownRole) {
      users.push({ line, login, displayName: cells.displayName.trim() || login, unit: found, role, password: null });
    }
  });
  return users;
}

/** 18 random bytes: 24 characters of base64url, well past the 10-character minimum. */
const generatePassword = () => randomBytes(18).toString('base64url');

export async function importUsers(em: EntityManager, access: Access, csv: string, dryRun: boolean): Promise<UserImportOutcome> {
  if (!access.user) throw signInRequired();
  const scope = access.unitsFor('ADMINISTER');
  if (scope !== 'ALL' && scope.length === 0) throw forbidden('tạo người dùng', 'create users');
  const problems: UserImportProblem[] = [];
  const lines = readLines(csv, problems);
  const users = lines.length ? await checkLines(em, access, lines, problems) : [];
  if (dryRun) return { dryRun, applied: false, users, problems };
  if (problems.length) {
    throw new Refusal('USER_IMPORT_REFUSED', `Không tạo người dùng nào: tệp có ${problems.length} lỗi`, `No user was created: the file has ${problems.length} problems`, { problems });
  }
  // Hashing is slow on purpose: done before the transaction, so no lock is held meanwhile.
  for (const user of users) user.password = generatePassword();
  const hashes = await Promise.all(users.map((user) => hashPassword(user.password!)));
  await em
    .transactional(async (tx) => {
      users.forEach((imported, i) => {
        const user = tx.create(User, { login: imported.login, displayName: imported.displayName, passwordHash: hashes[i] });
        tx.create(RoleAssignment, { user, unit: tx.getReference(AdministrativeUnit, imported.unit.id), role: imported.role });
      });
    })
    .catch((error) => {
      // The unique login decides between parallel imports: the later one fails as a whole.
      if (error instanceof UniqueConstraintViolationException) {
        throw new Refusal('CONFLICT', 'Không tạo người dùng nào: có tên đăng nhập vừa được tạo bởi người khác', 'No user was created: some logins were just created by someone else');
      }
      throw error;
    });
  return { dryRun, applied: true, users, problems };
}
