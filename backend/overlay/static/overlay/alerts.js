/*
 * LTTH main overlay (/overlay.html): an alert queue for OBS browser sources.
 *
 * Where alerts come from (?mode=, or the ?raw= shorthand):
 *   auto   (default) LTTH's alert module decides: `alert` messages are shown
 *          as they come. Until the feed shows that an alert module is
 *          running (any alert, alertControl or alertsPaused message, the
 *          snapshot included), raw events get built-in default alerts; each
 *          is held back briefly (400 ms) and dropped if an `alert` for the
 *          same event id arrives, so a module that is running but has not
 *          spoken yet never causes a double alert.
 *   alerts (?raw=0)  only `alert` messages.
 *   raw    (?raw=1)  only built-in default alerts from raw events (`alert`
 *          messages ignored): works with no alert module at all.
 * alertControl (skip/clear) and alertsPaused apply in every mode.
 *
 * Other options: ?screen=main (which alert screen this page shows),
 * ?types=gift,follow,... (raw event types alerted; default gift, follow,
 * share, subscribe, like, question), ?chat=1 (add chat), ?sound=0,
 * ?volume=0.5. Placement, scale, font, colours, animation (overrides the
 * alert's own) and language come from the style layer (ltth-style.js:
 * ?anchor=, ?scale=, ?lang=, ?preset=...; the older ?pos= still works).
 *
 * Viewer text is only ever set with textContent; image/media URLs pass
 * LTTH.safeUrl (http/https only). An alert's `html` (a flow's "Text is
 * HTML", inserted values already escaped by LTTH) goes through
 * richtext.js's tag allow-list instead of the plain text.
 */
