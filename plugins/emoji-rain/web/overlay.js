/*
 * LTTH emoji rain overlay: /plugins/emoji-rain/overlay.html
 *
 * Emojis (or a picture) fall with gravity, bounce on the ground, pile up in
 * columns and fade out after the configured time. One requestAnimationFrame
 * loop that stops while nothing is on screen; sprites pooled, emoji glyphs
 * pre-rendered once per size; what falls is drawn on one canvas every frame,
 * the pile on the ground on another only when it changes.
 *
 * URL parameters (override the plugin's settings): size=<px>,
 * duration=<ms on the ground>, max=<most on screen>, gravity=<px/s²>,
 * bounce=<0..0.9>, spin=0 (upright, cheaper to draw), status=0 (no "waiting
 * for LTTH" badge).
 * window.__stats and canvas[data-active] expose what is on screen.
 */
(function () {
  'use strict';

  var params = new URLSearchParams(location.search);
  var canvas = document.getElementById('rain');   // what is in the air, redrawn every frame
  var ctx = canvas.getContext('2d');
  var pileCanvas = document.getElementById('pile'); // what lies on the ground, redrawn on change
  var pctx = pileCanvas.getContext('2d');
  var pileDirty = false;
  var stats = window.__stats = { active: 0, falling: 0, pictures: 0, spawned: 0, landed: 0, frames: 0, workMs: [] };

  function num(name, def, lo, hi) {
    var v = parseFloat(params.get(name));
    if (!isFinite(v)) return def;
    return Math.max(lo, Math.min(hi, v));
  }

  var cfg = { size: 48, durationMs: 6000, maxOnScreen: 500 };
  var fixed = { size: params.has('size'), durationMs: params.has('duration'), maxOnScreen: params.has('max') };
  cfg.size = num('size', cfg.size, 16, 160);
  cfg.durationMs = num('duration', cfg.durationMs, 500, 600000);
  cfg.maxOnScreen = num('max', cfg.maxOnScreen, 10, 2000);
  var gravity = num('gravity', 1800, 100, 6000);
  var bounce = num('bounce', 0.45, 0, 0.9);
  var spin = params.get('spin') !== '0';
  var FADE_MS = 800;

  var W = 0, H = 0, dpr = 1, colW = 48, columns = [];

  function resize() {
    dpr = window.devicePixelRatio || 1;
    W = window.innerWidth; H = window.innerHeight;
    canvas.width = pileCanvas.width = Math.round(W * dpr);
    canvas.height = pileCanvas.height = Math.round(H * dpr);
    layoutColumns();
  }

  function layoutColumns() {
    colW = cfg.size;
    var n = Math.max(1, Math.floor(W / colW));
    var old = columns;
    columns = [];
    for (var i = 0; i < n; i++) columns.push([]);
    old.forEach(function (stack) { stack.forEach(function (s) { s.resting = false; s.col = -1; }); });
    pileDirty = true;
  }

  /* ---- textures: one pre-rendered canvas per emoji/text and size ---- */
  var textures = new Map();
  function textTexture(text) {
    var key = cfg.size + '|' + text;
    var t = textures.get(key);
    if (t) return t;
    var px = Math.round(cfg.size * dpr);
    var c = document.createElement('canvas');
    var g = c.getContext('2d');
    var font = Math.round(px * 0.82) + 'px "Noto Color Emoji", "Apple Color Emoji", "Segoe UI Emoji", sans-serif';
    g.font = font;
    var w = Math.max(px, Math.ceil(g.measureText(text).width) + 4);
    c.width = w; c.height = px;
    g.font = font; g.textAlign = 'center'; g.textBaseline = 'middle';
    g.fillStyle = '#fff';
    g.fillText(text, w / 2, px / 2 + 1);
    t = { img: c, w: w / dpr, h: cfg.size };
    if (textures.size > 256) textures.clear();
    textures.set(key, t);
    return t;
  }

  var images = new Map();
  function imageTexture(url) {
    var t = images.get(url);
    if (t) return t;
    var img = new Image();
    img.decoding = 'async';
    img.onload = img.onerror = function () { pileDirty = true; kick(); }; // redraw what already landed
    img.src = url;
    t = { img: img, w: cfg.size, h: cfg.size, isImage: true };
    if (images.size > 64) images.clear();
    images.set(url, t);
    return t;
  }

  /* ---- sprites, pooled ---- */
  var pool = [];
  var live = [];

  function acquire() {
    var s = pool.pop();
    if (!s) s = { x: 0, y: 0, vx: 0, vy: 0, rot: 0, vrot: 0, tex: null, alt: null, resting: false, col: -1, restAt: 0, alpha: 1 };
    return s;
  }

  function spawn(count, emojis, imageUrl) {
    var url = imageUrl ? LTTH.safeUrl(imageUrl) : '';
    var list = Array.isArray(emojis) ? emojis.filter(function (e) { return typeof e === 'string' && e !== ''; }) : [];
    count = Math.min(Math.max(0, count | 0), cfg.maxOnScreen - live.length);
    for (var i = 0; i < count; i++) {
      var s = acquire();
      s.alt = textTexture(list.length ? list[(Math.random() * list.length) | 0] : '❤️');
      s.tex = url ? imageTexture(url) : s.alt; // a picture that fails to load falls back to the emoji
      s.x = cfg.size / 2 + Math.random() * Math.max(1, W - cfg.size);
      s.y = -cfg.size - Math.random() * H * 0.6;
      s.vx = (Math.random() - 0.5) * 120;
      s.vy = Math.random() * 200;
      s.rot = spin ? (Math.random() - 0.5) * 0.6 : 0;
      s.vrot = spin ? (Math.random() - 0.5) * 2 : 0;
      s.resting = false; s.col = -1; s.alpha = 1; s.restAt = 0;
      live.push(s);
      stats.spawned++;
    }
    stats.active = live.length;
    canvas.dataset.active = String(live.length);
    if (count > 0) kick();
  }

  function groundFor(col) {
    return H - columns[col].length * cfg.size * 0.82;
  }

  function land(s, now) {
    var col = Math.min(columns.length - 1, Math.max(0, Math.floor(s.x / colW)));
    var ground = groundFor(col);
    if (s.y + cfg.size / 2 < ground) return;
    s.y = ground - cfg.size / 2;
    if (s.vy > 260) { s.vy = -s.vy * bounce; s.vx *= 0.7; s.vrot *= 0.5; return; }
    s.resting = true; s.col = col; s.vy = 0; s.vx = 0; s.vrot = 0;
    s.x = col * colW + colW / 2 + (Math.random() - 0.5) * cfg.size * 0.2;
    if (!s.restAt) s.restAt = now; // falling again after the pile below shrank keeps its time
    columns[col].push(s);
    pileDirty = true;
    stats.landed++;
  }

  /* remove takes s off its column; everything above it falls again. */
  function unstack(s) {
    if (s.col < 0 || !columns[s.col]) return;
    var stack = columns[s.col];
    var i = stack.indexOf(s);
    if (i >= 0) {
      for (var j = i + 1; j < stack.length; j++) { stack[j].resting = false; stack[j].col = -1; }
      stack.length = i;
    }
    s.col = -1;
    pileDirty = true;
  }

  function step(s, dt, now) {
    if (s.resting) {
      var age = now - s.restAt - cfg.durationMs;
      if (age > 0) { s.alpha = Math.max(0, 1 - age / FADE_MS); pileDirty = true; }
      return s.alpha > 0;
    }
    s.vy += gravity * dt;
    s.x += s.vx * dt; s.y += s.vy * dt; s.rot += s.vrot * dt;
    var r = cfg.size / 2;
    if (s.x < r) { s.x = r; s.vx = Math.abs(s.vx); } else if (s.x > W - r) { s.x = W - r; s.vx = -Math.abs(s.vx); }
    land(s, now);
    return true;
  }

  function draw(g, s) {
    var t = s.tex;
    if (t.isImage && !(t.img.complete && t.img.naturalWidth > 0)) {
      if (!t.img.complete) return; // still loading
      t = s.alt;                   // broken: the emoji instead
    }
    g.globalAlpha = s.alpha;
    if (s.rot === 0) { // upright: a plain copy at whole pixels, much cheaper to raster
      g.setTransform(dpr, 0, 0, dpr, 0, 0);
      g.drawImage(t.img, Math.round(s.x - t.w / 2), Math.round(s.y - t.h / 2), t.w, t.h);
      return;
    }
    var c = Math.cos(s.rot) * dpr, n = Math.sin(s.rot) * dpr;
    g.setTransform(c, n, -n, c, s.x * dpr, s.y * dpr);
    g.drawImage(t.img, -t.w / 2, -t.h / 2, t.w, t.h);
  }

  function drawPile() {
    pileDirty = false;
    pctx.setTransform(1, 0, 0, 1, 0, 0);
    pctx.clearRect(0, 0, pileCanvas.width, pileCanvas.height);
    for (var i = 0; i < live.length; i++) if (live[i].resting) draw(pctx, live[i]);
    pctx.globalAlpha = 1;
  }

  var running = false, last = 0, airDrawn = false;

  function frame(ts) {
    var t0 = performance.now();
    var dt = last ? Math.min(0.05, (ts - last) / 1000) : 1 / 60;
    last = ts;
    var now = Date.now();
    var keep = 0, falling = 0, pictures = 0;
    for (var i = 0; i < live.length; i++) {
      var s = live[i];
      if (step(s, dt, now)) {
        live[keep++] = s;
        if (!s.resting) falling++;
        if (s.tex.isImage && s.tex.img.naturalWidth > 0) pictures++;
      } else { unstack(s); s.tex = s.alt = null; pool.push(s); }
    }
    live.length = keep;
    if (falling > 0 || airDrawn) {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      for (var j = 0; j < keep; j++) if (!live[j].resting) draw(ctx, live[j]);
      ctx.globalAlpha = 1;
      airDrawn = falling > 0;
    }
    if (pileDirty) drawPile();
    stats.falling = falling;
    stats.pictures = pictures;
    stats.active = keep;
    stats.frames++;
    canvas.dataset.active = String(keep);
    if (stats.workMs.length >= 600) stats.workMs.shift();
    stats.workMs.push(performance.now() - t0);
    if (keep > 0) { requestAnimationFrame(frame); } else { running = false; last = 0; }
  }

  function kick() {
    if (running) return;
    running = true;
    requestAnimationFrame(frame);
  }

  function applyConfig(c) {
    if (!c || typeof c !== 'object') return;
    var sizeBefore = cfg.size;
    if (!fixed.size && c.size > 0) cfg.size = Math.max(16, Math.min(160, c.size));
    if (!fixed.durationMs && c.durationMs > 0) cfg.durationMs = c.durationMs;
    if (!fixed.maxOnScreen && c.maxOnScreen > 0) cfg.maxOnScreen = c.maxOnScreen;
    if (cfg.size !== sizeBefore) layoutColumns();
  }

  function onMessage(m) {
    if (m.type === 'plugin:emoji-rain:config') applyConfig(m.data);
    else if (m.type === 'plugin:emoji-rain:rain' && m.data) spawn(m.data.count, m.data.emojis, m.data.imageUrl);
  }

  window.addEventListener('resize', resize);
  resize();
  window.__rain = spawn; // for local previews and the frame-time benchmark
  LTTH.connect({
    onSnapshot: function (list) { list.forEach(onMessage); },
    onMessage: onMessage
  });
})();
