/*
 * LTTH overlay items: text, images and videos that flows put on the main
 * overlay with the overlay.text / overlay.image / overlay.video actions
 * (`overlay` messages on /ws: {kind, text, url, durationMs, position}).
 * Several items may show at once, each in its own corner or edge; kind
 * "clear" removes them all. Text is inserted as text; an `html` field (the
 * flow's "Text is HTML") is shown through richtext.js's tag allow-list.
 * Media URLs must be http(s).
 */
(function (global) {
  'use strict';
  var L = global.LTTH;
  var doc = global.document;
  var POSITIONS = { center: 1, top: 1, bottom: 1, left: 1, right: 1,
    'top-left': 1, 'top-right': 1, 'bottom-left': 1, 'bottom-right': 1 };
  var layer = null;
  var items = [];

  function ensureLayer() {
    if (!layer) {
      layer = doc.createElement('div');
      layer.id = 'ltth-items';
      layer.className = 'ltth-items';
      doc.body.appendChild(layer);
    }
    return layer;
  }

  function remove(node) {
    items = items.filter(function (n) { return n !== node; });
    node.classList.add('ltth-item-out');
    setTimeout(function () { node.remove(); }, 400);
  }

  function content(d) {
    var url = L.safeUrl(d.url);
    if (d.kind === 'text' && typeof d.html === 'string' && d.html !== '' && global.LTTHRichText) {
      var rich = L.el('div', 'ltth-item-text ltth-rich');
      rich.appendChild(global.LTTHRichText.render(d.html));
      return rich;
    }
    if (d.kind === 'text') return L.el('div', 'ltth-item-text', L.str(d.text));
    if (!url) return null;
    if (d.kind === 'image') {
      var i = doc.createElement('img');
      i.className = 'ltth-item-media';
      i.alt = '';
      i.referrerPolicy = 'no-referrer';
      i.src = url;
      return i;
    }
    if (d.kind === 'video') {
      var v = doc.createElement('video');
      v.className = 'ltth-item-media';
      v.autoplay = true;
      v.playsInline = true;
      v.src = url;
      var pr = v.play();
      if (pr && pr.catch) pr.catch(function () { v.muted = true; v.play().catch(function () {}); });
      return v;
    }
    return null;
  }

  function show(d) {
    if (!d || typeof d !== 'object') return;
    if (d.kind === 'clear') {
      items.slice().forEach(remove);
      return;
    }
    var body = content(d);
    if (!body) return;
    var pos = POSITIONS[d.position] === 1 ? d.position : 'center';
    var node = L.el('div', 'ltth-item ltth-item-' + pos);
    node.dataset.kind = d.kind;
    node.appendChild(body);
    ensureLayer().appendChild(node);
    items.push(node);
    var ms = Math.max(500, Math.min(600000, Number(d.durationMs) || 5000));
    setTimeout(function () { remove(node); }, ms);
  }

  global.LTTHItems = { show: show, count: function () { return items.length; } };
})(window);
