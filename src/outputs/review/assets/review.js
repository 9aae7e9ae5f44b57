// @ts-check
/**
 * review/assets/review.js: the review site's browser code. The index: filters (kept when the user comes
 * back), sorting, pages of 100 reports. A report page: flags, zoom, the cell form (opened where the user
 * clicked) and one corrections file for the whole review, kept in the browser and exported with one button.
 * Chinese first, with an English toggle. A plain script, not a module: Chromium does not load ES modules from
 * file:// pages. No network access (the pages' Content-Security-Policy forbids it anyway).
 * Type-checked by `tsconfig.browser.json` (checkJs), linted by Biome.
 */

/**
 * @typedef {{ file: string, sha256: string, path: string, old: number | null, new: number | null,
 *   who: string, why: string, when: string }} CorrectionLine
 * @typedef {{ value: number | null, printed: number | null, raw: string | null, label: string,
 *   source: string, confidence: number, page: number | null, locator: string | null }} CellData
 * @typedef {{ path: string, label: string, value: number | null, page: number | null, file: string,
 *   here: boolean }} FlagCell
 * @typedef {{ scope: string, rule: string, severity: string, path: string, pathLabel: string,
 *   expected: number | null, actual: number | null, message: { zh: string, en: string },
 *   uncertain_reading: boolean, cells: FlagCell[] }} FlagData
 * @typedef {{ file: string, sha256: string, cells: Record<string, CellData>, flags: FlagData[] }} ReportData
 */

