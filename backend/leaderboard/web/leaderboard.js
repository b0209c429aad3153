/*
 * LTTH leaderboard overlay: /overlay/leaderboard.html?board=gifters|likers|chatters
 *   &period=stream|all [&limit=10] [&title=..] [&color=<css color>] [&text=<css color>] [&avatars=0]
 * Follows the /ws feed through /overlay/ltth-client.js when it is there,
 * else through its own small client. All text goes in as textContent.
 */
(function () {
  "use strict";
  var params = new URLSearchParams(location.search);
  var board = params.get("board") || "gifters";
  var period = params.get("period") || "stream";
  var limit = Math.max(1, Math.min(100, parseInt(params.get("limit"), 10) || 10));
  var units = { gifters: " \uD83E\uDE99", likers: " \u2764", chatters: " \uD83D\uDCAC" };
  var titles = { gifters: "Top gifters", likers: "Top likers", chatters: "Top chatters" };
  var list = document.getElementById("list");
  var badge = document.getElementById("badge");
  var titleEl = document.getElementById("title");
  var rows = new Map();

  function cssColor(v) { return v && window.CSS && CSS.supports("color", v) ? v : ""; }
  function setVar(name, v) { if (cssColor(v)) { document.documentElement.style.setProperty(name, v); } }
  setVar("--accent", params.get("color"));
  setVar("--text", params.get("text"));
  if (params.get("avatars") === "0") { document.body.classList.add("noavatars"); }
  var tr = function (k, d) { return window.LTTH && window.LTTH.t ? window.LTTH.t(k) : d; };
  var title = params.has("title") ? params.get("title") : (titles[board] ? tr(board, titles[board]) : "") + (period === "all" ? tr("allTime", " (all time)") : "");
  titleEl.textContent = title;
  titleEl.hidden = !title;

  function setBadge(text) { badge.textContent = text || ""; badge.className = text ? "on" : ""; }

  function el(tag, cls) { var e = document.createElement(tag); e.className = cls; return e; }

  function safeUrl(u) {
    if (typeof u !== "string" || u === "") { return ""; }
    try {
      var p = new URL(u, location.href);
      return p.protocol === "http:" || p.protocol === "https:" ? p.href : "";
    } catch (e) { return ""; }
  }

  function place(r, i) { r.style.transform = "translateY(calc(var(--h) * " + i + "))"; }

  function makeRow() {
    var r = el("div", "row gone");
    var img = el("img", "avatar");
    img.alt = "";
    img.referrerPolicy = "no-referrer";
    img.onerror = function () { img.style.visibility = "hidden"; };
    r.append(el("span", "rank"), img, el("span", "name"), el("span", "value"));
    list.appendChild(r);
    place(r, limit); // enter from below the list
    r.getBoundingClientRect();
    return r;
  }

  function fill(r, e, i) {
    r.querySelector(".rank").textContent = String(i + 1);
    r.querySelector(".name").textContent = String(e.nickname || e.uniqueId || "?");
    r.querySelector(".value").textContent = (Number(e.value) || 0).toLocaleString() + (units[board] || "");
    var img = r.querySelector(".avatar"), url = safeUrl(e.avatarUrl);
    if (url && img.src !== url) { img.style.visibility = ""; img.src = url; }
    place(r, i);
    r.classList.remove("gone");
  }

  function render(entries) {
    var keep = new Set();
    entries.slice(0, limit).forEach(function (e, i) {
      var id = String(e.userId || e.uniqueId || i);
      keep.add(id);
      if (!rows.has(id)) { rows.set(id, makeRow()); }
      fill(rows.get(id), e, i);
    });
    rows.forEach(function (r, id) {
      if (keep.has(id)) { return; }
      rows.delete(id);
      r.classList.add("gone");
      setTimeout(function () { r.remove(); }, 500);
    });
    list.style.height = "calc(var(--h) * " + Math.min(entries.length, limit) + ")";
  }

  function onMessage(m) {
    if (!m || m.type !== "leaderboard" || !m.data || m.data.board !== board || m.data.period !== period) { return; }
    render(Array.isArray(m.data.entries) ? m.data.entries : []);
  }

  // Fallback feed client (when /overlay/ltth-client.js is not served):
  // object, array and snapshot frames; reconnects with backoff; badge.
  function ownClient(h) {
    var delay = 1000, timer = 0;
    function open() {
      var ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/ws");
      ws.onopen = function () { delay = 1000; clearTimeout(timer); setBadge(""); };
      ws.onmessage = function (ev) {
        var v;
        try { v = JSON.parse(ev.data); } catch (e) { return; }
        (Array.isArray(v) ? v : [v]).forEach(function (m) {
          if (m && m.type === "snapshot" && Array.isArray(m.data)) { m.data.forEach(h.onMessage); } else { h.onMessage(m); }
        });
      };
      ws.onclose = function () {
        clearTimeout(timer);
        timer = setTimeout(function () { setBadge("waiting for LTTH\u2026"); }, 1500);
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
