import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { DatelineError } from '../../shared/errors';
import type { ImportSourceBlock } from '../../shared/import/contract';
import type { Block, BlockHint } from './blocks';
import { firstDate } from './dates';
import type { PageMeta } from './extract';
import { CONTACT_LABEL_RE } from './lexicon';
import { textDirection } from '../../shared/direction';
import { cleanLine } from './normalise';

/**
 * Web pages and Word output (mammoth writes HTML) to blocks. The page is parsed by linkedom,
 * which loads nothing: no scripts run, no images, styles or frames are fetched. Everything but
 * text is dropped, so what comes out (blocks, and HTML rebuilt from them with a handful of
 * tags) can carry no script, handler, link or remote reference.
 */

/** Elements whose content is never release text. */
const DROP = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math',
  'canvas', 'video', 'audio', 'source', 'track', 'picture', 'img', 'image', 'link', 'meta', 'base', 'form', 'input',
  'button', 'select', 'option', 'textarea', 'dialog', 'map', 'area', 'head', 'title', 'portal', 'slot',
  // A picture's caption describes the picture, not the news.
  'figcaption',
]);

const BLOCK_HINT: Record<string, BlockHint> = {
  h1: 'h1', h2: 'h2', h3: 'h3', h4: 'h3', h5: 'h3', h6: 'h3', li: 'li', dt: 'p', dd: 'p', blockquote: 'quote',
  p: 'p', div: 'p', section: 'p', article: 'p', main: 'p', header: 'p', footer: 'p', aside: 'p', nav: 'p', pre: 'p',
  address: 'p', figure: 'p', figcaption: 'p', ul: 'p', ol: 'p', dl: 'p', table: 'p', tbody: 'p', thead: 'p', tfoot: 'p',
  tr: 'cell', caption: 'p', center: 'p', body: 'p', html: 'p', hr: 'p', details: 'p', summary: 'p', fieldset: 'p', legend: 'p',
};

const FURNITURE =
  /(?:^|[\s_-])(?:nav|navbar|navigation|menu|menus|breadcrumbs?|cookies?|consent|gdpr|share|sharing|social|socials|newsletter|subscribe|related|sidebar|side-bar|footer|skip|skiplinks?|pagination|pager|comments?|popup|modal|advert|ads|banner|masthead|site-header|toolbar|language-switcher|lang-switch|search)(?:$|[\s_-])/iu;
const FURNITURE_TAGS = new Set(['nav', 'footer', 'aside']);
const FURNITURE_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'complementary', 'dialog', 'alertdialog']);

export const MAX_ELEMENTS = 300_000;

function wrapFragment(html: string): string {
  return /<html[\s>]/iu.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
}

function attr(el: Element, name: string): string {
  return el.getAttribute(name) ?? '';
}

/** Cloudflare hides addresses as a hex string XOR-ed with its first byte; the address is the person's. */
function decodeCfEmail(hex: string): string | null {
  if (!/^[0-9a-f]{4,400}$/iu.test(hex) || hex.length % 2) return null;
  const key = parseInt(hex.slice(0, 2), 16);
  let out = '';
  for (let i = 2; i < hex.length; i += 2) out += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16) ^ key);
  return /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/iu.test(out) ? out : null;
}

function pageMeta(doc: Document): PageMeta {
  const metas = [...doc.querySelectorAll('meta')];
  const metaContent = (names: string[]) =>
    metas.find((m) => names.includes((attr(m, 'property') || attr(m, 'name') || attr(m, 'itemprop')).toLowerCase()))?.getAttribute('content') ?? null;
  let published = metaContent(['article:published_time', 'datepublished', 'date', 'dcterms.date', 'dc.date', 'publish-date', 'pubdate']);
  if (!published) {
    for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
      const m = (s.textContent ?? '').match(/"datePublished"\s*:\s*"([^"]{8,40})"/u);
      if (m) {
        published = m[1]!;
        break;
      }
    }
  }
  const iso = published?.match(/^(\d{4}-\d{2}-\d{2})/u)?.[1] ?? (published ? (firstDate(published)?.iso ?? null) : null);
  const title = metaContent(['og:title', 'twitter:title']) ?? doc.querySelector('title')?.textContent ?? null;
  return { title: title ? cleanTitle(title) : null, publishedIso: iso };
}

/** "Clean water reaches Kasese | Hope Waters" → "Clean water reaches Kasese". */
function cleanTitle(t: string): string | null {
  const parts = cleanLine(t).split(/\s+[|–—-]\s+|\s+::\s+/u);
  const longest = parts.sort((a, b) => b.length - a.length)[0] ?? '';
  return longest.length >= 8 ? longest : null;
}

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || attr(el, 'aria-hidden') === 'true') return true;
  return /display\s*:\s*none|visibility\s*:\s*hidden/iu.test(attr(el, 'style'));
}

/** Real pages nest a few dozen deep; far deeper is an attack on the parser's time. */
export const MAX_DEPTH = 256;

