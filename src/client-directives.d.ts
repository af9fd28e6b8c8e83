// The site's own client directive (src/integrations/first-use.ts), known to Astro's JSX types.
declare module 'astro' {
  interface AstroClientDirectives {
    'client:firstuse'?: boolean;
  }
}
export {};
