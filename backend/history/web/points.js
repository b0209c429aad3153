/*
 * LTTH points leaderboard overlay: /overlay/points.html [?count=10] [&theme=dark|light|glass] [&title=..]
 * Draws the retained `pointsTop` message of the /ws feed (viewers with the
 * most loyalty points) and follows it live. Every name goes in as
 * textContent, never as HTML.
 */
(function () {
  "use strict";
  var params = new URLSearchParams(location.search);
  var count = Math.max(1, Math.min(100, parseInt(params.get("count"), 10) || 10));
  var theme = params.get("theme");
  if (theme === "light" || theme === "glass") { document.body.classList.add("theme-" + theme); }
  var list = document.getElementById("list");
  var badge = document.getElementById("badge");
  var titleEl = document.getElementById("title");
  var title = params.has("title") ? params.get("title") : (window.LTTH && window.LTTH.t ? window.LTTH.t("points") : "Top points");
  titleEl.textContent = title;
  titleEl.hidden = !title;

  function span(cls, text) { var s = document.createElement("span"); s.className = cls; s.textContent = text; return s; }

  function render(entries) {
    var rows = entries.slice(0, count).map(function (e, i) {
      var li = document.createElement("li");
      li.setAttribute("data-user", String(e.userId || ""));
      li.append(span("rank", String(i + 1)), span("name", String(e.nickname || e.uniqueId || "?")),
        span("value", (Number(e.points) || 0).toLocaleString()));
      return li;
    });
    list.replaceChildren.apply(list, rows);
  }

  function onMessage(m) {
    if (!m || m.type !== "pointsTop" || !m.data) { return; }
    render(Array.isArray(m.data.entries) ? m.data.entries : []);
  }

  function ownClient(h) {
    var delay = 1000;
    function open() {
      var ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/ws");
      ws.onopen = function () { delay = 1000; badge.textContent = ""; };
      ws.onmessage = function (ev) {
        var v;
        try { v = JSON.parse(ev.data); } catch (e) { return; }
        (Array.isArray(v) ? v : [v]).forEach(function (m) {
          if (m && m.type === "snapshot" && Array.isArray(m.data)) { m.data.forEach(h.onMessage); } else { h.onMessage(m); }
        });
      };
      ws.onclose = function () {
        badge.textContent = "waiting for LTTH\u2026";
        setTimeout(open, delay);
        delay = Math.min(delay * 2, 10000);
      };
    }
    open();
  }

  if (window.LTTH && typeof window.LTTH.connect === "function") {
    window.LTTH.connect({ onMessage: onMessage });
  } else {
    ownClient({ onMessage: onMessage });
  }
})();