function measure(root: Element): { elements: number; depth: number } {
  let elements = 0;
  let depth = 0;
  const stack: [Element, number][] = [[root, 1]];
  while (stack.length) {
    const [el, d] = stack.pop()!;
    elements++;
    if (d > depth) depth = d;
    if (elements > MAX_ELEMENTS || depth > MAX_DEPTH) break;
    for (const c of el.children) stack.push([c, d + 1]);
  }
  return { elements, depth };
}

/** Removes what is never text and rewrites hidden e-mail addresses; returns the removed furniture with contact labels. */
function clean(doc: Document): { asides: Element[] } {
  const root = doc.documentElement;
  const remove: Element[] = [];
  const asides: Element[] = [];
  const stack: Element[] = root ? [root] : [];
  const h1 = doc.querySelector('h1');
  const bodyTextLength = (doc.body?.textContent ?? '').length;
  while (stack.length) {
    const el = stack.pop()!;
    const tag = el.tagName.toLowerCase();
    if (DROP.has(tag) || isHidden(el)) {
      remove.push(el);
      continue;
    }
    const cf = attr(el, 'data-cfemail');
    if (cf) {
      const email = decodeCfEmail(cf);
      if (email) el.textContent = email;
    }
    const href = attr(el, 'href');
    if (tag === 'a' && href.includes('/cdn-cgi/l/email-protection#')) {
      const email = decodeCfEmail(href.split('#')[1] ?? '');
      if (email && /\[email/iu.test(el.textContent ?? '')) el.textContent = email;
    }
    const role = attr(el, 'role').toLowerCase();
    const marker = `${attr(el, 'class')} ${attr(el, 'id')}`;
    const furniture =
      tag !== 'body' &&
      tag !== 'html' &&
      tag !== 'main' &&
      tag !== 'article' &&
      (FURNITURE_TAGS.has(tag) || FURNITURE_ROLES.has(role) || (tag === 'header' && !(h1 && el.contains(h1))) || FURNITURE.test(marker)) &&
      !(h1 && el.contains(h1) && tag !== 'nav') &&
      // A wrapper named for its sidebar ("content-with-sidebar") may hold the article itself.
      !(tag !== 'nav' && tag !== 'footer' && el.querySelector('main, article, [role="main"]')) &&
      !(tag === 'div' && (el.textContent ?? '').length > 0.5 * bodyTextLength);
    if (furniture) {
      // Media contacts often sit in a sidebar: keep them, drop the rest of it.
      if (tag !== 'nav' && role !== 'navigation' && CONTACT_LABEL_RE.test(textOfFirstLines(el))) asides.push(el);
      else if (tag !== 'nav' && [...el.querySelectorAll('h2,h3,h4,strong,p')].some((h) => CONTACT_LABEL_RE.test(cleanLine(h.textContent ?? '')))) {
        asides.push(el);
      }
      remove.push(el);
      continue;
    }
    for (const c of el.children) stack.push(c);
  }
  for (const el of remove) el.remove();
  return { asides };
}

function textOfFirstLines(el: Element): string {
  return cleanLine((el.textContent ?? '').slice(0, 200));
}

/** Walks an element's content into blocks without recursion (a page may nest thousands deep). */
export function elementBlocks(root: Element, startGroup = 0): Block[] {
  const blocks: Block[] = [];
  let group = startGroup;
  let buffer = '';
  const hints: BlockHint[] = ['p'];
  // Inside a table row, paragraphs in cells do not break the row: a row is one line.
  let rowDepth = 0;
  const flush = () => {
    const text = cleanLine(buffer.replace(/\s+/gu, ' ').replace(/\s*\|\s*$/u, '').replace(/^\s*\|\s*/u, ''));
    if (text !== '' && text !== '|') blocks.push({ text, hint: hints[hints.length - 1]!, group });
    buffer = '';
  };
  type Step = { node: Node; leave: false } | { el: Element; leave: true };
  const stack: Step[] = [{ node: root, leave: false }];
  while (stack.length) {
    const step = stack.pop()!;
    if (step.leave) {
      const tag = step.el.tagName.toLowerCase();
      if (tag === 'td' || tag === 'th') buffer += ' | ';
      else if (tag === 'tr') {
        rowDepth--;
        flush();
        hints.pop();
      } else if (tag in BLOCK_HINT) {
        if (rowDepth > 0 && tag !== 'table') {
          buffer += ' ';
          continue;
        }
        flush();
        hints.pop();
        if (tag !== 'li') group++;
      }
      continue;
    }
    const node = step.node;
    if (node.nodeType === 3) {
      buffer += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    if (DROP.has(tag)) continue;
    if (tag === 'br') {
      flush();
      continue;
    }
    if (tag in BLOCK_HINT && rowDepth > 0 && tag !== 'tr' && tag !== 'table') {
      buffer += ' ';
    } else if (tag in BLOCK_HINT) {
      flush();
      if (tag === 'tr') rowDepth++;
      const hint = BLOCK_HINT[tag]!;
      const parentHint = hints[hints.length - 1]!;
      hints.push(hint === 'p' && (parentHint === 'li' || parentHint === 'quote' || parentHint === 'cell') ? parentHint : hint);
      if (tag === 'table') group++;
    }
    stack.push({ el, leave: true });
    const kids = [...el.childNodes];
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, leave: false });
  }
  flush();
  return blocks;
}

