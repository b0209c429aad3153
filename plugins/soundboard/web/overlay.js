/*
 * LTTH soundboard overlay: /plugins/soundboard/overlay.html
 *
 * Plays "plugin:soundboard:play" messages as <audio> elements in #sounds
 * (all at once in overlap mode, one after another in queue mode) and shows
 * their animation; "plugin:soundboard:stop" stops everything and empties
 * the queue. Add it to OBS as a browser source with "Control audio via
 * OBS" checked so the stream gets the sound.
 *
 * URL parameters: mode=overlap|queue and max=<queue size> override the
 * plugin's settings; status=0 hides the "waiting for LTTH" badge.
 * window.__sb exposes what played (tests and latency measurement).
 */
(function () {
  'use strict';

  var params = new URLSearchParams(location.search);
  var sounds = document.getElementById('sounds');
  var anim = document.getElementById('anim');
  var MAX_VOICES = 16;
  var cfg = { mode: 'overlap', queueMax: 10 };
  var fixed = { mode: params.has('mode'), queueMax: params.has('max') };
  if (fixed.mode) cfg.mode = params.get('mode') === 'queue' ? 'queue' : 'overlap';
  if (fixed.queueMax) cfg.queueMax = Math.max(1, Math.min(50, parseInt(params.get('max'), 10) || 10));
  var queue = [];
  var sb = window.__sb = { started: [], dropped: 0, failed: 0,
    playing: function () { return sounds.children.length; },
    queued: function () { return queue.length; } };

  function applyConfig(c) {
    if (!c) return;
    if (!fixed.mode && (c.mode === 'queue' || c.mode === 'overlap')) cfg.mode = c.mode;
    if (!fixed.queueMax && c.queueMax > 0) cfg.queueMax = c.queueMax;
  }

  function showAnimation(p) {
    var url = LTTH.safeUrl(p.animation);
    if (!url) return;
    var isVideo = /\.(mp4|webm|mov)(\?|#|$)/i.test(url);
    var node = document.createElement(isVideo ? 'video' : 'img');
    node.src = url;
    if (isVideo) { node.muted = true; node.autoplay = true; node.playsInline = true; }
    anim.appendChild(node);
    setTimeout(function () { node.remove(); }, Math.max(500, Math.min(30000, p.animationMs || 5000)));
  }

  function start(p) {
    var url = LTTH.safeUrl(p.url);
    if (!url) { sb.failed++; next(); return; }
    var a = document.createElement('audio');
    a.preload = 'auto';
    a.volume = Math.max(0, Math.min(1, Number(p.volume) || 0));
    a.dataset.id = p.id;
    a.src = url;
    var done = false;
    function finish() {
      if (done) return;
      done = true;
      a.remove();
      next();
    }
    a.addEventListener('playing', function () {
      sb.started.push({ id: p.id, src: a.src, volume: a.volume, latencyMs: Date.now() - (p.at || Date.now()) });
      if (sb.started.length > 200) sb.started.shift();
    }, { once: true });
    a.addEventListener('ended', finish);
    a.addEventListener('error', function () { sb.failed++; finish(); });
    sounds.appendChild(a);
    showAnimation(p);
    var pr = a.play();
    if (pr && pr.catch) pr.catch(function () { sb.failed++; finish(); });
  }

  function next() {
    if (cfg.mode === 'queue' && sounds.children.length === 0 && queue.length) start(queue.shift());
  }

  function play(p) {
    if (!p || typeof p !== 'object') return;
    if (cfg.mode === 'queue') {
      if (sounds.children.length === 0 && queue.length === 0) { start(p); return; }
      if (queue.length >= cfg.queueMax) { sb.dropped++; return; }
      queue.push(p);
      return;
    }
    if (sounds.children.length >= MAX_VOICES) { sb.dropped++; return; }
    start(p);
  }

  function stopAll() {
    queue.length = 0;
    Array.prototype.slice.call(sounds.children).forEach(function (a) {
      a.pause();
      a.removeAttribute('src');
      a.remove();
    });
    anim.textContent = '';
  }

  function onMessage(m) {
    switch (m.type) {
      case 'plugin:soundboard:play': play(m.data); break;
      case 'plugin:soundboard:stop': stopAll(); break;
      case 'plugin:soundboard:config': applyConfig(m.data); break;
    }
  }

  LTTH.connect({
    onSnapshot: function (msgs) {
      msgs.forEach(function (m) { if (m.type === 'plugin:soundboard:config') applyConfig(m.data); });
    },
    onMessage: onMessage
  });
})();
