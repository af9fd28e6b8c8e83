import { sampleCsv } from '../../lib/orders/sample';

/** A small, generated order export to try the your-orders page with (the same file every build). */
export function GET() {
  return new Response(sampleCsv(), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
