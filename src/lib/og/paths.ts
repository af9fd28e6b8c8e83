/**
 * Where a page's link-preview image is: each calculator and article has its own, made at build time by
 * src/pages/og/[...slug].png.ts; every other page uses the site's.
 */

/** The slug of the site-wide image, /og/site.png. */
export const SITE_OG_SLUG = 'site';

const OWN_IMAGE = /^\/(calculators|articles)\/([^/]+)\/?(?:index\.html)?$/;

/** The image's slug (its path under /og/, without ".png") for a page path: "calculators/sale-vs-customer". */
export function ogImageSlug(pathname: string): string {
  const match = OWN_IMAGE.exec(pathname);
  return match ? `${match[1]}/${match[2]}` : SITE_OG_SLUG;
}

/** The path of a page's preview image: "/calculators/sale-vs-customer/" → "/og/calculators/sale-vs-customer.png". */
export function ogImagePath(pathname: string): string {
  return `/og/${ogImageSlug(pathname)}.png`;
}
