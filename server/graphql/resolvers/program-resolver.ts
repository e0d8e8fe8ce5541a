import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { FundingSource, Program, ProgramComponent, ProgramPhase, SupportPolicy } from '../../entities';
import type { GraphQLContext } from '../context';

@Resolver(() => Program)
export class ProgramResolver {
  @Query(() => [Program], { description: 'The national target programs with their phases' })
  programs(@Ctx() { em }: GraphQLContext): Promise<Program[]> {
    return em.find(Program, {}, { orderBy: { key: 'asc' } });
  }

  @FieldResolver(() => [ProgramPhase], { description: 'Phases of the program, earliest first' })
  phases(@Root() program: Program, @Ctx() { loaders }: GraphQLContext): Promise<ProgramPhase[]> {
    return loaders.byParent(ProgramPhase, 'program', 'startsOn').load(program.id);
  }

  @Query(() => [FundingSource], { description: 'Every funding source (nguồn vốn) tables may break money down by' })
  fundingSources(@Ctx() { em }: GraphQLContext): Promise<FundingSource[]> {
    return em.find(FundingSource, {}, { orderBy: { id: 'asc' } });
  }

  @Query(() => [SupportPolicy], { description: 'Every support policy (chính sách trợ giúp) plans list beside the component projects' })
  supportPolicies(@Ctx() { em }: GraphQLContext): Promise<SupportPolicy[]> {
    return em.find(SupportPolicy, {}, { orderBy: { id: 'asc' } });
  }
}

@Resolver(() => ProgramPhase)
export class ProgramPhaseResolver {
  @FieldResolver(() => Program, { description: 'The program of the phase' })
  async program(@Root() phase: ProgramPhase, @Ctx() { loaders }: GraphQLContext): Promise<Program> {
    return (await loaders.byId(Program).load(phase.program.id))!;
  }

  @FieldResolver(() => [ProgramComponent], { description: 'Component projects (Dự án) or, with all: true, sub-projects too' })
  async components(
    @Root() phase: ProgramPhase,
    @Ctx() { loaders }: GraphQLContext,
    @Arg('all', { description: 'Also the sub-projects (Tiểu dự án), not only the component projects', defaultValue: false }) all: boolean,
  ): Promise<ProgramComponent[]> {
    const components = await loaders.byParent(ProgramComponent, 'phase', 'id').load(phase.id);
    return all ? components : components.filter((component) => component.parent === null);
  }
}

@Resolver(() => ProgramComponent)
export class ProgramComponentResolver {
  @FieldResolver(() => ProgramComponent, { description: 'The component project a sub-project belongs to; empty for a component project', nullable: true })
  parent(@Root() component: ProgramComponent, @Ctx() { loaders }: GraphQLContext): Promise<ProgramComponent | null> | null {
    return component.parent ? loaders.byId(ProgramComponent).load(component.parent.id) : null;
  }

  @FieldResolver(() => [ProgramComponent], { description: 'Sub-projects (Tiểu dự án)' })
  children(@Root() component: ProgramComponent, @Ctx() { loaders }: GraphQLContext): Promise<ProgramComponent[]> {
    return loaders.byParent(ProgramComponent, 'parent', 'id').load(component.id);
  }
}
