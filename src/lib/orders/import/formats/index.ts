import type { Platform } from './platform';
import { recogniseShopify } from './shopify';
import { recogniseStripe } from './stripe';
import { recognisePayPal } from './paypal';
import { recogniseSquare } from './square';
import { recogniseWooCommerce } from './woocommerce';
import { recogniseEtsy } from './etsy';

export type { Platform };

/** The platform whose export has this header line, or null (the generic path: columns chosen by hand). */
export function recognisePlatform(headers: readonly string[]): Platform | null {
  return (
    recogniseShopify(headers) ??
    recogniseStripe(headers) ??
    recogniseWooCommerce(headers) ??
    recognisePayPal(headers) ??
    recogniseSquare(headers) ??
    recogniseEtsy(headers)
  );
}
