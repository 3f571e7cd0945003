import type { Site } from '../schemas/index.ts';
import { dateFromEpochSeconds } from '../lib/dates.ts';

/**
 * The date every derived state is computed as of: site.yaml `as_of`, else `SOURCE_DATE_EPOCH`,
 * else the date of `now` in the site's timezone. Worked out once per build, by src/data/content.ts,
 * whose model every page, data file and search record is made from.
 */
export function resolveAsOf(site: Pick<Site, 'as_of'>, env: Record<string, string | undefined>, now: Date): string {
  if (site.as_of) return site.as_of;
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return dateFromEpochSeconds(Number(epoch));
  return dateFromEpochSeconds(Math.floor(now.getTime() / 1000));
}
