/** Who may import into a plan: an editor of its issuing unit. Shared by the GraphQL and HTTP doors. */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Access } from '../auth/access';
import { forbidden, signInRequired } from '../auth/auth-errors';
import { Plan } from '../entities';
import { notFound, parseId } from '../../domain/refusal';

/** A plan the caller may not read answers like one that does not exist. */
export async function planForImport(em: EntityManager, access: Access, planId: string): Promise<Plan> {
  if (!access.user) throw signInRequired();
  const plan = await em.findOne(Plan, { id: parseId(planId, 'plan', 'kế hoạch') });
  if (!plan || !access.can('READ', plan.issuingUnit.id)) throw notFound('plan', 'kế hoạch', planId);
  if (!access.can('EDIT', plan.issuingUnit.id)) throw forbidden(`tạo bảng trong kế hoạch "${plan.documentNumber}"`, `create tables in plan "${plan.documentNumber}"`);
  return plan;
}
