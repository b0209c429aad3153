/*
 * TTS dashboard page: /plugins/tts/control.html (the manifest's page).
 * Queue with pause/skip/clear, engine status, a "say something" box and
 * the secrets (shown masked). Changing requests need LTTH's API token,
 * passed by the dashboard as ?token=…. Text goes in through textContent.
 */
(function () {
  'use strict';

  var API = '/api/plugins/tts/';
  var token = new URLSearchParams(location.search).get('token') || '';
  var $ = function (id) { return document.getElementById(id); };
  var page = window.__page = { ready: false, paused: false };

  function say(text, isError) {
    var m = $('msg');
    m.textContent = text;
    m.className = isError ? 'error' : '';
    m.hidden = !text;
  }

  function call(method, path, body) {
    var opts = { method: method, headers: {} };
    if (token) opts.headers.Authorization = 'Bearer ' + token;
    if (body !== undefined) {
      opts.body = JSON.stringify(body);
      opts.headers['Content-Type'] = 'application/json';
    }
    return fetch(API + path, opts).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (data) {
        if (!res.ok) throw new Error(data.error || res.statusText);
        return data;
      });
    });
  }

  function fail(e) { say(e.message, true); }

  function li(text, cls) {
    var n = document.createElement('li');
    n.textContent = text;
    if (cls) n.className = cls;
    return n;
  }

  function refresh() {
    return call('GET', 'queue').then(function (q) {
      page.paused = q.paused;
      $('pause').textContent = q.paused ? 'Resume' : 'Pause';
      var ol = $('queue');
      ol.textContent = '';
      if (!q.items.length) ol.appendChild(li('Nothing waiting.', 'problem'));
      q.items.forEach(function (it) { ol.appendChild(li((it.user ? it.user + ': ' : '') + it.text)); });
      var ul = $('engines');
      ul.textContent = '';
      if (!q.engines.length) ul.appendChild(li('No engine chosen in the settings.', 'problem'));
      q.engines.forEach(function (e) {
        ul.appendChild(li(e.name + ': ' + (e.ready ? 'ready' : e.problem), e.ready ? 'ready' : 'problem'));
      });
      $('last-error').textContent = q.lastError || '';
      $('last-error').hidden = !q.lastError;
      page.ready = true;
    }).catch(fail);
  }

  function act(path, done) {
    return function () { call('POST', path).then(function () { say(done); return refresh(); }).catch(fail); };
  }

  $('pause').onclick = function () { act(page.paused ? 'resume' : 'pause', page.paused ? 'Resumed.' : 'Paused.')(); };
  $('skip').onclick = act('skip', 'Skipped.');
  $('clear').onclick = act('clear', 'Queue cleared.');
  $('speak-form').onsubmit = function (e) {
    e.preventDefault();
    call('POST', 'speak', { text: $('text').value }).then(function () { $('text').value = ''; say('Queued.'); return refresh(); }).catch(fail);
  };
  $('secrets-form').onsubmit = function (e) {
    e.preventDefault();
    var body = {};
    if ($('tiktok').value) body.tiktokSessionId = $('tiktok').value;
    if ($('apikey').value) body.httpApiKey = $('apikey').value;
    call('PUT', 'secrets', body).then(showSecrets).then(function () { say('Saved.'); return refresh(); }).catch(fail);
  };

  function showSecrets(s) {
    $('tiktok').value = '';
    $('apikey').value = '';
    $('tiktok').placeholder = s.tiktokSessionId || 'not set';
    $('apikey').placeholder = s.httpApiKey || 'not set';
  }

  call('GET', 'secrets').then(showSecrets).catch(fail);
  refresh();
  setInterval(refresh, 2000);
})();
