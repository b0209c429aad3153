/*
 * Styling URL parameters shared by the HUD and the chat box:
 * scale=<0.5..3>, color=<css colour>, accent=<css colour>, bg=<css colour>,
 * font=<font family>. Colours are checked with CSS.supports, so nothing but
 * a colour reaches the page's CSS.
 */
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var root = document.documentElement.style;
  var s = parseFloat(params.get('scale'));
  if (isFinite(s)) root.setProperty('--scale', String(Math.max(0.5, Math.min(3, s))));
  [['color', '--fg'], ['accent', '--accent'], ['bg', '--bg']].forEach(function (p) {
    var v = params.get(p[0]);
    if (v && CSS.supports('color', v)) root.setProperty(p[1], v);
  });
  var f = params.get('font');
  if (f && /^[\w ,"'-]{1,80}$/.test(f)) root.setProperty('--font', f);
})();
