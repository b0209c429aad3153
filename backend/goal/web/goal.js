/*
 * LTTH goal overlay: /overlay/goal.html?id=<goal id>
 *   [&style=bar|minimal|circle] [&color=<css color>] [&text=<css color>] [&hideName=1]
 * Follows the /ws feed through /overlay/ltth-client.js when it is there,
 * else through its own small client. All text goes in as textContent.
 */
(function () {
  "use strict";
  var params = new URLSearchParams(location.search);
  var goalId = params.get("id") || "";
  var root = document.getElementById("goal");
  var badge = document.getElementById("badge");
  var ringLen = 2 * Math.PI * 66;
  var shown = 0, anim = 0, current = null;

  function cssColor(v) { return v && window.CSS && CSS.supports("color", v) ? v : ""; }
  function setVar(name, v) { if (cssColor(v)) { document.documentElement.style.setProperty(name, v); } }
  setVar("--text", params.get("text"));

  function setBadge(text) { badge.textContent = text || ""; badge.className = text ? "on" : ""; }

  function fmt(n) { return Math.round(n).toLocaleString(); }

  function setCount(value, target) {
    var text = fmt(value) + " / " + fmt(target);
    root.querySelectorAll(".count").forEach(function (el) { el.textContent = text; });
  }

  // Count smoothly from the shown value to the new one.
  function countTo(value, target) {
    var from = shown, start = performance.now();
    cancelAnimationFrame(anim);
    function step(now) {
      var t = Math.min(1, Math.max(0, now - start) / 800), e = 1 - Math.pow(1 - t, 3);
      shown = from + (value - from) * e;
      setCount(t < 1 ? shown : value, target);
      if (t < 1) { anim = requestAnimationFrame(step); }
    }
    if (document.hidden) { shown = value; setCount(value, target); return; }
    anim = requestAnimationFrame(step);
  }

  function render(g) {
    current = g;
    var style = params.get("style") || g.style || "bar";
    if (["bar", "minimal", "circle"].indexOf(style) < 0) { style = "bar"; }
    root.className = style + (g.reached ? " reached" : "") + (g.visible === false ? " hidden" : "");
    root.querySelector(".name").textContent = params.get("hideName") ? "" : String(g.name || "");
    setVar("--fill", params.get("color") || g.color);
    var value = Number(g.value) || 0, target = Number(g.target) || 0;
    var pct = Math.max(0, Math.min(1, value / Math.max(1, target)));
    root.querySelector(".fill").style.width = (pct * 100) + "%";
    var fg = root.querySelector(".fg");
    fg.style.strokeDasharray = String(ringLen);
    fg.style.strokeDashoffset = String(ringLen * (1 - pct));
    countTo(value, target);
  }

  // Reaching a goal: a banner celebrates it for a few seconds, while the
  // goal stays shown full (a roll-over waits for the banner to end).
  var CELEBRATE_MS = 3500, party = null, partyTimer = 0;
  function celebrate(g) {
    if (!party) {
      party = document.createElement("div");
      party.id = "celebrate";
      party.setAttribute("role", "status");
      document.body.appendChild(party);
    }
    party.textContent = "";
    var title = document.createElement("strong");
    title.textContent = window.LTTH && window.LTTH.t ? window.LTTH.t("goalReached") : "Goal reached!";
    var name = document.createElement("span");
    name.textContent = params.get("hideName") ? "" : String(g.name || "");
    party.appendChild(title);
    party.appendChild(name);
    party.className = "";
    void party.offsetWidth; // restart the animation
    party.className = "on";
    clearTimeout(partyTimer);
    partyTimer = setTimeout(function () { party.className = ""; }, CELEBRATE_MS);
  }

  // A goal that rolls over (add/double/reset on reach) is published full
  // first: show it full while it is celebrated before moving on.
  var holdUntil = 0, held = null, holdTimer = 0;
  function show(g) {
    var now = Date.now();
    if (now < holdUntil && !g.reached) {
      held = g;
      clearTimeout(holdTimer);
      holdTimer = setTimeout(function () { holdUntil = 0; render(held); }, holdUntil - now);
      return;
    }
    if (g.reached && !(current && current.reached) && current) { holdUntil = now + CELEBRATE_MS; celebrate(g); }
    clearTimeout(holdTimer);
    render(g);
  }

  function onMessage(m) {
    if (!m || m.type !== "goal" || !m.data || m.data.id !== goalId) { return; }
    if (m.data.deleted) { current = null; root.classList.add("hidden"); return; }
    setBadge("");
    show(m.data);
  }

  function onSnapshot(list) {
    list.forEach(onMessage);
    if (!current) { setBadge(goalId ? "goal \u201c" + goalId + "\u201d not found" : "no goal id in the URL"); }
  }

  // Fallback feed client (when /overlay/ltth-client.js is not served):
  // object, array and snapshot frames; reconnects with backoff; badge.
  function ownClient(h) {
    var delay = 1000, timer = 0;
    function open() {
      var ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/ws");
      ws.onopen = function () { delay = 1000; clearTimeout(timer); h.onStatus("connected"); };
      ws.onmessage = function (ev) {
        var v;
        try { v = JSON.parse(ev.data); } catch (e) { return; }
        (Array.isArray(v) ? v : [v]).forEach(function (m) {
          if (m && m.type === "snapshot") { h.onSnapshot(Array.isArray(m.data) ? m.data : []); } else { h.onMessage(m); }
        });
      };
      ws.onclose = function () {
        clearTimeout(timer);
        timer = setTimeout(function () { h.onStatus("disconnected"); }, 1500);
        setTimeout(open, delay);
        delay = Math.min(delay * 2, 10000);
      };
    }
    open();
  }

  var handlers = { onMessage: onMessage, onSnapshot: onSnapshot, onStatus: function (s) {
    if (s === "disconnected" && !window.LTTH) { setBadge("waiting for LTTH\u2026"); }
    if (s === "connected" && current) { setBadge(""); }
  } };
  if (window.LTTH && typeof window.LTTH.connect === "function") { window.LTTH.connect(handlers); } else { ownClient(handlers); }
})();
