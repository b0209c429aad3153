/*
 * Soundboard dashboard page: /plugins/soundboard/library.html (the
 * manifest's page). Edits the mappings, manages the sound library, searches
 * MyInstants and stops all sounds. Changing requests need LTTH's API token:
 * the dashboard passes it as ?token=… when it embeds the page.
 * Viewer- and site-supplied text only ever goes in through textContent.
 */
(function () {
  'use strict';

  var API = '/api/plugins/soundboard/';
  var token = new URLSearchParams(location.search).get('token') || '';
  var $ = function (id) { return document.getElementById(id); };
  var library = [];
  var gifts = [];
  var page = window.__page = { ready: false };

  function el(tag, text, cls) {
    var n = document.createElement(tag);
    if (text !== undefined && text !== null) n.textContent = String(text);
    if (cls) n.className = cls;
    return n;
  }

  function say(text, isError) {
    var m = $('msg');
    m.textContent = text;
    m.className = isError ? 'error' : '';
    m.hidden = !text;
  }

  function call(method, path, body, raw) {
    var opts = { method: method, headers: {} };
    if (token) opts.headers.Authorization = 'Bearer ' + token;
    if (body !== undefined) {
      opts.body = raw ? body : JSON.stringify(body);
      opts.headers['Content-Type'] = raw ? (body.type || 'application/octet-stream') : 'application/json';
    }
    return fetch(API + path, opts).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (data) {
        if (!res.ok) throw new Error(data.error || res.statusText);
        return data;
      });
    });
  }

  function fail(e) { say(e.message, true); }

  function preview(url) {
    var a = $('preview');
    a.src = url;
    a.play().catch(fail);
  }

  /* ---- library ---- */
  function loadLibrary() {
    return call('GET', 'library').then(function (list) {
      library = list;
      var ul = $('library');
      ul.textContent = '';
      list.forEach(function (s) {
        var li = el('li');
        li.appendChild(el('span', s.name, 'name'));
        li.appendChild(el('span', Math.round(s.size / 1024) + ' KB'));
        var play = el('button', '▶');
        play.type = 'button';
        play.title = 'Preview here';
        play.onclick = function () { preview(API + 'files/' + s.id); };
        var obs = el('button', 'On stream');
        obs.type = 'button';
        obs.onclick = function () { call('POST', 'play', { sound: s.id }).catch(fail); };
        var del = el('button', '✕');
        del.type = 'button';
        del.title = 'Delete';
        del.onclick = function () { call('DELETE', 'library/' + s.id).then(loadLibrary).catch(fail); };
        li.append(play, obs, del);
        ul.appendChild(li);
      });
      document.querySelectorAll('select.sound').forEach(fillSounds);
    });
  }

  function fillSounds(sel) {
    var cur = sel.dataset.value || sel.value;
    sel.textContent = '';
    sel.appendChild(new Option('Choose a sound…', ''));
    library.forEach(function (s) { sel.appendChild(new Option(s.name, s.id)); });
    if (cur && !library.some(function (s) { return s.id === cur; })) sel.appendChild(new Option(cur, cur));
    sel.value = cur || '';
  }

  $('upload').onclick = function () {
    var f = $('upload-file').files[0];
    if (!f) { say('Choose a file first.', true); return; }
    var name = $('upload-name').value.trim() || f.name.replace(/\.[^.]+$/, '');
    call('POST', 'library?name=' + encodeURIComponent(name), f, true)
      .then(function () { say('Added ' + name + '.'); return loadLibrary(); }).catch(fail);
  };

  /* ---- MyInstants ---- */
  function showResults(list) {
    var ul = $('results');
    ul.textContent = '';
    if (!list.length) ul.appendChild(el('li', 'Nothing found.'));
    list.forEach(function (r) {
      var li = el('li');
      li.appendChild(el('span', r.name, 'name'));
      var play = el('button', '▶');
      play.type = 'button';
      play.onclick = function () { preview(r.mp3Url); };
      var add = el('button', 'Add to library');
      add.type = 'button';
      add.onclick = function () {
        add.disabled = true;
        call('POST', 'library/download', { name: r.name, url: r.mp3Url })
          .then(function () { say('Added ' + r.name + '.'); return loadLibrary(); })
          .catch(fail).then(function () { add.disabled = false; });
      };
      li.append(play, add);
      ul.appendChild(li);
    });
  }

  function search(path) {
    say('Searching…');
    call('GET', path).then(function (list) { say(''); showResults(list); }).catch(fail);
  }

  $('search-form').onsubmit = function (e) {
    e.preventDefault();
    search('search?q=' + encodeURIComponent($('q').value));
  };
  $('trending').onclick = function () { search('trending?region=us'); };
  $('category').onchange = function () {
    if (this.value) search('category?name=' + encodeURIComponent(this.value));
  };

  /* ---- mappings ---- */
  var TRIGGERS = [['gift', 'Gift'], ['follow', 'Follow'], ['share', 'Share'], ['subscribe', 'Subscription'],
    ['like', 'Likes within a time'], ['command', 'Chat command']];

  function giftLabel(g) { return g.name + ' (' + g.diamonds + ' coins) #' + g.id; }

  function addRow(m) {
    m = m || { trigger: 'gift' };
    var tr = el('tr');
    var trig = el('select');
    TRIGGERS.forEach(function (t) { trig.appendChild(new Option(t[1], t[0])); });
    trig.value = m.trigger;
    var which = el('td');
    var gift = el('input');
    gift.setAttribute('list', 'gift-list');
    gift.placeholder = 'Gift name or id';
    var g = gifts.find(function (x) { return x.id === m.giftId; });
    gift.value = g ? giftLabel(g) : (m.giftId || '');
    var cmd = el('input');
    cmd.placeholder = '!command';
    cmd.value = m.command || '';
    var likes = el('input');
    likes.type = 'number'; likes.min = 1; likes.placeholder = 'likes';
    likes.value = m.likes || '';
    var win = el('input');
    win.type = 'number'; win.min = 1; win.max = 3600; win.placeholder = 'seconds';
    win.value = m.windowSeconds || '';
    which.append(gift, cmd, likes, win);
    function show() {
      gift.hidden = trig.value !== 'gift';
      cmd.hidden = trig.value !== 'command';
      likes.hidden = win.hidden = trig.value !== 'like';
    }
    trig.onchange = show;
    show();
    var sound = el('select', null, 'sound');
    sound.dataset.value = m.sound || '';
    fillSounds(sound);
    var vol = el('input');
    vol.type = 'number'; vol.min = 0; vol.max = 100;
    vol.value = Math.round((m.volume === undefined ? 1 : m.volume) * 100);
    var anim = el('input');
    anim.placeholder = 'https://… (GIF, picture, video)';
    anim.value = m.animation || '';
    var del = el('button', '✕');
    del.type = 'button';
    del.onclick = function () { tr.remove(); };
    [trig, which, sound, vol, anim, del].forEach(function (n) {
      if (n.tagName === 'TD') { tr.appendChild(n); return; }
      var td = el('td'); td.appendChild(n); tr.appendChild(td);
    });
    tr._read = function () {
      var out = { id: m.id || '', trigger: trig.value, sound: sound.value, volume: (Number(vol.value) || 0) / 100 };
      if (trig.value === 'gift') {
        var id = (gift.value.match(/#(\d+)\s*$/) || gift.value.match(/^\s*(\d+)\s*$/) || [])[1];
        if (!id) {
          var byName = gifts.find(function (x) { return x.name.toLowerCase() === gift.value.trim().toLowerCase(); });
          id = byName && byName.id;
        }
        out.giftId = Number(id) || 0;
      }
      if (trig.value === 'command') out.command = cmd.value.trim();
      if (trig.value === 'like') { out.likes = Number(likes.value) || 0; out.windowSeconds = Number(win.value) || 0; }
      if (anim.value.trim()) out.animation = anim.value.trim();
      return out;
    };
    $('mappings').tBodies[0].appendChild(tr);
  }

  $('add-mapping').onclick = function () { addRow(); };
  $('save-mappings').onclick = function () {
    var list = Array.prototype.map.call($('mappings').tBodies[0].rows, function (tr) { return tr._read(); });
    call('PUT', 'mappings', list).then(function () { say('Saved.'); }).catch(fail);
  };
  $('stop').onclick = function () { call('POST', 'stop').then(function () { say('Stopped.'); }).catch(fail); };

  Promise.all([call('GET', 'gifts'), call('GET', 'categories'), loadLibrary()]).then(function (r) {
    gifts = r[0];
    var dl = $('gift-list');
    gifts.forEach(function (g) { dl.appendChild(new Option(giftLabel(g))); });
    r[1].forEach(function (c) { $('category').appendChild(new Option(c, c)); });
    return call('GET', 'mappings');
  }).then(function (ms) {
    ms.forEach(addRow);
    page.ready = true;
  }).catch(fail);
})();
