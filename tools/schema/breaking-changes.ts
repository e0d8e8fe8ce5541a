import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';

/** The backticked names in the "## Unreleased" section of docs/api-changelog.md: the breaking changes announced since the last release. */
export function announcedChanges(changelog: string): Set<string> {
  const section = changelog.split(/^## /m).find((part) => /^Unreleased\b/.test(part)) ?? '';
  return new Set([...section.matchAll(/`([^`]+)`/g)].map((match) => match[1]));
}

/**
 * Breaking changes from the released schema to the current one (graphql-inspector's diff) that the changelog
 * does not announce. A change is announced when its path (e.g. `Query.units`, `IndicatorValue.quote`), or the
 * field or type it belongs to, is named in backticks under "## Unreleased".
 */
export async function unannouncedBreakingChanges(releasedSdl: string, currentSdl: string, changelog: string): Promise<Change[]> {
  const announced = announcedChanges(changelog);
  const changes = await diff(buildSchema(releasedSdl), buildSchema(currentSdl));
  return changes.filter((change) => {
    if (change.criticality.level !== CriticalityLevel.Breaking) return false;
    const parts = (change.path ?? '').split('.');
    return !parts.some((_part, index) => announced.has(parts.slice(0, index + 1).join('.')));
  });
}
