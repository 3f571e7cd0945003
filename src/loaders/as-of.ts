import type { Site } from '../schemas/index.ts';
import { dateFromEpochSeconds, isIsoDate } from '../lib/dates.ts';

/**
 * The date every derived state is computed as of: site.yaml `as_of`, else `SOURCE_DATE_EPOCH`,
 * else the date of `now` in the site's timezone. `AS_OF` passes the build script's choice on to Astro.
 */
export function resolveAsOf(site: Pick<Site, 'as_of'>, env: Record<string, string | undefined>, now: Date): string {
  if (site.as_of) return site.as_of;
  if (env.AS_OF && isIsoDate(env.AS_OF)) return env.AS_OF;
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return dateFromEpochSeconds(Number(epoch));
  return dateFromEpochSeconds(Math.floor(now.getTime() / 1000));
}
