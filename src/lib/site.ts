/** Site-wide facts used by the layout, the navigation and the metadata. */
export const SITE = {
  name: 'Customer for Life',
  tagline: 'A sale happens once. A customer keeps paying you back.',
  description:
    'Why a customer is worth far more than a single sale, taught plainly, with calculators that check it against your own numbers.',
  locale: 'en',
} as const;

/** One entry of the main navigation. */
export interface NavItem {
  readonly href: string;
  readonly label: string;
}

/** The header's links. */
export const NAVIGATION: readonly NavItem[] = [
  { href: '/articles/', label: 'Articles' },
  { href: '/calculators/', label: 'Calculators' },
  { href: '/glossary/', label: 'Glossary' },
  { href: '/search/', label: 'Search' },
];

/** The footer's links: everything in the header, and the rest. */
export const FOOTER_NAVIGATION: readonly NavItem[] = [
  { href: '/', label: 'Home' },
  ...NAVIGATION,
  { href: '/privacy/', label: 'Privacy' },
  { href: '/rss.xml', label: 'RSS feed' },
];

/** True when `href` is the current page or a section that contains it ("/calculators/" contains its calculators). */
export function isCurrentSection(href: string, pathname: string): boolean {
  if (href === '/') return pathname === '/';
  return pathname === href || pathname.startsWith(href);
}
