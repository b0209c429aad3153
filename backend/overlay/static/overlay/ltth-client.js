/*
 * LTTH overlay client — shared by every overlay/widget page.
 *
 *   <script src="/overlay/ltth-client.js"></script>
 *   LTTH.connect({
 *     onSnapshot: function (messages) { ... },  // current state, first after every (re)connect
 *     onMessage:  function (msg) { ... },       // {type, ts, data[, key, clear]}
 *     onStatus:   function (state) { ... }      // "connecting" | "connected" | "disconnected"
 *   });
 *
 * The feed sends one JSON object or a JSON array of them per frame; both are
 * unpacked here and delivered in order, one message per callback. The
 * connection retries with backoff (0.5 s doubling to 5 s, jittered) for ever,
 * so a page loaded in OBS before LTTH starts recovers by itself. A small
 * "waiting for LTTH…" badge (#ltth-status) shows while not connected.
 *
 * Safety helpers: viewer-supplied text must only ever reach the page through
 * LTTH.el (textContent), never parsed as markup; URLs through
 * LTTH.safeUrl (http/https only).
 *
 * Page options (query string): ws=<ws(s) URL> to override the feed address,
 * token=<API token> (needed only by clients on another machine),
 * status=0 to hide the badge, lang=en|de for the built-in texts (LTTH.t;
 * else the designer's style lang, else the browser's). It also loads /overlay/ltth-style.js, which
 * applies the overlay designer's style params and ?preset= to the page.
 */
