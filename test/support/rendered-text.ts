/**
 * Reads a page's rendered text as a reader does and finds what reads wrong: words run together across an
 * inline element (a line break the HTML compressor dropped), a word run into a figure or a currency sign,
 * template characters left in the output, and values a script failed to compute.
 *
 * Pure: it takes the page as a small tree (see {@link RenderedNode}; test/browser/text.spec.ts reads it from
 * the DOM with the browser's computed styles) so the rules can be unit-tested without a browser.
 */

/** Text as it stands in the DOM (whitespace not yet collapsed), or an element. */
export type RenderedNode = string | RenderedElement;

export interface RenderedElement {
  /** The element's local name: "p", "a", "math", … */
  tag: string;
  /** True when the element starts a line of its own (block, list item, table cell, flex item, <br>…). */
  block: boolean;
  children: RenderedNode[];
}

export interface TextDefect {
  /** Which rule it breaks, in words. */
  rule: string;
  /** The text around the defect, as a reader sees it. */
  context: string;
}

/** One character of a line of text, with what it sits inside. */
interface Char {
  ch: string;
  /** Inside <code>, <pre>, <kbd> or <samp>: literal text, where commas and braces are legitimate. */
  code: boolean;
  /** Inside <math>: formula notation, spaced by the renderer rather than by the text. */
  math: boolean;
  /** Inside <sub> or <sup>: attached to what comes before, so not part of the word rules. */
  script: boolean;
}

/** A line of text (the content of one block) and the positions of the inline-element edges in it. */
interface Line {
  chars: Char[];
  /** Index i means "an inline element starts or ends between chars[i − 1] and chars[i]". */
  edges: Set<number>;
  /** Indexes at which a <sub> or <sup> starts. */
  scriptStarts: Set<number>;
}

const LITERAL_TAGS = new Set(['code', 'pre', 'kbd', 'samp']);
/** Sub- and superscripts attach to what comes before them (c₀, 0.5455¹⁰): their edges are not word breaks. */
const SCRIPT_TAGS = new Set(['sub', 'sup']);

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;
const CURRENCY = /\p{Sc}/u;
// CSS's white space: a no-break space is not one, and `white-space: normal` keeps it as it is.
const SPACE = /[ \t\n\r\f]/u;

/** Splits the tree into lines of text, one per block, whitespace collapsed as `white-space: normal` does. */
export function renderedLines(nodes: RenderedNode[]): Line[] {
  const lines: Line[] = [];
  let line: Line = { chars: [], edges: new Set(), scriptStarts: new Set() };
  const endLine = () => {
    if (line.chars.some((c) => !SPACE.test(c.ch))) lines.push(trimLine(line));
    line = { chars: [], edges: new Set(), scriptStarts: new Set() };
  };
  const pushText = (text: string, code: boolean, math: boolean, script: boolean) => {
    for (const ch of text) {
      const space = SPACE.test(ch);
      // Collapse every run of whitespace to one space (a single space is kept across element edges too).
      if (space && line.chars.length > 0 && SPACE.test(line.chars[line.chars.length - 1]!.ch)) continue;
      line.chars.push({ ch: space ? ' ' : ch, code, math, script });
    }
  };
  const walk = (node: RenderedNode, code: boolean, math: boolean, script: boolean) => {
    if (typeof node === 'string') return pushText(node, code, math, script);
    if (node.block) endLine();
    const isScript = SCRIPT_TAGS.has(node.tag);
    const isEdge = !node.block && !isScript && !math;
    if (isEdge) line.edges.add(line.chars.length);
    if (isScript && !math) line.scriptStarts.add(line.chars.length);
    const innerCode = code || LITERAL_TAGS.has(node.tag);
    const innerMath = math || node.tag === 'math';
    for (const child of node.children) walk(child, innerCode, innerMath, script || isScript);
    if (isEdge) line.edges.add(line.chars.length);
    if (node.block) endLine();
  };
  for (const node of nodes) walk(node, false, false, false);
  endLine();
  return lines;
}

/** Drops leading and trailing spaces, shifting the edge positions to match. */
function trimLine(line: Line): Line {
  let start = 0;
  let end = line.chars.length;
  while (start < end && line.chars[start]!.ch === ' ') start++;
  while (end > start && line.chars[end - 1]!.ch === ' ') end--;
  const shift = (set: Set<number>) =>
    new Set([...set].filter((i) => i > start && i < end).map((i) => i - start));
  return {
    chars: line.chars.slice(start, end),
    edges: shift(line.edges),
    scriptStarts: shift(line.scriptStarts),
  };
}

/** Is the character at the end of a word or figure, so that a letter or figure must not follow it directly? */
function endsWordOrFigure(ch: string): boolean {
  return LETTER.test(ch) || DIGIT.test(ch) || ch === '%' || ch === '”' || ch === ')';
}

/** What may not touch the end of a word or figure across an element edge. */
function startsWordOrFigure(ch: string): boolean {
  return LETTER.test(ch) || DIGIT.test(ch) || CURRENCY.test(ch) || ch === '“';
}

