import type { SiteModel } from './site-model.ts';
import type { PathContext } from './paths.ts';
import { meetingPath, taskPath } from './paths.ts';
import { foldDiacritics, localise } from './text.ts';
import { unitsById } from './site-views.ts';

/** One searchable page, as Pagefind's `addCustomRecord` takes it. */
export interface SearchRecord {
  url: string;
  /** What is searched: the page's words, plus a folded twin of each word with `đ`, so "dak lak" finds "Đắk Lắk". */
  content: string;
  language: string;
  /** What a result shows, as written. */
  meta: { title: string; summary: string; date: string; kind: string };
  filters: Record<string, string[]>;
}

function plainText(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

/**
 * The searchable text. Pagefind folds tone marks itself ("ca mau" finds "Cà Mau") but not `đ`, so
 * each word with `đ` gets a folded twin: "dak lak" then finds "Đắk Lắk", with or without diacritics.
 */
export function searchText(parts: ReadonlyArray<string | undefined>): string {
  const text = parts.filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
  const twins = [...new Set(text.split(' ').filter((word) => /[đĐ]/.test(word)).map(foldDiacritics))];
  return twins.length ? `${text} ${twins.join(' ')}` : text;
}

/** Search records for every meeting translation and every task, in each language. */
export function toSearchRecords(
  model: SiteModel,
  ctx: PathContext,
  bodies: ReadonlyMap<string, string>,
  words: (lang: string) => { meeting: string; task: string; level: (level: string) => string; status: (id: string) => string },
): SearchRecord[] {
  const records: SearchRecord[] = [];
  const units = unitsById(model);
  for (const meeting of model.meetings) {
    for (const lang of meeting.langs) {
      const m = meeting.translations[lang]!;
      const w = words(lang);
      records.push({
        url: meetingPath(ctx, lang, meeting.id),
        content: searchText([
          m.title,
          m.summary,
          m.body,
          m.location,
          m.chair && `${m.chair.name} ${m.chair.role ?? ''}`,
          ...(m.attendees ?? []).map((p) => `${p.name} ${p.role ?? ''}`),
          ...(m.directions ?? []).map((d) => d.text),
          ...(m.tags ?? []),
          plainText(bodies.get(`${meeting.id}.${lang}`) ?? ''),
        ]),
        language: lang,
        meta: { title: m.title, summary: m.summary, date: meeting.day, kind: w.meeting },
        filters: { kind: ['meeting'], level: [w.level(meeting.level)] },
      });
    }
  }
  for (const view of model.tasks) {
    for (const lang of model.site.locales) {
      const L = (text: Parameters<typeof localise>[0]) => localise(text, lang, ctx.defaultLocale);
      const w = words(lang);
      const owner = L(units.get(view.task.owner)?.name);
      records.push({
        url: taskPath(ctx, lang, view.task.id),
        content: searchText([view.task.id, L(view.task.title), L(view.task.notes), owner, ...(view.task.history ?? []).map((h) => L(h.note))]),
        language: lang,
        meta: { title: `${view.task.id}: ${L(view.task.title)}`, summary: `${owner} · ${w.status(view.task.id)}`, date: view.task.deadline ?? '', kind: w.task },
        filters: { kind: ['task'], unit: [owner] },
      });
    }
  }
  return records;
}