(() => {
  const STORE = "gongkai.corrections";
  const LANG = "gongkai.lang";
  const FILTERS = "gongkai.index.filters";
  const WHO = "gongkai.reviewer";
  const PAGE_SIZE = 100;

  /** @type {Record<string, Record<string, string>>} */
  const TEXT = {
    zh: {
      value: "数值",
      printed: "印刷文字",
      read: "读取",
      source: "来源",
      confidence: "置信度",
      page: "页",
      newValue: "更正为",
      who: "审核人",
      why: "理由",
      whyPlaceholder: "例：原文为 38",
      check: "标记为已核对",
      correct: "提出更正",
      close: "关闭",
      saved: "已记入本浏览器的更正文件（共 {n} 条）。用页首的“导出更正”下载。",
      expected: "应为",
      actual: "实际",
      path: "位置",
      noBox: "页面图像上没有标出此项所涉单元格。",
      uncertain: "读数不确定：可能是识别错误，而非报告本身的错误。",
      exportCorrections: "导出更正 ({n})",
      number: "请输入数字",
      shown: "显示 {shown} / {total}",
      pageOf: "第 {page} / {pages} 页",
      checkedDefault: "已与原页核对",
      otherReport: "另一份报告",
    },
    en: {
      value: "value",
      printed: "printed",
      read: "read",
      source: "source",
      confidence: "confidence",
      page: "p.",
      newValue: "new value",
      who: "who",
      why: "why",
      whyPlaceholder: "e.g. the page shows 38",
      check: "Mark as checked",
      correct: "Propose correction",
      close: "Close",
      saved: "Kept in this browser's corrections file ({n} lines). Download it with “Export corrections” at the top.",
      expected: "expected",
      actual: "actual",
      path: "path",
      noBox: "No outlined cell on the page images for this flag.",
      uncertain: "Uncertain reading: the reading, not the report, may be wrong.",
      exportCorrections: "Export corrections ({n})",
      number: "a number",
      shown: "{shown} of {total}",
      pageOf: "page {page} of {pages}",
      checkedDefault: "checked against the page",
      otherReport: "another report",
    },
  };

  /**
   * @param {string} selector
   * @param {ParentNode} [root]
   * @returns {HTMLElement | null}
   */
  function $(selector, root) {
    return (root || document).querySelector(selector);
  }
  /**
   * @param {string} selector
   * @param {ParentNode} [root]
   * @returns {HTMLElement[]}
   */
  function $$(selector, root) {
    return Array.from((root || document).querySelectorAll(selector));
  }
  /**
   * @param {string} selector
   * @returns {HTMLElement}
   */
  function must(selector) {
    const el = $(selector);
    if (el === null) throw new Error(`missing ${selector}`);
    return el;
  }
  /** @param {unknown} text */
  function esc(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }
  /** @param {number | null | undefined} value */
  function fmt(value) {
    return value === null || value === undefined ? "∅" : String(Math.round(value * 1e6) / 1e6);
  }
  function lang() {
    return document.documentElement.dataset.ui === "en" ? "en" : "zh";
  }
  /**
   * @param {string} key
   * @param {Record<string, string | number>} [vars]
   */
  function t(key, vars) {
    let text = TEXT[lang()]?.[key] ?? key;
    for (const [name, value] of Object.entries(vars || {})) text = text.replace(`{${name}}`, String(value));
    return text;
  }

  // ---- language: Chinese first, English on request (remembered) ----
  function setupLanguage() {
    const stored = localStorage.getItem(LANG);
    if (stored === "en") document.documentElement.dataset.ui = "en";
    const toggle = $("#lang-toggle");
    toggle?.addEventListener("click", () => {
      const next = lang() === "en" ? "zh" : "en";
      document.documentElement.dataset.ui = next;
      localStorage.setItem(LANG, next);
      document.dispatchEvent(new Event("gongkai:lang"));
    });
  }

  // ---- the corrections file of the whole review, kept in the browser ----
  /** @returns {CorrectionLine[]} */
  function readCorrections() {
    try {
      const parsed = JSON.parse(localStorage.getItem(STORE) || "[]");
      return Array.isArray(parsed) ? parsed : [];
    } catch {
      return [];
    }
  }
  /** @param {CorrectionLine} line A later line for the same cell replaces the earlier one. */
  function addCorrection(line) {
    const lines = readCorrections().filter((l) => !(l.sha256 === line.sha256 && l.path === line.path));
    lines.push(line);
    localStorage.setItem(STORE, JSON.stringify(lines));
    updateExportButton();
    return lines.length;
  }
  function updateExportButton() {
    const button = $("#export-corrections");
    if (button === null) return;
    const n = readCorrections().length;
    button.textContent = t("exportCorrections", { n });
    button.toggleAttribute("disabled", n === 0);
  }
  function setupCorrectionsExport() {
    const button = $("#export-corrections");
    if (button === null) return;
    updateExportButton();
    document.addEventListener("gongkai:lang", updateExportButton);
    window.addEventListener("storage", updateExportButton);
    button.addEventListener("click", () => {
      const lines = readCorrections();
      if (lines.length === 0) return;
      const text = `${lines.map((l) => JSON.stringify(l)).join("\n")}\n`;
      const url = URL.createObjectURL(new Blob([text], { type: "application/x-ndjson" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = "corrections.jsonl";
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    });
  }

  // ---- index: filters (kept), sorting, pages ----
  function setupIndex() {
    const table = must("#reports");
    const body = must("#reports tbody");
    const rows = $$("tbody tr", table);
    /** @type {[string, string][]} */
    const fields = [
      ["agency", "#f-agency"],
      ["year", "#f-year"],
      ["rule", "#f-rule"],
      ["status", "#f-status"],
      ["template", "#f-template"],
    ];
    const flaggedBox = /** @type {HTMLInputElement} */ (must("#f-flagged"));
    /** @param {string} selector */
    const field = (selector) => /** @type {HTMLInputElement | HTMLSelectElement} */ (must(selector));
    let page = 0;
    /** @type {HTMLElement[]} */
    let matching = rows;

    function render() {
      const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
      page = Math.min(page, pages - 1);
      const visible = new Set(matching.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE));
      for (const row of rows) row.hidden = !visible.has(row);
      must("#shown").textContent = t("shown", { shown: matching.length, total: rows.length });
      must("#page-info").textContent = t("pageOf", { page: page + 1, pages });
      must("#page-prev").toggleAttribute("disabled", page === 0);
      must("#page-next").toggleAttribute("disabled", page >= pages - 1);
    }

    function apply() {
      /** @type {Record<string, string>} */
      const state = {};
      for (const [name, selector] of fields) {
        const value = field(selector).value.trim();
        if (value) state[name] = value;
      }
      if (flaggedBox.checked) state.flagged = "1";
      matching = Array.from(body.children)
        .filter((el) => {
          const d = /** @type {HTMLElement} */ (el).dataset;
          return (
            (!state.agency || (d.agency || "").includes(state.agency)) &&
            (!state.year || d.year === state.year) &&
            (!state.rule || (d.rules || "").includes(` ${state.rule} `)) &&
            (!state.status || d.status === state.status) &&
            (!state.template || d.template === state.template) &&
            (!state.flagged || Number(d.problems) > 0)
          );
        })
        .map((el) => /** @type {HTMLElement} */ (el));
      const params = new URLSearchParams(state).toString();
      localStorage.setItem(FILTERS, params);
      history.replaceState(null, "", params ? `#${params}` : location.pathname);
      render();
    }

    // The filters come back from the URL, else from the last visit (a report page's "all reports" link).
    const initial = new URLSearchParams(location.hash.slice(1) || localStorage.getItem(FILTERS) || "");
    for (const [name, selector] of fields) {
      const value = initial.get(name);
      if (value) field(selector).value = value;
    }
    flaggedBox.checked = initial.get("flagged") === "1";
    must("#filters").addEventListener("submit", (event) => event.preventDefault());
    for (const [, selector] of fields) {
      field(selector).addEventListener("input", () => {
        page = 0;
        apply();
      });
    }
    flaggedBox.addEventListener("change", () => {
      page = 0;
      apply();
    });
    must("#page-prev").addEventListener("click", () => {
      page = Math.max(0, page - 1);
      render();
    });
    must("#page-next").addEventListener("click", () => {
      page += 1;
      render();
    });
    document.addEventListener("gongkai:lang", render);
    $$("thead th", table).forEach((th, index) => {
      th.addEventListener("click", () => {
        const asc = !th.classList.contains("sorted-asc");
        for (const other of $$("thead th", table)) other.classList.remove("sorted-asc", "sorted-desc");
        th.classList.add(asc ? "sorted-asc" : "sorted-desc");
        const numeric = th.dataset.type === "number";
        /** @param {HTMLElement} row */
        const key = (row) => {
          const cell = /** @type {HTMLElement} */ (row.children[index]);
          return cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent || "";
        };
        const sorted = Array.from(body.children)
          .map((el) => /** @type {HTMLElement} */ (el))
          .sort((a, b) => {
            const x = key(a);
            const y = key(b);
            const c = numeric
              ? (x === "" ? -Infinity : Number(x)) - (y === "" ? -Infinity : Number(y))
              : x.localeCompare(y, "zh");
            return asc ? c : -c;
          });
        for (const row of sorted) body.appendChild(row);
        apply();
      });
    });
    apply();
  }

  // ---- report page ----
  function setupReport() {
    /** @type {ReportData} */
    const data = JSON.parse(must("#review-data").textContent || "{}");
    const pane = must("#pages");
    const bar = must("#zoom-bar");
    let zoom = 1;
    /** @param {number} z */
    function setZoom(z) {
      zoom = Math.max(0.5, Math.min(4, z));
      pane.style.setProperty("--zoom", String(zoom));
      const level = $("#zoom-level", bar);
      if (level !== null) level.textContent = `${Math.round(zoom * 100)}%`;
    }
    function fitZoom() {
      const page = $(".page", pane);
      if (page === null) return 1;
      return Math.min(1, (pane.clientWidth - 24) / Number(page.dataset.width));
    }
    setZoom(fitZoom());
    $("#zoom-in", bar)?.addEventListener("click", () => setZoom(zoom * 1.25));
    $("#zoom-out", bar)?.addEventListener("click", () => setZoom(zoom / 1.25));
    $("#zoom-reset", bar)?.addEventListener("click", () => setZoom(fitZoom()));

    /**
     * @param {string} selector
     * @param {string} path
     */
    function byPath(selector, path) {
      return $$(selector).filter((el) => el.dataset.path === path);
    }
    /** @param {string} name */
    function clearMarks(name) {
      for (const el of $$(`.${name}`)) el.classList.remove(name);
    }

    /**
     * Scrolls the pane (never the window) so the boxes' union is centred in it. The zoom bar sits above the
     * pane, not over it, so nothing covers what is centred.
     * @param {HTMLElement[]} boxes
     */
    function centerOn(boxes) {
      const rects = boxes.map((b) => b.getBoundingClientRect());
      const paneRect = pane.getBoundingClientRect();
      const cx = (Math.min(...rects.map((r) => r.left)) + Math.max(...rects.map((r) => r.right))) / 2;
      const cy = (Math.min(...rects.map((r) => r.top)) + Math.max(...rects.map((r) => r.bottom))) / 2;
      pane.scrollBy(cx - (paneRect.left + paneRect.width / 2), cy - (paneRect.top + paneRect.height / 2));
    }

    /**
     * Zooms so the cells on their first page fill at most ~70% of the pane, then centres them.
     * @param {HTMLElement[]} boxes
     */
    function zoomTo(boxes) {
      const first = boxes[0];
      if (first === undefined) return;
      const page = /** @type {HTMLElement} */ (first.parentElement);
      const onPage = boxes.filter((b) => b.parentElement === page);
      let left = Infinity;
      let right = -Infinity;
      let top = Infinity;
      let bottom = -Infinity;
      for (const b of onPage) {
        const x = Number.parseFloat(b.style.left);
        const y = Number.parseFloat(b.style.top);
        left = Math.min(left, x);
        right = Math.max(right, x + Number.parseFloat(b.style.width));
        top = Math.min(top, y);
        bottom = Math.max(bottom, y + Number.parseFloat(b.style.height));
      }
      const baseWidth = Number(page.dataset.width);
      const baseHeight = page.getBoundingClientRect().height / zoom;
      const w = Math.max(0.05, (right - left) / 100) * baseWidth;
      const h = Math.max(0.02, (bottom - top) / 100) * baseHeight;
      const target = Math.min((pane.clientWidth * 0.7) / w, (pane.clientHeight * 0.7) / h);
      setZoom(Math.max(fitZoom(), Math.min(2.5, target)));
      centerOn(onPage);
    }

    /** @param {number} index */
    function showFlag(index) {
      const flag = data.flags[index];
      if (flag === undefined) return;
      clearMarks("focus");
      clearMarks("active");
      for (const b of $$("button.flag")) if (Number(b.dataset.flag) === index) b.classList.add("active");
      /** @type {HTMLElement[]} */
      const boxes = [];
      // The sentence a narrative flag quotes comes first: the view zooms to it, on its page (PDF text) or in the
      // source's text (HTML, .docx).
      for (const el of $$(`.narrative-mark[data-flag="${index}"]`)) {
        el.classList.add("focus");
        if (el.parentElement?.classList.contains("page")) boxes.push(el);
      }
      for (const c of flag.cells.filter((cell) => cell.here)) {
        for (const el of byPath(".box", c.path)) {
          el.classList.add("focus");
          boxes.push(el);
        }
        for (const el of byPath("td.v", c.path)) el.classList.add("focus");
        for (const el of byPath("td.src-cell", c.path)) el.classList.add("focus");
      }
      const panel = must("#flag-detail");
      const items = flag.cells
        .map(
          (c) =>
            `<li>${esc(c.label)} = ${fmt(c.value)}${c.page ? ` · ${t("page")}${c.page}` : ""}` +
            `${c.here ? "" : ` · ${t("otherReport")} ${esc(c.file)}`}<br><code>${esc(c.path)}</code></li>`,
        )
        .join("");
      panel.innerHTML =
        `<h3 class="sev-${esc(flag.severity)}">${esc(flag.rule)} · ${esc(flag.severity)}</h3>` +
        (flag.uncertain_reading ? `<p class="uncertain-note">${esc(t("uncertain"))}</p>` : "") +
        `<p class="zh">${esc(flag.message.zh)}</p><p class="en">${esc(flag.message.en)}</p>` +
        `<dl><dt>${esc(t("path"))}</dt><dd>${esc(flag.pathLabel)} <code>${esc(flag.path)}</code></dd>` +
        `<dt>${esc(t("expected"))}</dt><dd id="flag-expected">${fmt(flag.expected)}</dd>` +
        `<dt>${esc(t("actual"))}</dt><dd id="flag-actual">${fmt(flag.actual)}</dd></dl>` +
        `<ul class="flag-cells">${items}</ul>` +
        (boxes.length === 0 ? `<p class="muted">${esc(t("noBox"))}</p>` : "");
      panel.hidden = false;
      if (boxes.length > 0) zoomTo(boxes);
      else $("mark.narrative-mark.focus, td.v.focus, td.src-cell.focus")?.scrollIntoView({ block: "center" });
    }
    for (const button of $$("button.flag")) {
      button.addEventListener("click", () => showFlag(Number(button.dataset.flag)));
    }

    const popover = must("#cell-detail");
    /**
     * The cell form, opened beside the element the user clicked.
     * @param {string} path
     * @param {HTMLElement} anchor
     */
    function selectCell(path, anchor) {
      clearMarks("selected");
      for (const el of byPath(".box", path)) el.classList.add("selected");
      for (const el of byPath("td.v", path)) el.classList.add("selected");
      for (const el of byPath("td.src-cell", path)) el.classList.add("selected");
      const cell = data.cells[path];
      if (cell === undefined) return;
      const saved = readCorrections().find((l) => l.sha256 === data.sha256 && l.path === path);
      const who = localStorage.getItem(WHO) || "";
      const current = saved === undefined ? cell.value : saved.new;
      popover.innerHTML =
        `<button type="button" class="close" id="c-close" title="${esc(t("close"))}">×</button>` +
        `<h3>${esc(cell.label)}</h3><p><code>${esc(path)}</code></p>` +
        `<dl><dt>${esc(t("value"))}</dt><dd id="c-value">${fmt(cell.value)}</dd>` +
        `<dt>${esc(t("printed"))}</dt><dd>“${esc(cell.raw === null ? "" : cell.raw)}”` +
        `${cell.printed !== cell.value ? ` (${esc(t("read"))} ${fmt(cell.printed)})` : ""}</dd>` +
        `<dt>${esc(t("source"))}</dt><dd>${esc(cell.source)} · ${esc(t("confidence"))} ${cell.confidence}` +
        `${cell.page === null ? "" : ` · ${esc(t("page"))}${cell.page}`}${cell.locator ? ` · <code>${esc(cell.locator)}</code>` : ""}</dd></dl>` +
        `<form id="correction-form"><label for="c-new">${esc(t("newValue"))}</label>` +
        `<input id="c-new" inputmode="decimal" value="${esc(current === null ? "" : current)}">` +
        `<label for="c-who">${esc(t("who"))}</label><input id="c-who" value="${esc(who)}">` +
        `<label for="c-why">${esc(t("why"))}</label><input id="c-why" value="${esc(saved?.why ?? "")}" placeholder="${esc(t("whyPlaceholder"))}">` +
        `<span></span><span><button type="button" id="c-check">${esc(t("check"))}</button> ` +
        `<button type="button" id="c-correct">${esc(t("correct"))}</button></span></form>` +
        `<p id="c-saved" class="saved" hidden></p>`;
      popover.hidden = false;
      placePopover(anchor);
      /**
       * @param {number | null} value
       * @param {string} why
       */
      function keep(value, why) {
        const whoValue = /** @type {HTMLInputElement} */ (must("#c-who")).value.trim();
        localStorage.setItem(WHO, whoValue);
        const n = addCorrection({
          file: data.file,
          sha256: data.sha256,
          path,
          old: cell?.printed ?? null,
          new: value,
          who: whoValue,
          why,
          when: new Date().toISOString(),
        });
        const note = must("#c-saved");
        note.textContent = t("saved", { n });
        note.hidden = false;
      }
      const why = () => /** @type {HTMLInputElement} */ (must("#c-why")).value.trim();
      must("#c-close").addEventListener("click", () => {
        popover.hidden = true;
      });
      must("#c-check").addEventListener("click", () => keep(cell.printed, why() || t("checkedDefault")));
      must("#c-correct").addEventListener("click", () => {
        const input = /** @type {HTMLInputElement} */ (must("#c-new"));
        const raw = input.value.trim();
        const value = raw === "" ? null : Number(raw);
        if (value !== null && !Number.isFinite(value)) {
          input.setCustomValidity(t("number"));
          input.reportValidity();
          return;
        }
        keep(value, why());
      });
    }

    /** @param {HTMLElement} anchor Below the clicked element, kept inside the window. */
    function placePopover(anchor) {
      const rect = anchor.getBoundingClientRect();
      const width = popover.offsetWidth;
      const height = popover.offsetHeight;
      const left = Math.max(8, Math.min(rect.left, window.innerWidth - width - 8));
      const below = rect.bottom + 6;
      const top = below + height > window.innerHeight - 8 ? Math.max(8, rect.top - height - 6) : below;
      popover.style.left = `${left}px`;
      popover.style.top = `${top}px`;
    }

    for (const el of $$(".box")) el.addEventListener("click", () => selectCell(el.dataset.path || "", el));
    for (const el of $$("td.v, td.src-cell[data-path]")) {
      el.addEventListener("click", () => {
        const path = el.dataset.path || "";
        selectCell(path, el);
        const boxes = byPath(".box", path);
        if (boxes.length > 0) centerOn(boxes);
      });
    }
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape") popover.hidden = true;
    });
  }

  setupLanguage();
  setupCorrectionsExport();
  if (document.body.classList.contains("index-page")) setupIndex();
  if (document.body.classList.contains("report-page")) setupReport();
})();
