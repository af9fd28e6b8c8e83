import { describe, expect, it } from 'vitest';
import {
  EMBED_RESIZE_MESSAGE,
  embedListenerSnippet,
  embedPath,
  embedSnippet,
  embedUrl,
  escapeHtml,
  fullCalculatorPath,
  isEmbedResizeMessage,
} from '../../src/lib/embed';

const ORIGIN = 'https://customerforlife.example';

/** The value of attribute `name` in an HTML snippet, with the entities a browser would decode. */
function attribute(html: string, name: string): string | undefined {
  const raw = new RegExp(`\\s${name}="([^"]*)"`).exec(html)?.[1];
  return raw
    ?.replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('embed paths and URLs', () => {
  it('puts each calculator under /embed/ and links back to /calculators/', () => {
    expect(embedPath('sale-vs-customer')).toBe('/embed/sale-vs-customer/');
    expect(embedPath('retention-vs-acquisition')).toBe('/embed/retention-vs-acquisition/');
    expect(fullCalculatorPath('sale-vs-customer')).toBe('/calculators/sale-vs-customer/');
  });

  it('adds the query, with or without its "?", and nothing when it is empty', () => {
    expect(embedUrl(ORIGIN, 'sale-vs-customer', 'aov=100&currency=USD')).toBe(
      `${ORIGIN}/embed/sale-vs-customer/?aov=100&currency=USD`,
    );
    expect(embedUrl(`${ORIGIN}/`, 'sale-vs-customer', '?aov=1')).toBe(
      `${ORIGIN}/embed/sale-vs-customer/?aov=1`,
    );
    expect(embedUrl(ORIGIN, 'retention-vs-acquisition', '')).toBe(
      `${ORIGIN}/embed/retention-vs-acquisition/`,
    );
  });
});

describe('escapeHtml', () => {
  it('escapes the characters that could end an attribute or start a tag', () => {
    expect(escapeHtml(`a & "b" <c> 'd'`)).toBe('a &amp; &quot;b&quot; &lt;c&gt; &#39;d&#39;');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

describe('embedSnippet', () => {
  const snippet = embedSnippet(ORIGIN, 'sale-vs-customer', 'aov=100&margin=40', 'Sale vs Customer');

  it('is one iframe with the expected attributes', () => {
    expect(snippet).toMatch(/^<iframe\s[\s\S]*><\/iframe>$/);
    expect(snippet.match(/<iframe/g)).toHaveLength(1);
    expect(attribute(snippet, 'src')).toBe(`${ORIGIN}/embed/sale-vs-customer/?aov=100&margin=40`);
    expect(attribute(snippet, 'title')).toBe('Sale vs Customer');
    expect(attribute(snippet, 'width')).toBe('100%');
    expect(attribute(snippet, 'height')).toBe('900');
    expect(attribute(snippet, 'loading')).toBe('lazy');
    expect(attribute(snippet, 'referrerpolicy')).toBe('no-referrer');
    expect(snippet).not.toMatch(/\sstyle=/);
  });

  it('escapes & in the query as &amp;', () => {
    expect(snippet).toContain('?aov=100&amp;margin=40"');
    expect(snippet).not.toMatch(/&margin/);
  });

  it('escapes ", < and & in the title and the query so neither can break out of its attribute', () => {
    const hostile = embedSnippet(
      ORIGIN,
      'retention-vs-acquisition',
      'x="><script>alert(1)</script>&y=1',
      'Tom & Jerry "quoted" <b>bold</b>',
    );
    expect(hostile).not.toContain('<script');
    expect(hostile).not.toContain('<b>');
    expect(hostile).toContain('title="Tom &amp; Jerry &quot;quoted&quot; &lt;b&gt;bold&lt;/b&gt;"');
    expect(attribute(hostile, 'title')).toBe('Tom & Jerry "quoted" <b>bold</b>');
    expect(attribute(hostile, 'src')).toBe(
      `${ORIGIN}/embed/retention-vs-acquisition/?x="><script>alert(1)</script>&y=1`,
    );
    // Every attribute value is one quoted string: no stray quote anywhere.
    for (const line of hostile.split('\n').slice(1, -1)) expect(line).toMatch(/^ {2}[a-z]+="[^"]*"$/);
  });
});

describe('embedListenerSnippet', () => {
  const listener = embedListenerSnippet(ORIGIN);

  it('checks the origin and the message type before touching any iframe', () => {
    expect(listener).toContain(`event.origin !== '${ORIGIN}'`);
    expect(listener).toContain(`data.type !== '${EMBED_RESIZE_MESSAGE}'`);
    expect(listener.indexOf('event.origin')).toBeLessThan(listener.indexOf('iframe'));
    expect(listener).toContain('contentWindow === event.source');
  });

  it('is a script element whose origin literal cannot end it early', () => {
    expect(listener).toMatch(/^<script>[\s\S]*<\/script>$/);
    const odd = embedListenerSnippet("https://x.example/</script><b>'\\");
    expect(odd.match(/<\/script>/g)).toHaveLength(1);
    expect(odd).toContain("event.origin !== 'https://x.example/\\u003c/script>\\u003cb>\\'\\\\'");
  });

  it('resizes the iframe that sent the message, and only it', () => {
    const source = {};
    const frames = [fakeFrame({}), fakeFrame(source)];
    const handle = install(listener, frames);

    handle({ origin: 'https://evil.example', source, data: { type: EMBED_RESIZE_MESSAGE, height: 10 } });
    handle({ origin: ORIGIN, source, data: { type: 'other', height: 10 } });
    handle({ origin: ORIGIN, source, data: { type: EMBED_RESIZE_MESSAGE, height: 'tall' } });
    handle({ origin: ORIGIN, source, data: null });
    expect(frames.map((f) => f.style.height)).toEqual(['', '']);

    handle({ origin: ORIGIN, source, data: { type: EMBED_RESIZE_MESSAGE, height: 1234.2, path: '/' } });
    expect(frames.map((f) => f.style.height)).toEqual(['', '1235px']);
  });

  it('compares against the exact origin even when it holds quotes or backslashes', () => {
    const odd = "https://x.example/'\\";
    const source = {};
    const frames = [fakeFrame(source)];
    const handle = install(embedListenerSnippet(odd), frames);
    handle({ origin: 'https://x.example', source, data: { type: EMBED_RESIZE_MESSAGE, height: 10 } });
    expect(frames[0]?.style.height).toBe('');
    handle({ origin: odd, source, data: { type: EMBED_RESIZE_MESSAGE, height: 10 } });
    expect(frames[0]?.style.height).toBe('10px');
  });
});

type FakeFrame = { contentWindow: object; style: { height: string } };

function fakeFrame(contentWindow: object): FakeFrame {
  return { contentWindow, style: { height: '' } };
}

/** Runs the listener snippet against a stand-in window and document; returns its message handler. */
function install(snippet: string, frames: FakeFrame[]): (event: unknown) => void {
  let handler: ((event: unknown) => void) | undefined;
  const window = {
    addEventListener: (type: string, listen: (event: unknown) => void) => {
      if (type === 'message') handler = listen;
    },
  };
  const document = { getElementsByTagName: () => frames };
  const body = snippet.replace(/^<script>/, '').replace(/<\/script>$/, '');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call -- runs the snippet under test
  new Function('window', 'document', body)(window, document);
  if (!handler) throw new Error('the snippet added no message listener');
  return handler;
}

describe('isEmbedResizeMessage', () => {
  it('accepts the message the embed page posts and nothing else', () => {
    expect(
      isEmbedResizeMessage({ type: EMBED_RESIZE_MESSAGE, height: 812, path: '/embed/sale-vs-customer/' }),
    ).toBe(true);
    expect(isEmbedResizeMessage(null)).toBe(false);
    expect(isEmbedResizeMessage({ type: 'other', height: 812, path: '/' })).toBe(false);
    expect(isEmbedResizeMessage({ type: EMBED_RESIZE_MESSAGE, height: Number.NaN, path: '/' })).toBe(false);
    expect(isEmbedResizeMessage({ type: EMBED_RESIZE_MESSAGE, height: 812 })).toBe(false);
  });
});
