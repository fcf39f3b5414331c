(function () {
  "use strict";
  var marks = {}, order = [], cur = -1, hl = null;
  var all = document.querySelectorAll("[data-f]");
  for (var i = 0; i < all.length; i++) {
    var n = +all[i].getAttribute("data-f");
    if (!marks[n]) { marks[n] = []; order.push(n); }
    marks[n].push(all[i]);
  }
  order.sort(function (a, b) { return a - b; });
  document.body.setAttribute("data-findings", String(order.length));
  var status = document.getElementById("status");

  function byId(id) { return document.getElementById(id); }
  function visible(el) {
    var r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }
  // Bring both spans into view: together when they fit, else the first.
  function scrollTo(first, second) {
    var els = [first, second].filter(Boolean);
    if (!els.length) return;
    if (els.length === 2) {
      var a = els[0].getBoundingClientRect(), b = els[1].getBoundingClientRect();
      var top = Math.min(a.top, b.top), bottom = Math.max(a.bottom, b.bottom);
      if (bottom - top < window.innerHeight * 0.7) {
        window.scrollBy(0, (top + bottom) / 2 - window.innerHeight / 2);
        return;
      }
    }
    if (!visible(els[0])) els[0].scrollIntoView({ block: "center" });
  }
  function clear() {
    var old = document.querySelectorAll(".sel");
    for (var i = 0; i < old.length; i++) old[i].classList.remove("sel");
  }
  function select(n, scroll, english) {
    if (!marks[n]) return;
    clear();
    cur = order.indexOf(n);
    marks[n].forEach(function (el) { el.classList.add("sel"); });
    var vi = byId("f-" + n), en = byId("f-" + n + "-en");
    if (scroll) scrollTo(english ? en : vi, english ? vi : en);
    var row = byId("r-" + n);
    status.textContent = "";
    var head = document.createElement("strong");
    head.textContent = "finding " + (cur + 1) + " of " + order.length + ": ";
    status.appendChild(head);
    var msg = row && row.querySelector(".msg");
    status.appendChild(document.createTextNode(msg ? msg.textContent : ""));
    [["Vietnamese", vi && vi.id], ["English", en && en.id], ["table", row && row.id]].forEach(function (l) {
      if (!l[1]) return;
      var a = document.createElement("a");
      a.href = "#" + l[1];
      a.textContent = l[0];
      status.appendChild(document.createTextNode(" · "));
      status.appendChild(a);
    });
    status.hidden = false;
    document.body.setAttribute("data-selected", String(n));
  }
  function fromHash() {
    var h = decodeURIComponent(location.hash.slice(1));
    var m = /^[fr]-(\d+)(-en)?$/.exec(h);
    if (m) { select(+m[1], true, !!m[2]); return; }
    var t = h && byId(h);
    if (hl) hl.classList.remove("hl");
    if (t && t.classList.contains("sent")) { hl = t; t.classList.add("hl"); }
  }
  function step(d) {
    if (!order.length) return;
    var k = cur < 0 ? (d > 0 ? 0 : order.length - 1) : (cur + d + order.length) % order.length;
    select(order[k], true, false);
    history.replaceState(null, "", "#f-" + order[k]);
  }
  // A link (to a span, or a summary figure's source sentence) is followed;
  // a mark or row elsewhere selects its finding.
  document.addEventListener("click", function (e) {
    var el = e.target.closest("[data-f]");
    if (!el) return;
    var n = +el.getAttribute("data-f");
    if (e.target.closest("a")) { if (el.tagName === "MARK") select(n, false, false); return; }
    select(n, el.tagName === "TR", el.id.slice(-3) === "-en");
    history.replaceState(null, "", "#f-" + n);
  });
  document.addEventListener("focusin", function (e) {
    var el = e.target.closest && e.target.closest("mark[data-f]");
    if (el) select(+el.getAttribute("data-f"), false, false);
  });
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var tag = e.target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") return;
    if (e.key === "j" || e.key === "n") step(1);
    else if (e.key === "k" || e.key === "p") step(-1);
    else if (e.key === "Escape") { clear(); status.hidden = true; cur = -1; }
    else return;
    e.preventDefault();
  });
  window.addEventListener("hashchange", fromHash);
  fromHash();
  document.documentElement.classList.add("js");
})();
