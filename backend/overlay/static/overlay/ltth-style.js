/*
 * LTTH overlay style layer, loaded by ltth-client.js on every overlay page
 * (alerts, goals, leaderboards, plugin overlays). It applies the overlay
 * designer's look from the URL and/or a saved preset:
 *
 *   ?preset=<name>   the preset's params (from /overlay/presets/<name>) and
 *                    its custom CSS (/overlay/presets/<name>/style.css, a
 *                    sanitised same-origin style sheet for this page only);
 *                    URL params override the preset's. A saved change
 *                    reaches the page at once (overlayPreset on the feed).
 *   anchor=top-left|top|top-right|left|center|right|bottom-left|bottom|bottom-right
 *   scale=0.25..5  size=8..200 (base font px)  font=<key of FONTS>
 *   text=, accent=, bg=   #rgb, #rrggbb, rgb(r,g,b) or rgba(r,g,b,a)
 *   anim=pop|slide|slide-up|fade|bounce|zoom|drop   lang=en|de
 *   (w=, h= are the OBS source size; the page just fills it.)
 *
 * The same rules as the Go side (backend/overlay/style.go): a value that
 * fails its rule is ignored, numbers are clamped. Values only ever reach
 * the page as CSS custom properties / style properties set through the
 * CSSOM, never as markup.
 */
