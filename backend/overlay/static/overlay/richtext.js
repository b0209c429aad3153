/*
 * LTTH rich text: shows the `html` of an alert or overlay item (a flow's
 * "Text is HTML" option) through a small allow-list, never as raw markup.
 *
 *   <script src="/overlay/richtext.js"></script>
 *   node.appendChild(LTTHRichText.render(html));   // a DocumentFragment
 *
 * The markup is parsed in an inert document (DOMParser: nothing runs,
 * nothing loads) and rebuilt node by node in the page:
 *  - kept: b, strong, i, em, u, s, small, big, sub, sup, mark, span, br
 *    (font becomes a span), with no attributes except a style reduced to
 *    color, background-color, font-size, font-weight, font-style,
 *    text-decoration and text-shadow, copied through the CSSOM (the page's
 *    CSP forbids inline style markup) and never with url(…);
 *  - img only with an absolute http(s) src, and no other attribute;
 *  - script, style, iframe, svg and other active or embedding elements are
 *    dropped with their content; any other element is unwrapped (its
 *    sanitized children kept); comments are dropped;
 *  - at most 500 nodes and 16 levels; the rest is cut.
 * Values a flow inserts into the template are escaped by LTTH before they
 * get here, so a viewer's "<img onerror=…>" nickname arrives as text.
 */
(function (global) {
  'use strict';
  var doc = global.document;
  var KEEP = { B: 1, STRONG: 1, I: 1, EM: 1, U: 1, S: 1, SMALL: 1, BIG: 1, SUB: 1, SUP: 1, MARK: 1, SPAN: 1, BR: 1 };
  var DROP = { SCRIPT: 1, STYLE: 1, TEMPLATE: 1, NOSCRIPT: 1, IFRAME: 1, FRAME: 1, OBJECT: 1, EMBED: 1,
    SVG: 1, MATH: 1, TITLE: 1, TEXTAREA: 1, SELECT: 1, VIDEO: 1, AUDIO: 1, LINK: 1, META: 1, BASE: 1, FORM: 1 };
  var STYLES = ['color', 'background-color', 'font-size', 'font-weight', 'font-style', 'text-decoration', 'text-shadow'];
  var MAX_NODES = 500;
  var MAX_DEPTH = 16;

  /* copyStyle reads the allowed declarations of from's style attribute
   * (the inert document leaves it unparsed) and sets them through the
   * CSSOM, which drops values that are not valid for the property. */
  function copyStyle(from, to) {
    var decls = String(from.getAttribute('style') || '').split(';');
    for (var i = 0; i < decls.length && i < 32; i++) {
      var at = decls[i].indexOf(':');
      if (at < 0) continue;
      var prop = decls[i].slice(0, at).trim().toLowerCase();
      var v = decls[i].slice(at + 1).trim();
      if (STYLES.indexOf(prop) < 0 || v === '' || /url\s*\(|expression\s*\(|\\/i.test(v)) continue;
      to.style.setProperty(prop, v.replace(/\s*!important$/i, ''));
    }
  }

  function image(src) {
    if (typeof src !== 'string' || !/^https?:\/\//i.test(src.trim())) return null;
    var i = doc.createElement('img');
    i.className = 'ltth-rich-img';
    i.alt = '';
    i.referrerPolicy = 'no-referrer';
    i.src = src.trim();
    return i;
  }

  function element(n) {
    var tag = n.tagName.toUpperCase();
    if (tag === 'IMG') return image(n.getAttribute('src'));
    if (tag === 'FONT') {
      var f = doc.createElement('span');
      var c = n.getAttribute('color');
      if (c) f.style.setProperty('color', c); // the CSSOM ignores anything that is not a color
      copyStyle(n, f);
      return f;
    }
    if (KEEP[tag] !== 1) return undefined;
    var out = doc.createElement(tag.toLowerCase());
    copyStyle(n, out);
    return out;
  }

  function build(src, dst, depth, budget) {
    for (var n = src.firstChild; n; n = n.nextSibling) {
      if (budget.left-- <= 0) return;
      if (n.nodeType === 3) {
        dst.appendChild(doc.createTextNode(n.nodeValue));
        continue;
      }
      if (n.nodeType !== 1) continue; // comments, processing instructions
      var tag = n.tagName.toUpperCase();
      if (DROP[tag] === 1 || depth >= MAX_DEPTH) continue;
      var out = element(n);
      if (out === null) continue; // an img that may not load
      if (out === undefined) { // unknown element: keep its sanitized children
        build(n, dst, depth + 1, budget);
        continue;
      }
      if (tag !== 'BR') build(n, out, depth + 1, budget);
      dst.appendChild(out);
    }
  }

  /* render returns a DocumentFragment of the allowed part of html. */
  function render(html) {
    var frag = doc.createDocumentFragment();
    if (typeof html !== 'string' || html === '') return frag;
    var inert = new global.DOMParser().parseFromString('<!doctype html><body>' + html, 'text/html');
    build(inert.body, frag, 0, { left: MAX_NODES });
    return frag;
  }

  global.LTTHRichText = { render: render };
})(window);
