import { msg } from './messages.ts';

/** Edit distance between two strings (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** The closest candidate to `value`, when it is close enough to be a likely typo. */
export function closestMatch(value: string, candidates: Iterable<string>): string | undefined {
  const needle = value.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(1, Math.floor(needle.length / 3));
  return best !== undefined && bestDistance <= allowed ? best : undefined;
}

/** `; did you mean 'x'?` (in the message language) or nothing. */
export function didYouMean(value: string, candidates: Iterable<string>): string {
  const match = closestMatch(value, candidates);
  return match ? msg('problem.didYouMean', { match }) : '';
}

/** Lower case, without Vietnamese diacritics, spaces and underscores as single hyphens: `Hoàn thành` → `hoan-thanh`. */
export function plainWords(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .trim()
    .replace(/[\s_]+/g, '-');
}

/**
 * What an author writing in Vietnamese means by a word where the format asks for one of its values
 * (statuses, meeting levels, programme scopes), written without diacritics.
 */
const VIETNAMESE_VALUES: Record<string, string> = {
  'hoan-thanh': 'completed',
  'da-hoan-thanh': 'completed',
  'xong': 'completed',
  'da-xong': 'completed',
  'dang-thuc-hien': 'in-progress',
  'dang-trien-khai': 'in-progress',
  'dang-lam': 'in-progress',
  'chua-bat-dau': 'not-started',
  'chua-thuc-hien': 'not-started',
  'chua-trien-khai': 'not-started',
  'huy': 'cancelled',
  'da-huy': 'cancelled',
  'huy-bo': 'cancelled',
  'da-huy-bo': 'cancelled',
  'chua-co-thong-tin': 'unknown',
  'khong-ro': 'unknown',
  'chua-ro': 'unknown',
  // And the English words for them that the format does not use.
  'done': 'completed',
  'finished': 'completed',
  'ongoing': 'in-progress',
  'canceled': 'cancelled',
  'cap-tinh': 'province',
  'tinh': 'province',
  'trung-uong': 'national',
  'toan-quoc': 'national',
  'quoc-gia': 'national',
  'cap-xa': 'commune',
  'xa': 'commune',
  'phuong': 'commune',
  'cap-xa-phuong': 'commune',
};

/**
 * The allowed value an author most likely meant: the value for a Vietnamese word (`hoàn thành`,
 * with or without diacritics, in any case), else the closest value when it is a likely typo.
 */
export function suggestValue(input: string, allowed: readonly string[]): string | undefined {
  const plain = plainWords(input);
  const meant = VIETNAMESE_VALUES[plain];
  if (meant !== undefined && allowed.includes(meant)) return meant;
  const exact = allowed.find((value) => value === plain);
  if (exact !== undefined) return exact;
  return closestMatch(plain, allowed);
}

/**
 * The ISO date for a date written the Vietnamese way, day first: `18/9/2025`, `18-9-2025`,
 * `18.9.2025` → `2025-09-18`; `2025/9/18` → `2025-09-18`. Undefined when it is no real date.
 */
export function suggestIsoDate(input: string): string | undefined {
  const text = input.trim();
  let parts: [number, number, number] | undefined;
  const dayFirst = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(text);
  const yearFirst = /^(\d{4})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})$/.exec(text);
  if (dayFirst) parts = [Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1])];
  else if (yearFirst) parts = [Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3])];
  if (!parts) return undefined;
  const [y, m, d] = parts;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return iso === text ? undefined : iso;
}