export interface HtmlReading {
  blocks: Block[];
  meta: PageMeta;
}

/**
 * Reads a web page. `whole` documents (Word output, Markdown) are read as they are; a page
 * from the web first loses its furniture, and its main content is found from <main>/<article>
 * or, failing that, by Readability.
 */
export function readHtml(html: string, opts: { page: boolean }): HtmlReading {
  const { document: doc } = parseHTML(wrapFragment(html));
  const body = doc.body ?? doc.documentElement;
  if (!body) return { blocks: [], meta: {} };
  const size = measure(doc.documentElement);
  if (size.elements > MAX_ELEMENTS) {
    throw new DatelineError('FILE_UNREADABLE', `The page has more than ${MAX_ELEMENTS.toLocaleString('en')} elements; a release is far smaller.`, { params: { limit: MAX_ELEMENTS, reason: 'tooManyElements' } });
  }
  if (size.depth > MAX_DEPTH) {
    throw new DatelineError('FILE_UNREADABLE', `The page nests its elements more than ${MAX_DEPTH} levels deep; a release page needs a few dozen. Copy its text and paste it instead.`, { params: { limit: MAX_DEPTH, reason: 'tooDeep' } });
  }
  const meta = opts.page ? pageMeta(doc) : {};
  const { asides } = clean(doc);
  if (!opts.page) return { blocks: elementBlocks(body), meta };

  const h1 = doc.querySelector('h1');
  const articles = [...doc.querySelectorAll('article')].filter((a) => (a.textContent ?? '').trim().length > 300);
  const main = doc.querySelector('main, [role="main"]');
  let root: Element | null = articles.length === 1 ? articles[0]! : main;
  if (root && (root.textContent ?? '').trim().length < 300) root = null;
  let blocks: Block[];
  if (root) {
    blocks = elementBlocks(root);
    if (h1 && !root.contains(h1)) blocks.unshift({ text: cleanLine(h1.textContent ?? ''), hint: 'h1', group: -1 });
  } else {
    blocks = readabilityBlocks(doc, h1) ?? elementBlocks(body);
  }
  const seen = new Set(blocks.map((b) => b.text));
  let g = 1_000_000;
  for (const a of asides) {
    // From the contact label on: the rest of a sidebar (donation codes, a switchboard) is not the release.
    const inner = elementBlocks(a, g);
    const from = inner.findIndex((b) => CONTACT_LABEL_RE.test(b.text));
    for (const b of inner.slice(Math.max(0, from))) if (!seen.has(b.text)) blocks.push({ ...b, aside: true });
    g += 1000;
  }
  return { blocks, meta };
}

function readabilityBlocks(doc: Document, h1: Element | null): Block[] | null {
  const headline = h1 ? cleanLine(h1.textContent ?? '') : '';
  let article: ReturnType<Readability['parse']>;
  try {
    article = new Readability(doc.cloneNode(true) as Document, { charThreshold: 200, keepClasses: false }).parse();
  } catch {
    return null;
  }
  if (!article?.content || (article.textContent ?? '').trim().length < 200) return null;
  const { document: inner } = parseHTML(wrapFragment(article.content));
  const blocks = elementBlocks(inner.body ?? inner.documentElement!);
  if (headline && !blocks.some((b) => b.text === headline)) blocks.unshift({ text: headline, hint: 'h1', group: -1 });
  return blocks;
}

// ---- The cleaned source, for the review screen ----------------------------------------------

export function sourceBlocks(blocks: Block[]): ImportSourceBlock[] {
  return blocks.map((b) => ({
    kind: b.hint === 'h1' || b.hint === 'h2' || b.hint === 'h3' ? 'heading' : b.hint === 'li' ? 'item' : b.hint === 'quote' ? 'quote' : 'paragraph',
    text: b.text,
    dir: textDirection(b.text) ?? 'ltr',
  }));
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** HTML rebuilt from text only: <h1>-<h3>, <p>, <ul><li>, <blockquote> and dir; nothing else can appear. */
export function blocksToHtml(blocks: Block[]): string {
  const out: string[] = [];
  let inList = false;
  for (const b of blocks) {
    const dir = textDirection(b.text) === 'rtl' ? ' dir="rtl"' : '';
    const text = escapeHtml(b.text);
    if (b.hint === 'li') {
      if (!inList) out.push('<ul>');
      inList = true;
      out.push(`<li${dir}>${text}</li>`);
      continue;
    }
    if (inList) out.push('</ul>');
    inList = false;
    if (b.hint === 'h1' || b.hint === 'h2' || b.hint === 'h3') out.push(`<${b.hint}${dir}>${text}</${b.hint}>`);
    else if (b.hint === 'quote') out.push(`<blockquote${dir}>${text}</blockquote>`);
    else out.push(`<p${dir}>${text}</p>`);
  }
  if (inList) out.push('</ul>');
  return out.join('\n');
}
