import { webAppManifest } from '../lib/offline/app';

/** The web app manifest (installing the site, see src/lib/offline/app.ts). */
export function GET() {
  return new Response(JSON.stringify(webAppManifest(), null, 2), {
    headers: { 'Content-Type': 'application/manifest+json' },
  });
}
