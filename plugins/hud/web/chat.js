/*
 * LTTH chat box: /plugins/hud/chat.html
 *
 * Chat and emote events from /ws. Viewer text is only ever set with
 * textContent (LTTH.el), never parsed as markup; emote pictures and avatars
 * only from http(s) URLs. Badges: moderator, subscriber and top gifter (the
 * top N of the leaderboard module's stream gifters board).
 *
 * URL parameters (override the plugin's settings): max=<lines 1..50>,
 * fade=<seconds, 0 = never>, align=bottom|top, badges=0, avatars=0,
 * commands=1 (show !commands), top=<top gifter badge for the top N, 0 = off>,
 * plus the styling ones of style.js and status=0.
 */
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var box = document.getElementById('chat');
  var cfg = { chatMaxLines: 10, chatFadeSeconds: 30, chatHideCommands: true, topGifterBadge: 3 };
  var topGifters = [];

  function intParam(name, lo, hi) {
    var v = parseInt(params.get(name), 10);
    return isFinite(v) ? Math.max(lo, Math.min(hi, v)) : null;
  }
  function opt(key, param, lo, hi) { var v = intParam(param, lo, hi); return v === null ? cfg[key] : v; }
  function maxLines() { return opt('chatMaxLines', 'max', 1, 50); }
  function fadeSeconds() { return opt('chatFadeSeconds', 'fade', 0, 3600); }
  function topN() { return opt('topGifterBadge', 'top', 0, 10); }
  function hideCommands() { return params.has('commands') ? params.get('commands') !== '1' : cfg.chatHideCommands; }

  box.className = params.get('align') === 'top' ? 'top' : 'bottom';
  if (params.get('badges') === '0') box.classList.add('nobadges');
  if (params.get('avatars') === '0') box.classList.add('noavatars');

  function badges(line, u) {
    if (u.isModerator) line.appendChild(LTTH.el('span', 'badge mod', 'MOD'));
    if (u.isSubscriber) line.appendChild(LTTH.el('span', 'badge sub', 'SUB'));
    var n = topN();
    if (n > 0 && u.userId && topGifters.slice(0, n).indexOf(u.userId) >= 0) line.appendChild(LTTH.el('span', 'badge top', 'TOP'));
  }

  function add(e) {
    var line = LTTH.el('div', 'line');
    line.dataset.type = e.type;
    var av = LTTH.safeUrl(e.avatarUrl);
    if (av) { var a = LTTH.el('img', 'avatar'); a.alt = ''; a.src = av; line.appendChild(a); }
    badges(line, e);
    line.appendChild(LTTH.el('span', 'name', e.nickname || e.uniqueId || '?'));
    if (e.type === 'emote') {
      var src = LTTH.safeUrl(e.emoteUrl);
      if (!src) return;
      var img = LTTH.el('img', 'emote'); img.alt = 'emote'; img.src = src;
      line.appendChild(img);
    } else {
      line.appendChild(LTTH.el('span', 'text', e.comment));
    }
    if (box.classList.contains('top')) box.insertBefore(line, box.firstChild); else box.appendChild(line);
    trim();
    var fade = fadeSeconds();
    if (fade > 0) {
      setTimeout(function () { line.classList.add('fading'); }, fade * 1000);
      setTimeout(function () { line.remove(); }, fade * 1000 + 900);
    }
  }

  function trim() {
    var max = maxLines();
    while (box.children.length > max) {
      if (box.classList.contains('top')) box.lastChild.remove(); else box.firstChild.remove();
    }
  }

  function onMessage(m) {
    var d = m.data;
    if (!d || typeof d !== 'object') return;
    if (m.type === 'chat') {
      if (typeof d.comment !== 'string' || d.comment === '') return;
      if (hideCommands() && d.comment.charAt(0) === '!') return;
      add(d);
    } else if (m.type === 'emote') {
      add(d);
    } else if (m.type === 'leaderboard' && d.board === 'gifters' && d.period === 'stream' && Array.isArray(d.entries)) {
      topGifters = d.entries.map(function (r) { return r.userId; });
    } else if (m.type === 'plugin:hud:config') {
      cfg = Object.assign(cfg, d);
      trim();
    }
  }

  window.__chat = { lines: function () { return box.children.length; } };
  LTTH.connect({ onMessage: onMessage });
})();