(function () {
  'use strict';

  var L = window.LTTH;
  var p = L.params;
  var doc = document;

  var I18N = {
    en: {
      gift: 'sent {gift}', giftMany: 'sent {gift} ×{n}', aGift: 'a gift', follow: 'followed',
      share: 'shared the stream', subscribe: 'subscribed', subscribeMonths: 'subscribed for {n} months',
      like: 'sent {n} likes', likeOne: 'liked the stream', emote: 'sent an emote',
      question: 'asks: {q}', coins: 'coins'
    },
    de: {
      gift: 'hat {gift} geschickt', giftMany: 'hat {gift} ×{n} geschickt', aGift: 'ein Geschenk',
      follow: 'folgt jetzt', share: 'hat den Stream geteilt', subscribe: 'hat abonniert',
      subscribeMonths: 'ist seit {n} Monaten Abonnent', like: 'hat {n} Likes geschickt',
      likeOne: 'mag den Stream', emote: 'hat ein Emote geschickt', question: 'fragt: {q}', coins: 'Coins'
    }
  };
  var ICONS = { gift: '🎁', follow: '❤', share: '➦', subscribe: '★', like: '♥', chat: '💬', question: '?', emote: '☺' };
  var ANIMATIONS = { pop: 1, slide: 1, 'slide-up': 1, fade: 1, bounce: 1, zoom: 1, drop: 1 };

  function num(v, d) {
    if (v === null || v === undefined || v === '') return d;
    var n = Number(v);
    return isFinite(n) ? n : d;
  }
  function clamp(n, lo, hi) { return Math.max(lo, Math.min(hi, n)); }
  function fmt(t, vars) {
    return t.replace(/\{(\w+)\}/g, function (_, k) { return L.str(vars[k]); });
  }
  function styled(k) { return window.LTTHStyle ? window.LTTHStyle.get(k) : ''; }
  function lang() {
    var l = (styled('lang') || p.get('lang') || navigator.language || 'en').slice(0, 2).toLowerCase();
    return I18N[l] ? l : 'en';
  }
  function modeFromParams() {
    if (p.get('raw') === '1') return 'raw';
    if (p.get('raw') === '0') return 'alerts';
    var m = p.get('mode');
    return m === 'raw' || m === 'alerts' ? m : 'auto';
  }
  function rawTypes() {
    var list = (p.get('types') || 'gift,follow,share,subscribe,like,question').split(',');
    if (p.get('chat') === '1') list.push('chat');
    var set = {};
    list.forEach(function (t) { t = t.trim(); if (t) set[t] = true; });
    return set;
  }

  function texts() { return I18N[lang()]; } // the designer's preset may set lang later
  var cfg = {
    screen: p.get('screen') || 'main',
    mode: modeFromParams(),
    types: rawTypes(),
    sound: p.get('sound') !== '0',
    volume: clamp(num(p.get('volume'), 1), 0, 1),
    maxQueue: 100,
    gapMs: 250,
    graceMs: 400,
    exitMs: 800
  };

  var stage = doc.getElementById('ltth-stage');
  var queue = [];
  var current = null;
  var cooling = false;
  var paused = false;
  var moduleSeen = cfg.mode === 'alerts';
  var pending = {};

  /* ---- building alerts ---- */

  function durationOf(ms, d) { return clamp(num(ms, d) || d, 500, 60000); }

  function fromAlert(d) {
    var e = d.event && typeof d.event === 'object' ? d.event : {};
    var type = L.str(d.eventType || e.type);
    return {
      id: L.str(d.id || e.id), eventType: type, text: L.str(d.text), html: L.str(d.html),
      name: L.str(e.nickname || e.uniqueId), userId: L.str(e.userId),
      avatar: L.safeUrl(e.avatarUrl), image: L.safeUrl(d.imageUrl), video: L.safeUrl(d.videoUrl),
      sound: L.safeUrl(d.soundUrl), coins: type === 'gift' ? num(e.coins, 0) : 0,
      duration: durationOf(d.durationMs, 5000), animation: L.str(d.animation), raw: false
    };
  }

  function rawText(e) {
    var n, tx = texts();
    switch (e.type) {
      case 'gift':
        n = num(e.repeatCount, 1);
        return fmt(n > 1 ? tx.giftMany : tx.gift, { gift: e.giftName || tx.aGift, n: n });
      case 'follow': return tx.follow;
      case 'share': return tx.share;
      case 'subscribe':
        n = num(e.subMonth, 0);
        return n > 1 ? fmt(tx.subscribeMonths, { n: n }) : tx.subscribe;
      case 'like':
        n = num(e.likeCount, 1);
        return n > 1 ? fmt(tx.like, { n: n }) : tx.likeOne;
      case 'chat': return L.str(e.comment);
      case 'question': return fmt(tx.question, { q: e.question });
      case 'emote': return tx.emote;
    }
    return null;
  }

  function rawDuration(e) {
    var coins = num(e.coins, 0);
    switch (e.type) {
      case 'gift': return coins >= 1000 ? 9000 : coins >= 100 ? 7000 : 5000;
      case 'like': return 3000;
      case 'chat': case 'question': return 6000;
    }
    return 4000;
  }

  function fromEvent(e) {
    var text = rawText(e);
    if (text === null) return null;
    var image = e.type === 'gift' ? e.giftPictureUrl : e.type === 'emote' ? e.emoteUrl : '';
    return {
      id: 'raw-' + L.str(e.id), eventType: e.type, text: text,
      name: L.str(e.nickname || e.uniqueId), userId: L.str(e.userId),
      avatar: L.safeUrl(e.avatarUrl), image: L.safeUrl(image), video: '', sound: '',
      coins: e.type === 'gift' ? num(e.coins, 0) : 0, likes: num(e.likeCount, 1),
      duration: rawDuration(e), animation: '', raw: true
    };
  }

  /* ---- rendering ---- */

  function cssToken(s) { return /^[A-Za-z0-9]{1,32}$/.test(s) ? s : 'other'; }
  function animName(s) { return ANIMATIONS[s] === 1 ? s : 'pop'; }

  function image(url, cls) {
    var i = doc.createElement('img');
    i.className = cls;
    i.alt = '';
    i.decoding = 'async';
    i.referrerPolicy = 'no-referrer';
    i.onerror = function () { i.remove(); };
    i.src = url;
    return i;
  }

  function video(url) {
    var v = doc.createElement('video');
    v.className = 'ltth-alert-video';
    v.playsInline = true;
    v.autoplay = true;
    v.muted = !cfg.sound;
    v.volume = cfg.volume;
    v.src = url;
    var pr = v.play();
    if (pr && pr.catch) pr.catch(function () { v.muted = true; v.play().catch(function () {}); });
    return v;
  }

  function renderText(a, body) {
    var text = L.el('div', 'ltth-alert-text');
    var at = a.name && a.text ? a.text.indexOf(a.name) : -1;
    if (a.html && window.LTTHRichText) { // a flow's "Text is HTML": through the allow-list
      text.classList.add('ltth-rich');
      text.appendChild(window.LTTHRichText.render(a.html));
    } else if (at >= 0) { // the module's text names the viewer: highlight it in place
      text.appendChild(doc.createTextNode(a.text.slice(0, at)));
      text.appendChild(L.el('span', 'ltth-alert-name', a.name));
      text.appendChild(doc.createTextNode(a.text.slice(at + a.name.length)));
    } else {
      if (a.name) body.appendChild(L.el('div', 'ltth-alert-name', a.name));
      text.textContent = a.text;
    }
    if (a.text) body.appendChild(text);
  }

  function render(a) {
    var root = L.el('div', 'ltth-alert ltth-enter ltth-alert-' + cssToken(a.eventType) +
      ' ltth-anim-' + animName(styled('anim') || a.animation));
    root.dataset.eventType = a.eventType;
    root.dataset.alertId = a.id;
    var media = L.el('div', 'ltth-alert-media');
    if (a.video) media.appendChild(video(a.video));
    else if (a.image) media.appendChild(image(a.image, 'ltth-alert-image'));
    if (a.avatar) media.appendChild(image(a.avatar, 'ltth-alert-avatar'));
    if (!media.firstChild) media.appendChild(L.el('div', 'ltth-alert-icon', ICONS[a.eventType] || '★'));
    root.appendChild(media);
    var body = L.el('div', 'ltth-alert-body');
    renderText(a, body);
    if (a.coins > 0) {
      body.appendChild(L.el('div', 'ltth-alert-coins', a.coins.toLocaleString() + ' ' + texts().coins));
    }
    root.appendChild(body);
    return root;
  }

  function playSound(url) {
    if (!url || !cfg.sound) return null;
    var au = new Audio(url);
    au.volume = cfg.volume;
    var pr = au.play();
    if (pr && pr.catch) pr.catch(function () {});
    return au;
  }

  /* ---- the queue ---- */

  function mergeLike(a) {
    if (!a.raw || a.eventType !== 'like' || !a.userId) return false;
    for (var i = 0; i < queue.length; i++) {
      var q = queue[i];
      if (q.raw && q.eventType === 'like' && q.userId === a.userId) {
        q.likes += a.likes;
        q.text = q.likes > 1 ? fmt(texts().like, { n: q.likes }) : texts().likeOne;
        return true;
      }
    }
    return false;
  }

  function enqueue(a) {
    if (mergeLike(a)) return;
    queue.push(a);
    if (queue.length > cfg.maxQueue) queue.splice(0, queue.length - cfg.maxQueue);
    pump();
  }

  function pump() {
    if (current || cooling || paused || !queue.length) return;
    show(queue.shift());
  }

  function show(a) {
    var node = render(a);
    stage.appendChild(node);
    var dur = queue.length > 5 ? Math.max(1500, a.duration * 0.6) : a.duration;
    current = { a: a, node: node, sound: playSound(a.sound), leaving: false, timer: 0 };
    current.timer = setTimeout(finish, dur);
  }

  function finish() {
    var c = current;
    if (!c || c.leaving) return;
    c.leaving = true;
    clearTimeout(c.timer);
    c.node.classList.remove('ltth-enter');
    c.node.classList.add('ltth-exit');
    var done = false;
    function gone() {
      if (done) return;
      done = true;
      c.node.remove();
      if (current === c) current = null;
      cooling = true;
      setTimeout(function () { cooling = false; pump(); }, cfg.gapMs);
    }
    c.node.addEventListener('animationend', function (ev) { if (ev.target === c.node) gone(); });
    setTimeout(gone, cfg.exitMs);
  }

  function skip() {
    if (!current) return;
    if (current.sound) current.sound.pause();
    var v = current.node.querySelector('video');
    if (v) v.pause();
    finish();
  }

  function clearAll() {
    queue.length = 0;
    Object.keys(pending).forEach(cancelPending);
    skip();
  }

  function holdRaw(a, id) {
    if (!id) { enqueue(a); return; }
    cancelPending(id);
    pending[id] = setTimeout(function () {
      delete pending[id];
      if (!moduleSeen) enqueue(a);
    }, cfg.graceMs);
  }

  function cancelPending(id) {
    if (id && pending[id]) {
      clearTimeout(pending[id]);
      delete pending[id];
    }
  }

  function markModule() {
    if (moduleSeen || cfg.mode !== 'auto') return;
    moduleSeen = true;
    Object.keys(pending).forEach(cancelPending);
  }

  /* ---- the feed ---- */

  function forScreen(d) { return !d.screen || d.screen === cfg.screen; }

  function onControl(type, d) {
    switch (type) {
      case 'alert':
        if (cfg.mode === 'raw') return true;
        markModule();
        if (d.event && d.event.id) cancelPending(L.str(d.event.id));
        if (forScreen(d)) enqueue(fromAlert(d));
        return true;
      case 'alertControl':
        markModule();
        if (!forScreen(d)) return true;
        if (d.action === 'skip') skip();
        else if (d.action === 'clear') clearAll();
        return true;
      case 'overlay':
        if (window.LTTHItems) window.LTTHItems.show(d);
        return true;
      case 'alertsPaused':
        markModule();
        paused = !!d.paused;
        doc.body.classList.toggle('ltth-paused', paused);
        pump();
        return true;
    }
    return false;
  }

  function onMessage(m) {
    var d = m.data && typeof m.data === 'object' ? m.data : {};
    if (onControl(m.type, d)) return;
    if (cfg.mode === 'alerts' || (cfg.mode === 'auto' && moduleSeen)) return;
    if (!cfg.types[m.type] || d.type !== m.type) return;
    var a = fromEvent(d);
    if (!a) return;
    if (cfg.mode === 'raw') enqueue(a);
    else holdRaw(a, L.str(d.id));
  }

  L.connect({
    onSnapshot: function (list) { list.forEach(onMessage); },
    onMessage: onMessage
  });

  /* Read-only view of the queue, for tests and debugging. */
  window.LTTHOverlay = {
    config: cfg,
    state: function () {
      return {
        mode: cfg.mode, moduleSeen: moduleSeen, paused: paused, queued: queue.length,
        showing: current ? current.a.id : null
      };
    }
  };
})();