/** The rules read on the text itself, outside code and math. Each pattern's match is the defect. */
const TEXT_RULES: { rule: string; pattern: RegExp }[] = [
  // "gives$96.00". Intl writes some currencies with capital letters before the sign ("CA$", "A$"), so only
  // a lower-case letter counts.
  { rule: 'word run into a currency sign', pattern: /\p{Ll}\p{Sc}/gu },
  // "a10-year": a lower-case word run into a figure. Figures may be followed by ordinals and by letters
  // ("10th", "5m"), and capitals with figures are names ("B2B", "Q1"), so only this order is a defect.
  { rule: 'word run into a figure', pattern: /(?<![\p{L}\p{Nd}])\p{Ll}+\p{Nd}/gu },
  { rule: 'no space after a comma or semicolon', pattern: /[,;][\p{L}“]/gu },
  // "CLV:CAC" is a ratio of two names; a colon followed by a lower-case word is text run together.
  { rule: 'no space after a colon', pattern: /:[\p{Ll}\p{Sc}“]|\p{Ll}:\p{Lu}/gu },
  { rule: 'no space after a closing quote', pattern: /”[\p{L}\p{Nd}]/gu },
  // "$96.00 ." : Prettier, reading Astro with JSX whitespace rules, may move a full stop to a line of its own.
  { rule: 'space before punctuation', pattern: / [.,;:!?)]/gu },
  // "× 4 =$210.71", "÷ 1.1 ≈0.5455": spaced before, not after. (A minus sign is left out: "−5 %" is a figure.)
  { rule: 'operator spaced on one side only', pattern: / [=≈×÷][^\s.,;:)]/gu },
  // "25 %" with a plain space may break into "25" and "% to 95 %" on the next line (src/lib/typography.ts).
  { rule: 'a per cent sign a line can part from its number', pattern: /\p{Nd} %/gu },
];

/** Read everywhere except code, math included: nothing of a template or a failed computation may show. */
const LEFTOVER_RULES: { rule: string; pattern: RegExp }[] = [
  // A whole `{…}` or `${…}` is one defect; a lone brace is one too.
  { rule: 'template characters', pattern: /\$?\{[^{}]*\}|\$\{|[{}]/gu },
  { rule: 'a value that failed to compute', pattern: /\bNaN\b|\bundefined\b|\[object\b|\bInfinity\b/gu },
];

const CONTEXT = 30;

function contextAt(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - CONTEXT), start);
  const after = text.slice(end, end + CONTEXT);
  return `${start > CONTEXT ? '…' : ''}${before}[${text.slice(start, end)}]${after}${end + CONTEXT < text.length ? '…' : ''}`;
}

/** Every defect in the page's text, in reading order. */
export function findTextDefects(nodes: RenderedNode[]): TextDefect[] {
  const defects: TextDefect[] = [];
  for (const line of renderedLines(nodes)) {
    const text = line.chars.map((c) => c.ch).join('');
    // Characters already reported, so one run-in is not reported again by a text rule.
    const reported = new Set<number>();
    const report = (rule: string, start: number, end: number) => {
      for (let i = start; i < end; i++) if (reported.has(i)) return;
      defects.push({ rule, context: contextAt(text, start, end) });
    };

    // Words run together across an element edge: "or" + <a>with</a>, "multiple”," + <math>.
    for (const i of [...line.edges].sort((a, b) => a - b)) {
      const before = line.chars[i - 1]!;
      const after = line.chars[i]!;
      // Inside code both sides are literal; next to a script the script attaches ("<var>c</var><sub>0</sub>").
      if ((before.code && after.code) || before.script || after.script) continue;
      const runIn =
        (endsWordOrFigure(before.ch) && startsWordOrFigure(after.ch)) ||
        (/[,;:.!?]/u.test(before.ch) &&
          startsWordOrFigure(after.ch) &&
          !(before.ch === '.' && DIGIT.test(after.ch)));
      if (runIn) {
        report('words run together at an inline element', i - 1, i + 1);
        reported.add(i - 1).add(i);
      }
    }

    // "c ₀": a space the compressor kept before a subscript or superscript detaches it.
    for (const i of line.scriptStarts) {
      if (line.chars[i - 1]?.ch === ' ') report('space before a subscript or superscript', i - 1, i + 1);
    }

    // Rules on the words themselves: blank out code and math so they neither match nor join across.
    const prose = line.chars.map((c) => (c.code || c.math || c.script ? '\u0000' : c.ch)).join('');
    for (const { rule, pattern } of TEXT_RULES) {
      for (const match of prose.matchAll(pattern)) report(rule, match.index, match.index + match[0].length);
    }
    const notCode = line.chars.map((c) => (c.code ? '\u0000' : c.ch)).join('');
    for (const { rule, pattern } of LEFTOVER_RULES) {
      for (const match of notCode.matchAll(pattern)) report(rule, match.index, match.index + match[0].length);
    }
  }
  return defects;
}
