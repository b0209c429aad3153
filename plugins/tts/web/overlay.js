/*
 * LTTH text-to-speech overlay: /plugins/tts/overlay.html
 *
 * Plays "plugin:tts:speak" clips in the order they come, one at a time
 * (unless the plugin lets speech overlap); "plugin:tts:control" skips the
 * current clip or clears the waiting ones; the retained "plugin:tts:status"
 * pauses and resumes. Add it to OBS as a browser source with "Control
 * audio via OBS" checked.
 *
 * URL parameters: caption=1 shows the text being spoken; status=0 hides
 * the "waiting for LTTH" badge. window.__tts exposes what was spoken.
 */
(function () {
  'use strict';

  var params = new URLSearchParams(location.search);
  var voices = document.getElementById('voices');
  var caption = document.getElementById('caption');
  var showCaption = params.get('caption') === '1';
  var queue = [];
  var paused = false;
  var tts = window.__tts = { spoken: [], failed: 0,
    playing: function () { return voices.children.length; },
    queued: function () { return queue.length; },
    paused: function () { return paused; } };

  function setCaption(text) {
    caption.textContent = text || '';
    caption.hidden = !showCaption || !text;
  }

  function start(c) {
    var url = LTTH.safeUrl(c.url);
    if (!url) { tts.failed++; next(); return; }
    var a = document.createElement('audio');
    a.volume = Math.max(0, Math.min(1, Number(c.volume) || 0));
    a.dataset.id = c.id;
    a.src = url;
    var done = false;
    function finish() {
      if (done) return;
      done = true;
      a.pause();
      a.remove();
      if (!voices.children.length) setCaption('');
      next();
    }
    a.addEventListener('playing', function () {
      if (a.dataset.started) return;
      a.dataset.started = '1';
      tts.spoken.push({ id: c.id, text: c.text, engine: c.engine, latencyMs: Date.now() - (c.at || Date.now()) });
      if (tts.spoken.length > 200) tts.spoken.shift();
    });
    a.addEventListener('ended', finish);
    a.addEventListener('error', function () { tts.failed++; finish(); });
    a._finish = finish;
    voices.appendChild(a);
    setCaption(c.text);
    if (!paused) {
      var pr = a.play();
      if (pr && pr.catch) pr.catch(function () { if (!paused) { tts.failed++; finish(); } });
    }
  }

  function next() {
    if (!paused && queue.length && (voices.children.length === 0 || queue[0].overlap)) start(queue.shift());
  }

  function speak(c) {
    if (!c || typeof c !== 'object') return;
    queue.push(c);
    next();
  }

  function skip() {
    var first = voices.firstElementChild;
    if (first && first._finish) first._finish();
  }

  function clear() {
    queue.length = 0;
    Array.prototype.slice.call(voices.children).forEach(function (a) { if (a._finish) a._finish(); });
  }

  function setPaused(p) {
    paused = !!p;
    Array.prototype.slice.call(voices.children).forEach(function (a) {
      if (paused) a.pause(); else a.play().catch(function () {});
    });
    next();
  }

  function onMessage(m) {
    switch (m.type) {
      case 'plugin:tts:speak': speak(m.data); break;
      case 'plugin:tts:control':
        if (m.data && m.data.action === 'skip') skip();
        if (m.data && m.data.action === 'clear') clear();
        break;
      case 'plugin:tts:status': setPaused(m.data && m.data.paused); break;
    }
  }

  LTTH.connect({
    onSnapshot: function (msgs) {
      msgs.forEach(function (m) { if (m.type === 'plugin:tts:status') setPaused(m.data && m.data.paused); });
    },
    onMessage: onMessage
  });
})();
