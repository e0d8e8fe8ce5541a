import { AdministrativeUnit } from '../../../server/entities';
import type { TestDatabase } from '../../support/database';
import { type TestApp, useTestApp } from '../../support/graphql';

/** Accounts and roles under parallel requests, and who may grant roles to whom (issue 16, items 9 and 13). */
let db: TestDatabase;
let app: TestApp;

useTestApp((made) => ({ db, app } = made));

const CREATE = `mutation ($login: String!, $unit: ID) { createUser(login: $login, displayName: "Thử", password: "mat-khau-du-dai", role: VIEWER, unitId: $unit) { id } }`;
const unitId = async (key: string) => String((await db.orm.em.fork().findOneOrFail(AdministrativeUnit, { key })).id);
const userId = async (login: string) => (await app.query(`{ users { id login } }`)).data!.users.find((user: any) => user.login === login).id as string;

it('4 parallel national ADMINISTRATOR grants make one role, and removing it leaves no administrator', async () => {
  const created = await app.query(CREATE, { login: 'national.twice' });
  const id = created.data!.createUser.id;
  const grant = `mutation ($id: ID!) { assignRole(userId: $id, role: ADMINISTRATOR) { id } }`;
  const responses = await Promise.all(Array.from({ length: 4 }, () => app.query(grant, { id })));
  responses.forEach((response) => expect(response.errors).toBeUndefined());
  expect(new Set(responses.map((response) => response.data!.assignRole.id)).size).toBe(1);
  await app.query(`mutation ($a: ID!) { removeRole(assignmentId: $a) }`, { a: responses[0].data!.assignRole.id });
  const roles = (await app.query(`{ users { id roles { role } } }`)).data!.users.find((user: any) => user.id === id).roles;
  expect(roles).toEqual([{ role: 'VIEWER' }]);
});

it('4 parallel createUser with one login: one user, three CONFLICT answers', async () => {
  const responses = await Promise.all(Array.from({ length: 4 }, () => app.query(CREATE, { login: 'same.login' })));
  const codes = responses.map((response) => response.errors?.[0].extensions?.code ?? 'OK').sort();
  expect(codes).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'OK']);
});

it('a unit administrator grants roles only to users they can see', async () => {
  const cantho = await unitId('92@2025');
  await app.query(`mutation ($u: ID!) { createUser(login: "cantho.admin", displayName: "Quản trị Cần Thơ", password: "mat-khau-du-dai", role: ADMINISTRATOR, unitId: $u) { id } }`, { u: cantho });
  const unitAdmin = await app.as('cantho.admin');
  const outsider = await userId('hcmc.approver');
  const refused = await unitAdmin(`mutation ($id: ID!, $u: ID!) { assignRole(userId: $id, role: VIEWER, unitId: $u) { id } }`, { id: outsider, u: cantho });
  expect(refused.errors![0].extensions!.code).toBe('NOT_FOUND');
  expect((await unitAdmin(`{ users { login } }`)).data!.users.map((user: any) => user.login)).not.toContain('hcmc.approver');
  const insider = await userId('cantho.viewer');
  const granted = await unitAdmin(`mutation ($id: ID!, $u: ID!) { assignRole(userId: $id, role: EDITOR, unitId: $u) { role } }`, { id: insider, u: cantho });
  expect(granted.errors).toBeUndefined();
  expect(granted.data!.assignRole.role).toBe('EDITOR');
});
