/**
 * The core compiles without the DOM library, so `window`, `document` or `localStorage` in code
 * that runs in Node fails to compile. The importer alone walks pages parsed by linkedom, whose
 * types speak DOM: these are the DOM shapes it uses, as linkedom implements them. Types only;
 * the root tsconfig (tests, with the real DOM library) leaves this file out.
 */

interface Node {
  readonly nodeType: number;
  readonly nodeValue: string | null;
  readonly childNodes: Iterable<Node> & { readonly length: number };
  textContent: string | null;
  cloneNode(deep?: boolean): Node;
  contains(other: Node | null): boolean;
}

interface ParentNode {
  readonly children: Iterable<Element>;
  querySelector(selectors: string): Element | null;
  querySelectorAll(selectors: string): Iterable<Element>;
}

interface Element extends Node, ParentNode {
  readonly tagName: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  remove(): void;
}

interface Document extends Node, ParentNode {
  readonly documentElement: Element;
  readonly body: Element | null;
}
