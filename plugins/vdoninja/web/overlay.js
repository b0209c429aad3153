/*
 * LTTH VDO.Ninja overlay: /plugins/vdoninja/overlay.html
 *
 * Embeds the room's VDO.Ninja director page (or, with view=scene, the scene
 * with every guest) and forwards each "plugin:vdoninja:command" from /ws to
 * it with postMessage in VDO.Ninja's iframe-API format {action, target,
 * value}, addressed to the VDO.Ninja origin only. When the page (re)loads,
 * the retained state's controls (mutes, volumes, solo, layout) are sent
 * again, so a refreshed OBS source comes back as it was.
 *
 * URL parameters: view=director|scene, clean=0 (keep VDO.Ninja's own
 * controls visible; default adds &cleanoutput), status=0.
 */
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var frame = document.getElementById('vdo');
  var st = { src: '', origin: '', loaded: false, queue: [], controls: null };
  var debug = window.__vdo = { sent: [], events: [] };

  function frameUrl(state) {
    var links = state.links || {};
    var raw = params.get('view') === 'scene' ? links.scene : links.director;
    var safe = LTTH.safeUrl(raw);
    if (!safe) return '';
    var u = new URL(safe);
    if (params.get('clean') !== '0') u.searchParams.set('cleanoutput', '');
    return u.href;
  }

  function post(cmd) {
    if (!cmd || typeof cmd.action !== 'string') return;
    var msg = { action: cmd.action, value: cmd.value };
    if (cmd.target) msg.target = String(cmd.target);
    if (!st.loaded) {
      if (st.queue.length < 200) st.queue.push(msg);
      return;
    }
    frame.contentWindow.postMessage(msg, st.origin);
    debug.sent.push(msg);
  }

  /* replay sends the retained controls again after the page (re)loaded. */
  function replay() {
    var c = st.controls;
    if (!c) return;
    (c.guests || []).forEach(function (g) {
      var t = String(g.slot);
      if (g.muted) post({ action: 'mic', target: t, value: false });
      if (typeof g.volume === 'number' && g.volume !== 100) post({ action: 'volume', target: t, value: g.volume });
      if (g.solo) post({ action: 'soloVideo', target: t, value: true });
    });
    if (c.layout) post({ action: 'layout', value: c.layout });
  }

  function onLoad() {
    st.loaded = true;
    var q = st.queue; st.queue = [];
    replay();
    q.forEach(post);
  }

  /* load replaces the iframe by a new one created with its address, so the
   * first load event is that page's (never an earlier about:blank). */
  function load(src) {
    var f = document.createElement('iframe');
    f.id = 'vdo';
    f.title = frame.title;
    f.allow = frame.allow;
    if (src) { f.src = src; f.addEventListener('load', onLoad); }
    frame.replaceWith(f);
    frame = f;
  }

  window.addEventListener('message', function (e) {
    if (e.source !== frame.contentWindow || e.origin !== st.origin) return;
    if (debug.events.length >= 50) debug.events.shift();
    debug.events.push(e.data);
  });

  function applyState(state) {
    st.controls = state.controls || null;
    var src = frameUrl(state);
    if (src === st.src) return;
    st.src = src; st.loaded = false; st.queue = [];
    st.origin = src ? new URL(src).origin : '';
    load(src);
  }

  function onMessage(m) {
    if (!m.data || typeof m.data !== 'object') return;
    if (m.type === 'plugin:vdoninja:state') applyState(m.data);
    else if (m.type === 'plugin:vdoninja:command') post(m.data);
  }

  LTTH.connect({ onMessage: onMessage });
})();
