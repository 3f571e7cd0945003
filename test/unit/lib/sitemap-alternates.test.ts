import { describe, expect, it } from 'vitest';
import { sitemapAlternates } from '../../../src/lib/sitemap-alternates.ts';

const offer = (root: string, urls: string[]) => {
  const sitemap = sitemapAlternates(root, 'vi', ['vi', 'en']);
  const kept = urls.filter((url) => sitemap.filter(url));
  return kept.map((url) => sitemap.serialize({ url }));
};

describe(sitemapAlternates, () => {
  it('links each page to itself and its translations, in the order of the locales', () => {
    const S = 'https://example.org/';
    const items = offer(S, [`${S}`, `${S}en/`, `${S}meetings/a/`, `${S}en/meetings/a/`, `${S}meetings/only-vi/`, `${S}en/meetings/only-en/`]);
    const both = (rest: string) => [{ url: `${S}${rest}`, lang: 'vi' }, { url: `${S}en/${rest}`, lang: 'en' }];
    expect(items).toEqual([
      { url: S, links: both('') },
      { url: `${S}en/`, links: both('') },
      { url: `${S}meetings/a/`, links: both('meetings/a/') },
      { url: `${S}en/meetings/a/`, links: both('meetings/a/') },
      { url: `${S}meetings/only-vi/`, links: [{ url: `${S}meetings/only-vi/`, lang: 'vi' }] },
      { url: `${S}en/meetings/only-en/`, links: [{ url: `${S}en/meetings/only-en/`, lang: 'en' }] },
    ]);
  });

  it('leaves out the embeddable pages and keeps a base path', () => {
    const S = 'https://example.org/nq57';
    const items = offer(S, [`${S}/`, `${S}/en/`, `${S}/embed/progress/`, `${S}/en/embed/progress/`, `${S}/entry/`]);
    expect(items.map((i) => i.url)).toEqual([`${S}/`, `${S}/en/`, `${S}/entry/`]);
    expect(items[1]!.links).toEqual([{ url: `${S}/`, lang: 'vi' }, { url: `${S}/en/`, lang: 'en' }]);
    // A path that only begins like a language is the default language's.
    expect(items[2]!.links).toEqual([{ url: `${S}/entry/`, lang: 'vi' }]);
  });
});
