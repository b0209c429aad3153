/*
 * LTTH topboard overlay: /plugins/topboard/overlay.html
 *
 * Top gifters come from the leaderboard module's retained `leaderboard`
 * messages (board "gifters"); the biggest streak and the last donors from
 * the plugin's retained "plugin:topboard:state". Everything viewers wrote
 * (names) is set as text, pictures only from http(s) URLs.
 *
 * URL parameters (override the plugin's settings): layout=vertical|horizontal,
 * period=stream|all, top=<1..10>, donors=<0..20>, streak=0, title=<text>,
 * scale=<0.5..3>, color=<css colour>, accent=<css colour>, bg=<css colour>,
 * font=<font family>, status=0.
 */
(function () {
  'use strict';

  var params = new URLSearchParams(location.search);
  var board = document.getElementById('board');
  var cfg = { layout: 'vertical', period: 'stream', top: 5, donors: 5, title: 'Top gifters', showStreak: true };
  var boards = {}; // period -> latest gifters entries
  var state = { streak: null, donors: [] };

  function intParam(name, lo, hi) {
    var v = parseInt(params.get(name), 10);
    return isFinite(v) ? Math.max(lo, Math.min(hi, v)) : null;
  }

  function fromParams(c) {
    var l = params.get('layout');
    if (l === 'vertical' || l === 'horizontal') c.layout = l;
    var p = params.get('period');
    if (p === 'stream' || p === 'all') c.period = p;
    var t = intParam('top', 1, 10); if (t !== null) c.top = t;
    var d = intParam('donors', 0, 20); if (d !== null) c.donors = d;
    if (params.get('streak') === '0') c.showStreak = false;
    if (params.has('title')) c.title = params.get('title');
    return c;
  }

  function style() {
    var root = document.documentElement.style;
    var s = parseFloat(params.get('scale'));
    if (isFinite(s)) root.setProperty('--scale', String(Math.max(0.5, Math.min(3, s))));
    [['color', '--fg'], ['accent', '--accent'], ['bg', '--bg']].forEach(function (p) {
      var v = params.get(p[0]);
      if (v && CSS.supports('color', v)) root.setProperty(p[1], v);
    });
    var f = params.get('font');
    if (f && /^[\w ,"'-]{1,80}$/.test(f)) root.setProperty('--font', f);
  }

  function row(rank, user, value, picture) {
    var li = LTTH.el('li', 'row');
    if (rank) li.appendChild(LTTH.el('span', 'rank', rank + '.'));
    var av = LTTH.safeUrl(user.avatarUrl);
    if (av) { var img = LTTH.el('img', 'avatar'); img.alt = ''; img.src = av; li.appendChild(img); }
    li.appendChild(LTTH.el('span', 'name', user.nickname || user.uniqueId || '?'));
    var pic = LTTH.safeUrl(picture);
    if (pic) { var g = LTTH.el('img', 'gift'); g.alt = ''; g.src = pic; li.appendChild(g); }
    li.appendChild(LTTH.el('span', 'value', value));
    return li;
  }

  function render() {
    var c = fromParams(Object.assign({}, cfg));
    board.className = c.layout;
    board.dataset.layout = c.layout;
    board.querySelector('#top .title').textContent = c.title || 'Top gifters';
    var list = board.querySelector('#top .list');
    list.replaceChildren();
    (boards[c.period] || []).slice(0, c.top).forEach(function (e, i) {
      list.appendChild(row(e.rank || i + 1, e, String(e.value)));
    });

    var streak = document.getElementById('streak');
    var s = state.streak;
    streak.hidden = !c.showStreak || !s;
    var card = streak.querySelector('.card');
    card.replaceChildren();
    if (s) {
      card.className = 'card' + (s.running ? ' running' : '');
      card.appendChild(row(0, s, '×' + s.repeatCount + ' · ' + s.coins, s.giftPictureUrl));
    }

    var donors = document.getElementById('donors');
    var dl = donors.querySelector('.list');
    dl.replaceChildren();
    (state.donors || []).slice(0, c.donors).forEach(function (g) {
      dl.appendChild(row(0, g, String(g.coins), g.giftPictureUrl));
    });
    donors.hidden = c.donors === 0 || dl.children.length === 0;
  }

  function onMessage(m) {
    var d = m.data;
    if (!d || typeof d !== 'object') return;
    if (m.type === 'leaderboard' && d.board === 'gifters' && Array.isArray(d.entries)) {
      boards[d.period] = d.entries;
    } else if (m.type === 'plugin:topboard:state') {
      if (d.config) cfg = Object.assign(cfg, d.config);
      state = { streak: d.streak || null, donors: Array.isArray(d.donors) ? d.donors : [] };
    } else {
      return;
    }
    render();
  }

  style();
  render();
  LTTH.connect({
    onSnapshot: function (list) { boards = {}; list.forEach(onMessage); render(); },
    onMessage: onMessage
  });
})();
