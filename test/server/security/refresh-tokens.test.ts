import type { TestDatabase } from '../../support/database';
import { type TestApp, useTestApp } from '../../support/graphql';

/** Refresh-token rotation, reuse detection and sign-out (issue 16, item 3), through HTTP. */
let db: TestDatabase;
let app: TestApp;

useTestApp((made) => ({ db, app } = made));

const REFRESH = `mutation ($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;
const ME = `{ me { login } }`;

async function signIn(): Promise<{ accessToken: string; refreshToken: string }> {
  const response = await (await app.as(null))(`mutation { signIn(login: "cantho.viewer", password: "planbridge-local") { accessToken refreshToken } }`);
  return response.data!.signIn;
}

async function status(accessToken: string): Promise<number> {
  return (await (await app.as(null))(ME, {}, { authorization: `Bearer ${accessToken}` })).status;
}

it('10 parallel refreshes with one token: exactly one session comes out, and the reuse revokes it', async () => {
  const session = await signIn();
  const anonymous = await app.as(null);
  const responses = await Promise.all(Array.from({ length: 10 }, () => anonymous(REFRESH, { t: session.refreshToken })));
  const winners = responses.filter((response) => !response.errors).map((response) => response.data!.refreshSession);
  expect(winners).toHaveLength(1);
  responses.filter((response) => response.errors).forEach((response) => expect(response.errors![0].extensions!.code).toBe('UNAUTHENTICATED'));
  expect(await status(winners[0].accessToken)).toBe(401);
  expect((await anonymous(REFRESH, { t: winners[0].refreshToken })).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
});

it('reusing a rotated refresh token revokes the whole family, the newer tokens included', async () => {
  const anonymous = await app.as(null);
  const first = await signIn();
  const second = (await anonymous(REFRESH, { t: first.refreshToken })).data!.refreshSession;
  const third = (await anonymous(REFRESH, { t: second.refreshToken })).data!.refreshSession;
  expect(await status(third.accessToken)).toBe(200);
  const other = await signIn(); // another session of the same user is another family
  expect((await anonymous(REFRESH, { t: first.refreshToken })).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  expect(await status(third.accessToken)).toBe(401);
  expect((await anonymous(REFRESH, { t: third.refreshToken })).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  expect(await status(other.accessToken)).toBe(200);
});

it('signing out revokes the session\'s refresh token too', async () => {
  const anonymous = await app.as(null);
  const session = await signIn();
  expect((await anonymous(`mutation { signOut }`, {}, { authorization: `Bearer ${session.accessToken}` })).data!.signOut).toBe(true);
  expect(await status(session.accessToken)).toBe(401);
  expect((await anonymous(REFRESH, { t: session.refreshToken })).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
});
