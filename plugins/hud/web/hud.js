/*
 * LTTH stream HUD: /plugins/hud/overlay.html
 *
 * Shows the retained "plugin:hud:stats" state: viewers, likes, follows,
 * shares, coins and the stream's uptime (ticking here from startedAt).
 * URL parameters: show=viewers,likes,followers,shares,coins,uptime (which
 * tiles, in that order), layout=horizontal|vertical, labels=0, short=0 (no
 * 12.3K abbreviations), plus the styling ones of style.js and status=0.
 */
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var hud = document.getElementById('hud');
  var stats = { viewers: 0, likes: 0, followers: 0, shares: 0, coins: 0, startedAt: 0, endedAt: 0 };
  var layout = params.get('layout');
  var short = params.get('short') !== '0';

  if (params.get('labels') === '0') hud.classList.add('nolabels');
  if (params.has('show')) {
    var order = params.get('show').split(',');
    Array.prototype.forEach.call(hud.children, function (t) { t.hidden = order.indexOf(t.dataset.stat) < 0; });
    order.forEach(function (name) {
      var t = hud.querySelector('[data-stat="' + CSS.escape(name) + '"]');
      if (t) hud.appendChild(t);
    });
  }

  function fmt(n) {
    n = Number(n) || 0;
    if (!short || n < 10000) return n.toLocaleString('en-US');
    if (n < 1e6) return (n / 1e3).toFixed(n < 1e5 ? 1 : 0) + 'K';
    return (n / 1e6).toFixed(1) + 'M';
  }

  function uptime() {
    if (!stats.startedAt) return '0:00:00';
    var end = stats.endedAt || Date.now();
    var s = Math.max(0, Math.floor((end - stats.startedAt) / 1000));
    var h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60;
    return h + ':' + (m < 10 ? '0' : '') + m + ':' + (s % 60 < 10 ? '0' : '') + (s % 60);
  }

  function set(name, text) {
    var v = hud.querySelector('[data-stat="' + name + '"] .value');
    if (v.textContent !== text) v.textContent = text;
  }

  function render() {
    ['viewers', 'likes', 'followers', 'shares', 'coins'].forEach(function (k) { set(k, fmt(stats[k])); });
    set('uptime', uptime());
    hud.querySelector('[data-stat="uptime"]').classList.toggle('ended', !!stats.endedAt);
  }

  function onMessage(m) {
    if (!m.data || typeof m.data !== 'object') return;
    if (m.type === 'plugin:hud:stats') { stats = m.data; render(); }
    else if (m.type === 'plugin:hud:config' && layout !== 'vertical' && layout !== 'horizontal') {
      hud.classList.toggle('vertical', m.data.hudLayout === 'vertical');
      hud.classList.toggle('horizontal', m.data.hudLayout !== 'vertical');
    }
  }

  if (layout === 'vertical' || layout === 'horizontal') hud.className = layout + (hud.classList.contains('nolabels') ? ' nolabels' : '');
  render();
  setInterval(function () { set('uptime', uptime()); }, 1000);
  LTTH.connect({ onMessage: onMessage });
})();
