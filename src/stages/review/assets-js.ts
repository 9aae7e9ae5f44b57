/**
 * review/assets/review.js: the index's sorting and filtering, and the report page's flags, zoom, cell details
 * and corrections.jsonl downloads. Plain browser script (no modules: file:// pages cannot load ES modules from
 * disk in Chromium), no network access.
 */
export const REVIEW_JS = String.raw`
"use strict";
(function () {
  function $(selector, root) { return (root || document).querySelector(selector); }
  function $$(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }
  function esc(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }
  function fmt(value) { return value === null || value === undefined ? "∅" : String(Math.round(value * 1e6) / 1e6); }

  // ---- index: filters and sorting ----
  function setupIndex() {
    var table = $("#reports");
    var rows = $$("tbody tr", table);
    var inputs = ["#f-agency", "#f-year", "#f-rule", "#f-status", "#f-template", "#f-flagged"].map(function (s) { return $(s); });
    function apply() {
      var agency = $("#f-agency").value.trim();
      var year = $("#f-year").value, rule = $("#f-rule").value, status = $("#f-status").value;
      var template = $("#f-template").value, flagged = $("#f-flagged").checked;
      var shown = 0;
      rows.forEach(function (row) {
        var d = row.dataset;
        var ok = (!agency || d.agency.indexOf(agency) >= 0) && (!year || d.year === year) &&
          (!rule || d.rules.indexOf(" " + rule + " ") >= 0) && (!status || d.status === status) &&
          (!template || d.template === template) &&
          (!flagged || Number(row.children[4].textContent) + Number(row.children[5].textContent) > 0);
        row.hidden = !ok;
        if (ok) shown++;
      });
      $("#shown").textContent = shown + " of " + rows.length;
      var params = new URLSearchParams();
      if (agency) params.set("agency", agency);
      if (year) params.set("year", year);
      if (rule) params.set("rule", rule);
      if (status) params.set("status", status);
      if (template) params.set("template", template);
      history.replaceState(null, "", params.toString() ? "#" + params.toString() : location.pathname);
    }
    var initial = new URLSearchParams(location.hash.slice(1));
    [["agency", "#f-agency"], ["year", "#f-year"], ["rule", "#f-rule"], ["status", "#f-status"], ["template", "#f-template"]]
      .forEach(function (p) { if (initial.get(p[0])) $(p[1]).value = initial.get(p[0]); });
    $("#filters").addEventListener("submit", function (event) { event.preventDefault(); });
    inputs.forEach(function (input) { input.addEventListener("input", apply); input.addEventListener("change", apply); });
    $$("thead th", table).forEach(function (th, index) {
      th.addEventListener("click", function () {
        var asc = !th.classList.contains("sorted-asc");
        $$("thead th", table).forEach(function (other) { other.classList.remove("sorted-asc", "sorted-desc"); });
        th.classList.add(asc ? "sorted-asc" : "sorted-desc");
        var numeric = th.dataset.type === "number";
        var key = function (row) {
          var cell = row.children[index];
          var text = cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent;
          return numeric ? (text === "" ? -Infinity : Number(text)) : text;
        };
        var sorted = rows.slice().sort(function (a, b) {
          var x = key(a), y = key(b);
          var c = numeric ? x - y : String(x).localeCompare(String(y), "zh");
          return asc ? c : -c;
        });
        var body = $("tbody", table);
        sorted.forEach(function (row) { body.appendChild(row); });
      });
    });
    apply();
  }

  // ---- report page ----
  function setupReport() {
    var data = JSON.parse($("#review-data").textContent);
    var pane = $("#pages");
    var zoom = 1;
    function setZoom(z) {
      zoom = Math.max(0.5, Math.min(4, z));
      pane.style.setProperty("--zoom", String(zoom));
      $("#zoom-level").textContent = Math.round(zoom * 100) + "%";
    }
    function fitZoom() {
      var page = $(".page", pane);
      if (!page) return 1;
      return Math.min(1, (pane.clientWidth - 24) / Number(page.dataset.width));
    }
    setZoom(fitZoom());
    $("#zoom-in").addEventListener("click", function () { setZoom(zoom * 1.25); });
    $("#zoom-out").addEventListener("click", function () { setZoom(zoom / 1.25); });
    $("#zoom-reset").addEventListener("click", function () { setZoom(fitZoom()); });

    function byPath(selector, path) {
      return $$(selector).filter(function (el) { return el.dataset.path === path; });
    }
    function clearMarks(name) { $$("." + name).forEach(function (el) { el.classList.remove(name); }); }

    // Zooms so the flag's cells on their first page fill at most ~70% of the pane, then centres them in it
    // (scrolling only the pane, never the window).
    function zoomTo(boxes) {
      if (boxes.length === 0) return;
      var page = boxes[0].parentElement;
      var onPage = boxes.filter(function (b) { return b.parentElement === page; });
      var left = Infinity, right = -Infinity, top = Infinity, bottom = -Infinity;
      onPage.forEach(function (b) {
        var x = parseFloat(b.style.left), y = parseFloat(b.style.top);
        left = Math.min(left, x); right = Math.max(right, x + parseFloat(b.style.width));
        top = Math.min(top, y); bottom = Math.max(bottom, y + parseFloat(b.style.height));
      });
      var baseWidth = Number(page.dataset.width);
      var baseHeight = page.getBoundingClientRect().height / zoom;
      var w = Math.max(0.05, (right - left) / 100) * baseWidth;
      var h = Math.max(0.02, (bottom - top) / 100) * baseHeight;
      var target = Math.min((pane.clientWidth * 0.7) / w, ((pane.clientHeight - 50) * 0.7) / h);
      setZoom(Math.max(fitZoom(), Math.min(2.5, target)));
      centerOn(onPage);
    }

    // Scrolls the pane (never the window) so the boxes' union is centred below the sticky zoom bar.
    function centerOn(onPage) {
      var rects = onPage.map(function (b) { return b.getBoundingClientRect(); });
      var paneRect = pane.getBoundingClientRect();
      var cx = (Math.min.apply(null, rects.map(function (r) { return r.left; })) + Math.max.apply(null, rects.map(function (r) { return r.right; }))) / 2;
      var cy = (Math.min.apply(null, rects.map(function (r) { return r.top; })) + Math.max.apply(null, rects.map(function (r) { return r.bottom; }))) / 2;
      var bar = $(".zoom-bar", pane).getBoundingClientRect().height + 8;
      pane.scrollBy(cx - (paneRect.left + paneRect.width / 2), cy - (paneRect.top + bar + (paneRect.height - bar) / 2));
    }

    function showFlag(index) {
      var flag = data.flags[index];
      clearMarks("focus");
      clearMarks("active");
      $$("button.flag").forEach(function (b) { if (Number(b.dataset.flag) === index) b.classList.add("active"); });
      var here = flag.cells.filter(function (c) { return c.here; });
      var boxes = [];
      here.forEach(function (c) {
        byPath(".box", c.path).forEach(function (el) { el.classList.add("focus"); boxes.push(el); });
        byPath("td.v", c.path).forEach(function (el) { el.classList.add("focus"); });
      });
      var panel = $("#flag-detail");
      var rows = flag.cells.map(function (c) {
        return "<li><code>" + esc(c.path) + "</code> = " + fmt(c.value) + (c.page ? " · p." + c.page : "") +
          (c.here ? "" : " · " + esc(c.file)) + "</li>";
      }).join("");
      panel.innerHTML = "<h3 class='sev-" + esc(flag.severity) + "'>" + esc(flag.rule) + " · " + esc(flag.severity) +
        (flag.scope === "cross" ? " · cross-report" : "") + "</h3>" +
        "<dl><dt>path</dt><dd><code>" + esc(flag.path) + "</code></dd>" +
        "<dt>expected</dt><dd id='flag-expected'>" + fmt(flag.expected) + "</dd>" +
        "<dt>actual</dt><dd id='flag-actual'>" + fmt(flag.actual) + "</dd>" +
        "<dt>中文</dt><dd>" + esc(flag.message.zh) + "</dd><dt>English</dt><dd>" + esc(flag.message.en) + "</dd></dl>" +
        "<ul class='flag-cells'>" + rows + "</ul>" +
        (boxes.length === 0 ? "<p class='muted'>No outlined cell on the page images for this flag.</p>" : "");
      panel.hidden = false;
      if (boxes.length > 0) zoomTo(boxes);
      else {
        var td = $("td.v.focus");
        if (td) td.scrollIntoView({ block: "center" });
        window.scrollTo(0, 0);
      }
    }
    $$("button.flag").forEach(function (button) {
      button.addEventListener("click", function () { showFlag(Number(button.dataset.flag)); });
    });

    function selectCell(path) {
      clearMarks("selected");
      byPath(".box", path).forEach(function (el) { el.classList.add("selected"); });
      byPath("td.v", path).forEach(function (el) { el.classList.add("selected"); });
      var cell = data.cells[path] || { value: null, raw: null };
      var panel = $("#cell-detail");
      var who = localStorage.getItem("gongkai.reviewer") || "";
      panel.innerHTML = "<h3>Cell <code>" + esc(path) + "</code></h3>" +
        "<dl><dt>value</dt><dd id='c-value'>" + fmt(cell.value) + "</dd><dt>printed</dt><dd>“" + esc(cell.raw === null ? "" : cell.raw) + "”" +
          (cell.printed !== cell.value ? " (read " + fmt(cell.printed) + ", corrected)" : "") + "</dd></dl>" +
        "<form id='correction-form'>" +
        "<label for='c-new'>new value</label><input id='c-new' inputmode='decimal' value='" + esc(cell.value === null ? "" : cell.value) + "'>" +
        "<label for='c-who'>who</label><input id='c-who' value='" + esc(who) + "' placeholder='reviewer'>" +
        "<label for='c-why'>why</label><input id='c-why' placeholder='e.g. page shows 38'>" +
        "<span></span><span><button type='button' id='c-check'>Mark as checked</button> <button type='button' id='c-correct'>Propose correction</button></span>" +
        "</form><pre id='c-line' hidden></pre>";
      panel.hidden = false;
      function download(newValue, why) {
        var whoValue = $("#c-who").value.trim();
        localStorage.setItem("gongkai.reviewer", whoValue);
        var line = { file: data.file, sha256: data.sha256, path: path, old: cell.value, "new": newValue,
          who: whoValue, why: why, when: new Date().toISOString() };
        var text = JSON.stringify(line) + "\n";
        var url = URL.createObjectURL(new Blob([text], { type: "application/x-ndjson" }));
        var a = document.createElement("a");
        a.href = url;
        a.download = "corrections.jsonl";
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
        var pre = $("#c-line");
        pre.textContent = "Downloaded (append it to corrections.jsonl):\n" + text;
        pre.hidden = false;
      }
      $("#c-check").addEventListener("click", function () { download(cell.value, $("#c-why").value.trim() || "checked against the page"); });
      $("#c-correct").addEventListener("click", function () {
        var raw = $("#c-new").value.trim();
        var value = raw === "" ? null : Number(raw);
        if (value !== null && !isFinite(value)) { $("#c-new").setCustomValidity("a number"); $("#c-new").reportValidity(); return; }
        download(value, $("#c-why").value.trim());
      });
    }
    $$(".box").forEach(function (el) {
      el.addEventListener("click", function () { selectCell(el.dataset.path); });
    });
    // A value clicked in the tables is also shown on the page.
    $$("td.v").forEach(function (el) {
      el.addEventListener("click", function () {
        selectCell(el.dataset.path);
        var boxes = byPath(".box", el.dataset.path);
        if (boxes.length > 0) centerOn(boxes);
      });
    });
  }

  if (document.body.classList.contains("index-page")) setupIndex();
  if (document.body.classList.contains("report-page")) setupReport();
})();
`;
