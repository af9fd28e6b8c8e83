import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getCollection } from 'astro:content';
import { articleHref, inReadingOrder } from '../lib/articles/order';
import { SITE } from '../lib/site';

/** The articles as an RSS feed, newest first. */
export async function GET(context: APIContext) {
  const articles = inReadingOrder(await getCollection('articles')).sort(
    (a, b) => b.data.published.getTime() - a.data.published.getTime() || a.data.order - b.data.order,
  );
  return rss({
    title: SITE.name,
    description: SITE.description,
    site: context.site ?? 'https://customerforlife.example',
    items: articles.map((article) => ({
      title: article.data.title,
      description: article.data.description,
      pubDate: article.data.published,
      link: articleHref(article.id),
    })),
    customData: '<language>en</language>',
  });
}
