import { ArgsType, Field, Int } from 'type-graphql';
import { badInput } from '../../../domain/refusal';

/** Most items one page may have: a million rows are read page by page (or as CSV), never in one answer. */
export const MAX_PAGE_SIZE = 500;
/** The page size when neither first nor last is given. */
export const DEFAULT_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page forward: at most this many items from the start, or after the after cursor (0–${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} when neither first nor last is given)` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Only items after this cursor (an endCursor or edge cursor of the same query)' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Page backward: at most this many items from the end, or before the before cursor (0–${MAX_PAGE_SIZE})` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Only items before this cursor (a startCursor or edge cursor of the same query)' })
  before?: string | null;
}

/** How many items to read and from which end. */
export interface PageSize {
  size: number;
  /** Paging with last: read from the end backward, then answer in the list's order. */
  backward: boolean;
}

function checkSize(argument: 'first' | 'last', size: number): void {
  if (size < 0 || size > MAX_PAGE_SIZE) {
    throw badInput(argument, `${argument} phải từ 0 đến ${MAX_PAGE_SIZE} (mỗi trang tối đa ${MAX_PAGE_SIZE} mục), nhận được ${size}`, `${argument} must be between 0 and ${MAX_PAGE_SIZE} (at most ${MAX_PAGE_SIZE} items a page), got ${size}`);
  }
}

export function pageSize(args: PageArgs): PageSize {
  const first = args.first ?? null;
  const last = args.last ?? null;
  if (first !== null && last !== null) throw badInput('last', 'Chỉ dùng first hoặc last, không dùng cả hai', 'Give first or last, not both');
  if (last !== null) {
    checkSize('last', last);
    return { size: last, backward: true };
  }
  if (first !== null) checkSize('first', first);
  return { size: first ?? DEFAULT_PAGE_SIZE, backward: false };
}
