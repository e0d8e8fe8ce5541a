import type { EntityManager } from '@mikro-orm/postgresql';
import { reachableUnits } from '../db/unit-reach';
import { Role, RoleAssignment, type User } from '../entities';

export type Capability = 'READ' | 'EDIT' | 'APPROVE' | 'ADMINISTER';

/**
 * What each role may do, and where: COVERED is the role's unit with everything below it and
 * everything it was formed from; OWN the unit itself and what it was formed from (province staff
 * do not overwrite a district's figures); BELOW is COVERED without OWN (approval goes upward).
 */
const SCOPES: Record<Role, Partial<Record<Capability, 'COVERED' | 'OWN' | 'BELOW'>>> = {
  [Role.VIEWER]: { READ: 'COVERED' },
  [Role.EDITOR]: { READ: 'COVERED', EDIT: 'OWN' },
  [Role.APPROVER]: { READ: 'COVERED', APPROVE: 'BELOW' },
  [Role.ADMINISTRATOR]: { READ: 'COVERED', EDIT: 'COVERED', APPROVE: 'BELOW', ADMINISTER: 'COVERED' },
};

type UnitSet = Set<number> | 'ALL';

/** A signed-in user's rights, resolved once per request. Anonymous has none. */
export class Access {
  private constructor(
    readonly user: User | null,
    private readonly units: Record<Capability, UnitSet>,
  ) {}

  static anonymous(): Access {
    return new Access(null, { READ: new Set(), EDIT: new Set(), APPROVE: new Set(), ADMINISTER: new Set() });
  }

  static async load(em: EntityManager, user: User): Promise<Access> {
    const units: Record<Capability, UnitSet> = { READ: new Set(), EDIT: new Set(), APPROVE: new Set(), ADMINISTER: new Set() };
    const grants = await em.find(RoleAssignment, { user });
    for (const grant of grants) {
      const scopes = SCOPES[grant.role];
      let covered: number[] | null = null;
      let own: number[] | null = null;
      if (grant.unit) {
        covered = await reachableUnits(em, grant.unit.id, { children: true, predecessors: true });
        own = await reachableUnits(em, grant.unit.id, { children: false, predecessors: true });
      }
      for (const [capability, scope] of Object.entries(scopes) as [Capability, 'COVERED' | 'OWN' | 'BELOW'][]) {
        if (units[capability] === 'ALL') continue;
        if (!covered || !own) {
          units[capability] = 'ALL'; // a role without a unit is national
          continue;
        }
        const ownSet = new Set(own);
        const ids = scope === 'COVERED' ? covered : scope === 'OWN' ? own : covered.filter((id) => !ownSet.has(id));
        for (const id of ids) (units[capability] as Set<number>).add(id);
      }
    }
    return new Access(user, units);
  }

  can(capability: Capability, unitId: number): boolean {
    const set = this.units[capability];
    return set === 'ALL' || set.has(unitId);
  }

  /** Unit ids a capability reaches, for filtering lists in SQL; 'ALL' for national roles. */
  unitsFor(capability: Capability): number[] | 'ALL' {
    const set = this.units[capability];
    return set === 'ALL' ? 'ALL' : [...set];
  }
}
