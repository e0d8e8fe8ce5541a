import type { AuthChecker } from 'type-graphql';
import { signInRequired } from '../auth/auth-errors';
import type { GraphQLContext } from './context';

/**
 * What `@Authorized()` asks: a signed-in caller. Rights are per unit (Access.can), so no roles are named here;
 * the resolvers and services check them. Throwing keeps the bilingual UNAUTHENTICATED answer (HTTP 401) rather
 * than type-graphql's own "Access denied".
 */
export const signedIn: AuthChecker<GraphQLContext> = ({ context }, roles) => {
  if (roles.length > 0) throw new Error('@Authorized takes no roles: rights are per unit, checked with Access.can');
  if (!context.access.user) throw signInRequired();
  return true;
};