(function (global) {
  'use strict';

  var doc = global.document;
  var params = new URLSearchParams(global.location.search);

  function feedUrl() {
    var override = params.get('ws');
    if (override && /^wss?:\/\//i.test(override)) return override;
    var loc = global.location;
    var host = loc.host || '127.0.0.1:3000';
    var scheme = loc.protocol === 'https:' ? 'wss://' : 'ws://';
    var url = scheme + host + '/ws';
    var token = params.get('token');
    if (token) url += '?token=' + encodeURIComponent(token);
    return url;
  }

  /* safeUrl returns an absolute http(s) URL, or '' for anything else
   * (javascript:, data:, file:, garbage). Relative URLs resolve against the
   * page, so assets served by LTTH itself work. */
  function safeUrl(u) {
    if (typeof u !== 'string' || u === '') return '';
    try {
      var p = new URL(u, global.location.href);
      if (p.protocol === 'http:' || p.protocol === 'https:') return p.href;
    } catch (e) { /* not a URL */ }
    return '';
  }

  /* el creates an element with a class and optional text (as a text node). */
  function el(tag, className, text) {
    var n = doc.createElement(tag);
    if (className) n.className = className;
    if (text !== undefined && text !== null) n.textContent = String(text);
    return n;
  }

  function str(v) {
    return v === undefined || v === null ? '' : String(v);
  }

  var BADGE_STYLE = {
    position: 'fixed', left: '8px', bottom: '8px', zIndex: '2147483647',
    padding: '3px 9px', borderRadius: '999px', font: '600 12px/1.4 system-ui, sans-serif',
    color: '#fff', background: 'rgba(20, 20, 28, 0.55)', pointerEvents: 'none',
    transition: 'opacity 0.4s ease', opacity: '0.85'
  };

  function statusBadge(text) {
    var b = doc.getElementById('ltth-status');
    if (!b) {
      b = el('div', 'ltth-status', text);
      b.id = 'ltth-status';
      b.setAttribute('role', 'status');
      for (var k in BADGE_STYLE) b.style[k] = BADGE_STYLE[k];
      (doc.body || doc.documentElement).appendChild(b);
    }
    return b;
  }

  function showBadge(badge, state) {
    if (!badge) return;
    badge.dataset.state = state;
    // hidden as well as transparent: OBS may capture before a fade finishes
    badge.hidden = state === 'connected';
    badge.style.opacity = state === 'connected' ? '0' : '0.85';
  }

  function call(fn, arg) {
    if (typeof fn !== 'function') return;
    try { fn(arg); } catch (e) { if (global.console) global.console.error('LTTH overlay handler failed', e); }
  }

  /* Built-in texts of the overlays, per language; unknown languages and
   * keys fall back to English. Viewer text never goes through here. */
  var TEXTS = {
    en: { waiting: 'waiting for LTTH…', goalReached: 'Goal reached!', gifters: 'Top gifters', likers: 'Top likers',
      chatters: 'Top chatters', allTime: ' (all time)', points: 'Top points' },
    de: { waiting: 'warte auf LTTH…', goalReached: 'Ziel erreicht!', gifters: 'Top-Schenker', likers: 'Top-Liker',
      chatters: 'Top-Chatter', allTime: ' (gesamt)', points: 'Top-Punkte' }
  };
  function lang() {
    var styled = global.LTTHStyle && typeof global.LTTHStyle.get === 'function' ? global.LTTHStyle.get('lang') : '';
    var l = String(params.get('lang') || styled || (global.navigator && global.navigator.language) || 'en');
    l = l.slice(0, 2).toLowerCase();
    return TEXTS[l] ? l : 'en';
  }
  function t(key) {
    var v = TEXTS[lang()][key];
    return typeof v === 'string' ? v : (TEXTS.en[key] || key);
  }

  function connect(opts) {
    opts = opts || {};
    var url = opts.url || feedUrl();
    var st = { ws: null, attempt: 0, stopped: false, timer: 0, state: '' };
    var wantBadge = opts.statusBadge !== false && params.get('status') !== '0';
    var badge = wantBadge ? statusBadge(opts.statusText || t('waiting')) : null;

    function setState(s) {
      if (st.state === s) return;
      st.state = s;
      showBadge(badge, s);
      call(opts.onStatus, s);
    }

    function deliver(msg) {
      if (!msg || typeof msg !== 'object' || typeof msg.type !== 'string') return;
      if (global.LTTHStyle) call(global.LTTHStyle.onMessage, msg);
      if (msg.type === 'snapshot') {
        var list = Array.isArray(msg.data) ? msg.data : [];
        if (typeof opts.onSnapshot === 'function') call(opts.onSnapshot, list);
        else list.forEach(function (m) { call(opts.onMessage, m); });
        return;
      }
      call(opts.onMessage, msg);
    }

    function onFrame(ev) {
      if (typeof ev.data !== 'string') return;
      var v;
      try { v = JSON.parse(ev.data); } catch (e) { return; }
      if (Array.isArray(v)) v.forEach(deliver); else deliver(v);
    }

    function retry() {
      if (st.stopped) return;
      var max = Math.min(5000, 500 * Math.pow(2, st.attempt));
      st.attempt++;
      st.timer = global.setTimeout(open, max / 2 + Math.random() * max / 2);
    }

    function open() {
      st.timer = 0;
      if (st.stopped) return;
      setState(st.attempt === 0 ? 'connecting' : 'disconnected');
      var ws;
      try { ws = new global.WebSocket(url); } catch (e) { retry(); return; }
      st.ws = ws;
      ws.onopen = function () { st.attempt = 0; setState('connected'); };
      ws.onmessage = onFrame;
      ws.onclose = function () {
        if (st.ws !== ws) return;
        st.ws = null;
        setState('disconnected');
        retry();
      };
      ws.onerror = function () { /* onclose follows */ };
    }

    open();
    return {
      close: function () {
        st.stopped = true;
        if (st.timer) global.clearTimeout(st.timer);
        if (st.ws) st.ws.close();
      },
      state: function () { return st.state; }
    };
  }

  /* The overlay designer's style layer (size, colours, font, preset and
   * its custom CSS; see ltth-style.js) applies to every page using this
   * client. */
  function loadStyle() {
    if (doc.getElementById('ltth-style-js')) return;
    var s = doc.createElement('script');
    s.id = 'ltth-style-js';
    s.src = '/overlay/ltth-style.js';
    (doc.head || doc.documentElement).appendChild(s);
  }
  loadStyle();

  global.LTTH = {
    version: 1,
    params: params,
    connect: connect,
    feedUrl: feedUrl,
    safeUrl: safeUrl,
    el: el,
    str: str,
    lang: lang,
    t: t
  };
})(window);