(function (global) {
  'use strict';

  var doc = global.document;
  var FONTS = {
    'default': '"Montserrat", "Poppins", "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
    system: 'system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif',
    arial: 'Arial, "Helvetica Neue", Helvetica, "Liberation Sans", sans-serif',
    verdana: 'Verdana, "DejaVu Sans", Geneva, sans-serif',
    trebuchet: '"Trebuchet MS", "DejaVu Sans", sans-serif',
    georgia: 'Georgia, "DejaVu Serif", "Times New Roman", serif',
    times: '"Times New Roman", Times, "Liberation Serif", serif',
    impact: 'Impact, "Arial Black", "DejaVu Sans", sans-serif',
    comic: '"Comic Sans MS", "Comic Neue", "Chalkboard SE", cursive',
    mono: '"Cascadia Mono", Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace'
  };
  var LISTS = {
    anchor: ['top-left', 'top', 'top-right', 'left', 'center', 'right', 'bottom-left', 'bottom', 'bottom-right'],
    anim: ['pop', 'slide', 'slide-up', 'fade', 'bounce', 'zoom', 'drop'],
    lang: ['en', 'de']
  };
  var NUMS = { w: [64, 7680, 1], h: [64, 4320, 1], scale: [0.25, 5, 0], size: [8, 200, 1] };
  var KEYS = ['w', 'h', 'anchor', 'scale', 'size', 'font', 'text', 'accent', 'bg', 'anim', 'lang'];
  var HEX = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
  var RGB = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*(\d*\.?\d+)\s*)?\)$/;
  var NAME = /^[A-Za-z0-9][A-Za-z0-9 _.-]{0,39}$/;

  function colour(v) {
    if (HEX.test(v)) return true;
    var m = RGB.exec(v);
    if (!m || (v.indexOf('rgba') === 0) !== (m[4] !== undefined)) return false;
    if (+m[1] > 255 || +m[2] > 255 || +m[3] > 255) return false;
    return m[4] === undefined || (+m[4] >= 0 && +m[4] <= 1);
  }

  /* clean returns the valid, normalised value of key, or null. */
  function clean(key, v) {
    if (typeof v !== 'string') return null;
    v = v.trim();
    if (v === '') return null;
    var r = NUMS[key];
    if (r) {
      if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(v)) return null;
      var n = Math.max(r[0], Math.min(r[1], Number(v)));
      return r[2] ? String(Math.round(n)) : String(Math.round(n * 100) / 100);
    }
    if (key === 'text' || key === 'accent' || key === 'bg') return colour(v) ? v : null;
    if (key === 'font') return Object.prototype.hasOwnProperty.call(FONTS, v) ? v : null;
    if (LISTS[key]) return LISTS[key].indexOf(v) >= 0 ? v : null;
    return null;
  }

  function fromGetter(get) {
    var out = {};
    KEYS.forEach(function (k) { var v = clean(k, get(k)); if (v !== null) out[k] = v; });
    return out;
  }

  var params = new URLSearchParams(global.location.search);
  var fromUrl = fromGetter(function (k) { return params.get(k); });
  var legacyPos = params.get('pos'); // the alerts page's older ?pos=top|center|bottom
  if (!fromUrl.anchor && (legacyPos === 'center' || legacyPos === 'bottom' || legacyPos === 'top')) fromUrl.anchor = legacyPos;
  var presetName = params.get('preset');
  if (!presetName || !NAME.test(presetName)) presetName = '';

  var state = { style: {}, presetLoaded: !presetName, cssLink: null };

  function setVar(name, v, el) {
    var st = (el || doc.documentElement).style;
    if (v) st.setProperty(name, v); else st.removeProperty(name);
  }

  function anchorParts(a) {
    var v = 'top', h = 'center';
    if (!a) a = 'top';
    if (a.indexOf('bottom') === 0) v = 'bottom';
    else if (a === 'left' || a === 'center' || a === 'right') v = 'center';
    if (/left$/.test(a)) h = 'left';
    else if (/right$/.test(a)) h = 'right';
    return { v: v, h: h };
  }

  function setClass(body, prefix, value) {
    Array.prototype.slice.call(body.classList).forEach(function (c) {
      if (c.indexOf(prefix) === 0) body.classList.remove(c);
    });
    if (value) body.classList.add(prefix + value);
  }

  function apply(s) {
    var body = doc.body;
    var root = doc.documentElement;
    var alerts = body.classList.contains('ltth-overlay');
    var scale = s.scale ? Number(s.scale) : 1;
    var font = s.font ? FONTS[s.font] : '';
    state.style = s;
    setVar('--ltth-scale', String(scale));
    setVar('--ltth-font', font);
    setVar('--ltth-text', s.text);
    setVar('--ltth-accent', s.accent);
    setVar('--ltth-bg', s.bg);
    body.classList.toggle('ltth-has-text', !!s.text);
    body.classList.toggle('ltth-has-accent', !!s.accent);
    body.classList.toggle('ltth-has-bg', !!s.bg);
    var a = anchorParts(s.anchor);
    setClass(body, 'ltth-pos-', a.v); // the alerts page's vertical placement
    setClass(body, 'ltth-h-', a.h);
    if (s.lang) root.lang = s.lang;
    if (alerts) {
      root.style.fontSize = s.size ? (Number(s.size) * scale) + 'px' : (scale === 1 ? '' : 'calc(max(16px, 1.25vw) * ' + scale + ')');
      return;
    }
    // other pages: their own variables (on <body>, so they win over what a
    // page sets on <html> from its own params or state), then plain properties
    setVar('--text', s.text, body); setVar('--fg', s.text, body);
    setVar('--accent', s.accent, body); setVar('--fill', s.accent, body);
    setVar('--bg', s.bg, body); setVar('--font', font, body);
    body.style.fontFamily = font;
    body.style.color = s.text || '';
    body.style.fontSize = s.size ? s.size + 'px' : '';
    root.style.zoom = scale === 1 ? '' : String(scale);
  }

  function merged(presetParams) {
    var out = {};
    var p = presetParams && typeof presetParams === 'object' ? presetParams : {};
    KEYS.forEach(function (k) { var v = clean(k, p[k]); if (v !== null) out[k] = v; });
    Object.keys(fromUrl).forEach(function (k) { out[k] = fromUrl[k]; });
    return out;
  }

  function setCSS(on) {
    if (state.cssLink) { state.cssLink.remove(); state.cssLink = null; }
    if (!on) return;
    var l = doc.createElement('link');
    l.rel = 'stylesheet';
    l.id = 'ltth-preset-css';
    l.href = '/overlay/presets/' + encodeURIComponent(presetName) + '/style.css?v=' + Date.now();
    doc.head.appendChild(l);
    state.cssLink = l;
  }

  function load() {
    if (!presetName) { apply(merged(null)); return; }
    global.fetch('/overlay/presets/' + encodeURIComponent(presetName), { cache: 'no-store' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (p) {
        apply(merged(p && p.params));
        setCSS(!!(p && p.css));
        state.presetLoaded = true;
      })
      .catch(function () { apply(merged(null)); state.presetLoaded = true; });
  }

  function start() {
    apply(merged(null)); // URL params at once; the preset's follow
    load();
  }
  if (doc.body) start(); else doc.addEventListener('DOMContentLoaded', start);

  global.LTTHStyle = {
    fonts: FONTS,
    clean: clean,
    preset: presetName,
    get: function (k) { return state.style[k] || ''; },
    style: function () { return Object.assign({}, state.style); },
    ready: function () { return state.presetLoaded; },
    /* onMessage is called by ltth-client.js for every feed message. */
    onMessage: function (m) {
      if (m && m.type === 'overlayPreset' && presetName && m.data && m.data.name === presetName) {
        state.presetLoaded = false;
        load();
      }
    }
  };
})(window);
