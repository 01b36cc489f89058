/* labsite default theme: sidebar, small-screen drawer, keyboard paging,
   step badges, heading links, code copy, colours for trail records and current-step
   highlighting, tabs, personal values ("내 값"), step progress, figure zoom and
   printing folded callouts.
   Plain script (no modules) so it also runs from file://. What it remembers goes to
   localStorage under "labsite:" + the site's labsite-site meta + ":" + a name; a browser that
   refuses storage (some do for file://) only forgets it. */
(function () {
  "use strict";

  var doc = document;
  var html = doc.documentElement;
  var narrow = window.matchMedia("(max-width: 899px)");

  function meta(name) {
    var node = doc.querySelector('meta[name="' + name + '"]');
    return node ? node.getAttribute("content") || "" : "";
  }

  function el(tag, attrs, text) {
    var node = doc.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      node.setAttribute(key, attrs[key]);
    });
    if (text != null) node.textContent = text;
    return node;
  }

  var root = meta("labsite-root");
  // A generated sub-page (one event, one policy) is not in the navigation; its section is.
  var currentUrl = meta("labsite-section") || meta("labsite-page");
  var pageUrl = meta("labsite-page");

  /* ---- Storage ------------------------------------------------------ */

  var storePrefix = "labsite:" + (meta("labsite-site") || "site") + ":";

  function storage() {
    try { return window.localStorage || null; } catch (e) { return null; }
  }

  function load(name, fallback) {
    var store = storage();
    if (!store) return fallback;
    try {
      var raw = store.getItem(storePrefix + name);
      return raw == null ? fallback : JSON.parse(raw);
    } catch (e) {
      return fallback;
    }
  }

  function save(name, value) {
    var store = storage();
    if (!store) return;
    try {
      if (value == null) store.removeItem(storePrefix + name);
      else store.setItem(storePrefix + name, JSON.stringify(value));
    } catch (e) { /* full or refused: the page still works, it only forgets */ }
  }

  function navPages() {
    return Array.isArray(window.LABSITE_NAV) ? window.LABSITE_NAV : [];
  }

  /* ---- Step progress (state) ------------------------------------------ */

  // Called whenever some page's progress changed (the sidebar, the page's ticks, the home page's cards).
  var progressListeners = [];

  // The ids of the steps done on the page at URL (its labsite-page), as stored.
  function doneSteps(url) {
    var list = load("progress:" + url, []);
    return Array.isArray(list) ? list.filter(function (id) { return typeof id === "string"; }) : [];
  }

  function setDoneSteps(url, ids) {
    save("progress:" + url, ids.length ? ids : null);
    progressListeners.forEach(function (listener) { listener(); });
  }

  // How far a navigation page is: its steps, the done ones among them, the first one left.
  function progressOf(page) {
    var steps = Array.isArray(page.steps) ? page.steps : [];
    var done = doneSteps(page.url);
    var count = 0;
    var next = null;
    steps.forEach(function (step) {
      if (done.indexOf(step.id) !== -1) count += 1;
      else if (!next) next = step;
    });
    return { total: steps.length, done: count, next: next, ids: done };
  }

  /* ---- Sidebar ------------------------------------------------------ */

  function stepLabel(step) {
    // Step titles carry their number ("3. 제목"); the badge shows it instead.
    var title = String(step.title || "");
    var prefix = String(step.number) + ".";
    if (step.number != null && title.indexOf(prefix) === 0) {
      title = title.slice(prefix.length).trim();
    }
    return title;
  }

  function buildSidebar(sidebar) {
    var pages = navPages();
    var views = [];
    sidebar.textContent = "";
    var list = el("ol", { class: "nav-list" });

    if (!pages.length) {
      // nav.js missing: still offer the way home.
      var item = el("li", { class: "nav-item" });
      item.appendChild(el("a", { class: "nav-link", href: root + "index.html" }, "전체 목차"));
      list.appendChild(item);
    }

    pages.forEach(function (page, index) {
      var isCurrent = page.url === currentUrl;
      var steps = Array.isArray(page.steps) ? page.steps : [];
      var item = el("li", { class: "nav-item" + (isCurrent ? " is-current" : "") });
      var row = el("div", { class: "nav-row" });
      var link = el("a", { class: "nav-link", href: root + page.url }, page.title);
      if (isCurrent) link.setAttribute("aria-current", "page");
      row.appendChild(link);
      item.appendChild(row);

      if (steps.length) {
        var listId = "nav-steps-" + index;
        var toggle = el("button", {
          type: "button",
          class: "nav-toggle",
          "aria-expanded": String(isCurrent),
          "aria-controls": listId,
          "aria-label": page.title + " 단계 " + steps.length + "개"
        });
        var count = el("span", { class: "nav-toggle-count", "aria-hidden": "true" }, String(steps.length));
        toggle.appendChild(count);
        toggle.appendChild(el("span", { class: "nav-toggle-chevron", "aria-hidden": "true" }));
        row.appendChild(toggle);

        var stepList = el("ol", { class: "nav-steps", id: listId });
        stepList.hidden = !isCurrent;
        var stepLinks = [];
        steps.forEach(function (step) {
          var href = (isCurrent ? "" : root + page.url) + "#" + step.id;
          var stepItem = el("li");
          var stepLink = el("a", { class: "nav-step", href: href });
          stepLink.appendChild(el("span", { class: "nav-step-num", "aria-hidden": "true" }, String(step.number)));
          stepLink.appendChild(el("span", { class: "visually-hidden" }, step.number + ". "));
          stepLink.appendChild(el("span", { class: "nav-step-title" }, stepLabel(step)));
          stepLink.appendChild(el("span", { class: "visually-hidden nav-step-state" }));
          stepItem.appendChild(stepLink);
          stepList.appendChild(stepItem);
          stepLinks.push({ step: step, link: stepLink });
        });
        item.appendChild(stepList);
        views.push({ page: page, toggle: toggle, count: count, steps: stepLinks });

        toggle.addEventListener("click", function () {
          var open = toggle.getAttribute("aria-expanded") !== "true";
          toggle.setAttribute("aria-expanded", String(open));
          stepList.hidden = !open;
        });
      }
      list.appendChild(item);
    });

    sidebar.appendChild(list);

    // Steps done: "done/total" on the page's toggle, a tick instead of the number of each done step.
    function showProgress() {
      views.forEach(function (view) {
        var progress = progressOf(view.page);
        view.count.textContent = progress.done ? progress.done + "/" + progress.total : String(progress.total);
        view.toggle.setAttribute("aria-label", view.page.title + " 단계 " + progress.total + "개" +
          (progress.done ? ", " + progress.done + "개 완료" : ""));
        view.toggle.classList.toggle("has-progress", progress.done > 0);
        view.steps.forEach(function (entry) {
          var done = progress.ids.indexOf(entry.step.id) !== -1;
          entry.link.classList.toggle("is-done", done);
          entry.link.querySelector(".nav-step-num").textContent = done ? "✓" : String(entry.step.number);
          entry.link.querySelector(".nav-step-state").textContent = done ? " (완료)" : "";
        });
      });
    }
    showProgress();
    progressListeners.push(showProgress);

    // Bring the current page into view without scrolling the document itself.
    var current = sidebar.querySelector(".is-current");
    if (current && current.offsetTop + current.offsetHeight > sidebar.clientHeight) {
      sidebar.scrollTop = current.offsetTop - sidebar.clientHeight / 3;
    }
  }

  /* ---- Drawer for small screens -------------------------------------- */

  function setupDrawer(sidebar) {
    var button = doc.querySelector(".menu-toggle");
    if (!button) return;
    var content = doc.querySelector(".site-content");
    var backdrop = el("div", { class: "sidebar-backdrop" });
    backdrop.hidden = true;
    sidebar.parentNode.insertBefore(backdrop, sidebar.nextSibling);

    function isOpen() {
      return html.classList.contains("sidebar-open");
    }

    function setOpen(open, restoreFocus) {
      html.classList.toggle("sidebar-open", open);
      button.setAttribute("aria-expanded", String(open));
      backdrop.hidden = !open;
      // Keep Tab inside the drawer while it covers the page.
      if (content) content.inert = open;
      if (open) {
        var target = sidebar.querySelector('[aria-current="page"]') || sidebar.querySelector("a");
        if (target) target.focus();
      } else if (restoreFocus) {
        button.focus();
      }
    }

    button.addEventListener("click", function () {
      setOpen(!isOpen(), true);
    });
    backdrop.addEventListener("click", function () {
      setOpen(false, true);
    });
    sidebar.addEventListener("click", function (event) {
      if (isOpen() && event.target.closest("a")) setOpen(false, false);
    });
    doc.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && isOpen()) setOpen(false, true);
    });
    var onChange = function () {
      if (!narrow.matches && isOpen()) setOpen(false, false);
    };
    if (narrow.addEventListener) narrow.addEventListener("change", onChange);
    else narrow.addListener(onChange);
  }

  /* ---- ← / → for previous / next page --------------------------------- */

  function setupKeys() {
    doc.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      var target = event.target;
      if (target && (target.isContentEditable ||
          (target.closest && target.closest("input, textarea, select, pre, table, [contenteditable], [role=slider]")))) {
        return; // typing, or scrolling a wide code block / table sideways
      }
      var rel = event.key === "ArrowLeft" ? "prev" : "next";
      var link = doc.querySelector('.pagenav a[rel="' + rel + '"]');
      if (link) {
        event.preventDefault();
        window.location.href = link.href;
      }
    });
  }

  /* ---- Content enhancements ------------------------------------------ */

  function enhanceHeadings(main) {
    main.querySelectorAll(".doc-body h2.step").forEach(function (heading) {
      var first = heading.firstChild;
      var match = first && first.nodeType === 3 && /^\s*(\d+)\.\s*/.exec(first.nodeValue);
      if (!match) return;
      first.nodeValue = first.nodeValue.slice(match[0].length);
      heading.insertBefore(el("span", { class: "step-num", "aria-hidden": "true" }, match[1]), first);
      heading.insertBefore(el("span", { class: "visually-hidden" }, match[1] + ". "), first);
      heading.classList.add("has-badge");
    });

    main.querySelectorAll(".doc-body h2[id], .doc-body h3[id]").forEach(function (heading) {
      // A copyable link for the mouse; hidden from assistive tech so heading names stay clean.
      var anchor = el("a", { class: "heading-anchor", href: "#" + heading.id, "aria-hidden": "true", tabindex: "-1" }, "#");
      heading.appendChild(anchor);
    });
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = el("textarea", { readonly: "", class: "visually-hidden" });
      area.value = text;
      doc.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = doc.execCommand("copy"); } catch (e) { ok = false; }
      doc.body.removeChild(area);
      if (ok) resolve(); else reject(new Error("copy failed"));
    });
  }

  // What a block's copy button copies: its text, without the line numbers of a policy's source
  // listing (they are in the page only to be pointed at). A console block gives its commands
  // only (continuation lines included), without prompts or output. Lines wrapped in spans
  // (numbered, marked) carry their own newline; their numbers are CSS, never text.
  function copyableText(pre) {
    if (pre.classList.contains("console")) {
      return Array.prototype.map.call(pre.querySelectorAll(".line.command"), function (line) {
        var clone = line.cloneNode(true);
        clone.querySelectorAll(".prompt").forEach(function (prompt) { prompt.remove(); });
        return clone.textContent;
      }).join("");
    }
    if (pre.querySelector(".line")) return pre.textContent;
    if (!pre.querySelector(".iam-source-number")) return pre.innerText;
    var clone = pre.cloneNode(true);
    clone.querySelectorAll(".iam-source-number").forEach(function (number) { number.remove(); });
    return clone.textContent;
  }

  function enhanceCode(main) {
    main.querySelectorAll(".doc-body pre").forEach(function (pre) {
      var code = pre.querySelector("code");
      var lang = code && /(?:^|\s)language-([\w+#.-]+)/.exec(code.className);
      var wrap = el("div", { class: "code-block" });
      var head = el("div", { class: "code-head" });
      var button = el("button", { type: "button", class: "copy-button" }, "복사");
      var status = el("span", { class: "visually-hidden", "aria-live": "polite" });
      head.appendChild(el("span", { class: "code-lang" }, lang ? lang[1] : ""));
      head.appendChild(button);
      head.appendChild(status);
      pre.parentNode.insertBefore(wrap, pre);
      wrap.appendChild(head);
      wrap.appendChild(pre);
      button.addEventListener("click", function () {
        copyText(copyableText(pre).replace(/\n$/, "")).then(function () {
          button.textContent = "복사됨";
          status.textContent = "코드를 복사했습니다.";
        }, function () {
          button.textContent = "복사 실패";
        }).then(function () {
          window.setTimeout(function () {
            button.textContent = "복사";
            status.textContent = "";
          }, 2000);
        });
      });
      // A block that scrolls (wide, or tall in a theme that caps its height) must be reachable by keyboard.
      if (pre.scrollWidth > pre.clientWidth || pre.scrollHeight > pre.clientHeight) pre.setAttribute("tabindex", "0");
    });
  }

  /* ---- Trail records ------------------------------------------------- */

  // An event page carries its record as plain indented JSON (a trail can have 100,000 such
  // pages, so the build leaves the colouring to the browser). A string followed by ":" is a key.
  var jsonToken = /("(?:[^"\\\n]|\\.)*")(\s*:)?|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\b(?:true|false|null)\b/g;

  function highlightJSON(main) {
    main.querySelectorAll("pre.trail-json > code").forEach(function (code) {
      var text = code.textContent;
      var parts = doc.createDocumentFragment();
      var last = 0;
      var match;
      jsonToken.lastIndex = 0;
      while ((match = jsonToken.exec(text))) {
        if (match.index > last) parts.appendChild(doc.createTextNode(text.slice(last, match.index)));
        var kind = match[1] ? (match[2] ? "k" : "s") : /^[-\d]/.test(match[0]) ? "n" : "l";
        parts.appendChild(el("span", { class: kind }, match[1] || match[0]));
        if (match[2]) parts.appendChild(doc.createTextNode(match[2]));
        last = jsonToken.lastIndex;
      }
      if (last < text.length) parts.appendChild(doc.createTextNode(text.slice(last)));
      code.textContent = "";
      code.appendChild(parts);
    });
  }

  /* ---- Current step while scrolling ----------------------------------- */

  function setupScrollSpy(main) {
    var links = Array.prototype.slice.call(doc.querySelectorAll('.page-toc a[href^="#"], .nav-step[href^="#"]'));
    if (!links.length) return;
    var ids = [];
    links.forEach(function (link) {
      var id = link.getAttribute("href").slice(1);
      try { id = decodeURIComponent(id); } catch (e) { /* keep it as written */ }
      link.setAttribute("data-target", id);
      if (ids.indexOf(id) < 0) ids.push(id);
    });
    // The sidebar precedes the page TOC in the DOM, so order headings by their place in the article.
    var headings = ids.map(function (id) { return doc.getElementById(id); }).filter(Boolean);
    headings.sort(function (a, b) {
      return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    if (!headings.length) return;
    var active = null;
    var pending = false;

    function update() {
      pending = false;
      var offset = parseFloat(getComputedStyle(html).scrollPaddingTop) || 0;
      var current = null;
      headings.forEach(function (heading) {
        if (heading.getBoundingClientRect().top <= offset + 24) current = heading.id;
      });
      // At the very bottom the last short section can never reach the top.
      if (window.innerHeight + window.scrollY >= doc.documentElement.scrollHeight - 2) {
        current = headings[headings.length - 1].id;
      }
      if (current === active) return;
      active = current;
      links.forEach(function (link) {
        link.classList.toggle("is-active", link.getAttribute("data-target") === current);
      });
    }

    window.addEventListener("scroll", function () {
      if (!pending) {
        pending = true;
        window.requestAnimationFrame(update);
      }
    }, { passive: true });
    update();
  }

  /* ---- Search ------------------------------------------------------
     The index (assets/search-index.js) is a script, not JSON, so it loads from file:// too.
     It is loaded on first use. Matching is by substring, so a Korean word is found inside
     a longer eojeol ("경보" in "경보를"); every word of the query must occur. */

  var searchState = { index: null, loading: false, pending: null };

  function normalize(text) {
    return (text || "").normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
  }

  function loadSearchIndex(done) {
    if (searchState.index) return done();
    searchState.pending = done;
    if (searchState.loading) return;
    searchState.loading = true;
    var prepare = function () {
      var data = window.LABSITE_SEARCH || { pages: [], sections: [] };
      searchState.index = data.sections.map(function (section) {
        var page = data.pages[section[0]] || ["", ""];
        return {
          pageTitle: page[0], url: page[1] + (section[1] ? "#" + section[1] : ""),
          title: section[2], text: section[3],
          pageKey: normalize(page[0]), titleKey: normalize(section[2]), textKey: normalize(section[3])
        };
      });
      if (searchState.pending) searchState.pending();
    };
    if (window.LABSITE_SEARCH) return prepare();
    var script = doc.createElement("script");
    script.src = root + "assets/search-index.js";
    script.onload = prepare;
    script.onerror = function () { searchState.loading = false; };
    doc.head.appendChild(script);
  }

  function countOf(haystack, needle) {
    var count = 0;
    var at = haystack.indexOf(needle);
    while (at !== -1 && count < 5) { count += 1; at = haystack.indexOf(needle, at + needle.length); }
    return count;
  }

  function searchIndex(query) {
    var phrase = normalize(query);
    if (!phrase) return [];
    var words = phrase.split(" ");
    var results = [];
    searchState.index.forEach(function (entry, order) {
      var all = entry.pageKey + " " + entry.titleKey + " " + entry.textKey;
      for (var i = 0; i < words.length; i += 1) if (all.indexOf(words[i]) === -1) return;
      var score = 0;
      if (entry.titleKey.indexOf(phrase) !== -1) score += 40;
      if (entry.pageKey.indexOf(phrase) !== -1) score += 20;
      if (entry.titleKey === phrase || entry.pageKey === phrase) score += 30;
      score += countOf(entry.textKey, phrase) * 4;
      words.forEach(function (word) {
        if (entry.titleKey.indexOf(word) !== -1) score += 6;
        score += countOf(entry.textKey, word);
      });
      results.push({ entry: entry, score: score, order: order });
    });
    results.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return results.slice(0, 10).map(function (result) { return result.entry; });
  }

  /* Appends text to a node with every query word wrapped in <mark>; built from text nodes only,
     so nothing from the index can become markup. */
  function appendHighlighted(node, text, words) {
    var lower = text.toLowerCase();
    var at = 0;
    while (at < text.length) {
      var next = -1;
      var length = 0;
      words.forEach(function (word) {
        var found = lower.indexOf(word, at);
        if (found !== -1 && (next === -1 || found < next)) { next = found; length = word.length; }
      });
      if (next === -1) { node.appendChild(doc.createTextNode(text.slice(at))); break; }
      if (next > at) node.appendChild(doc.createTextNode(text.slice(at, next)));
      node.appendChild(el("mark", null, text.slice(next, next + length)));
      at = next + length;
    }
  }

  function snippet(text, words) {
    var lower = text.toLowerCase();
    var first = -1;
    words.forEach(function (word) {
      var found = lower.indexOf(word);
      if (found !== -1 && (first === -1 || found < first)) first = found;
    });
    if (first === -1) return text.slice(0, 120) + (text.length > 120 ? "…" : "");
    var start = Math.max(0, first - 40);
    var end = Math.min(text.length, first + 100);
    return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
  }

  function setupSearch() {
    var input = doc.getElementById("search-input");
    var list = doc.getElementById("search-results");
    var status = doc.getElementById("search-status");
    if (!input || !list) return;
    var form = input.form;

    function render() {
      var query = input.value;
      var words = normalize(query).split(" ").filter(Boolean);
      list.textContent = "";
      if (!words.length) { list.hidden = true; if (status) status.textContent = ""; return; }
      var results = searchIndex(query);
      if (status) status.textContent = results.length ? results.length + "개 결과" : "결과 없음";
      if (!results.length) {
        list.appendChild(el("li", { "class": "search-empty" }, "‘" + query + "’에 맞는 결과가 없습니다."));
      }
      results.forEach(function (entry) {
        var link = el("a", { href: root + entry.url, "class": "search-result" });
        var title = el("span", { "class": "search-result-title" });
        appendHighlighted(title, entry.pageTitle, words);
        if (entry.title && entry.title !== entry.pageTitle) {
          title.appendChild(doc.createTextNode(" › "));
          appendHighlighted(title, entry.title, words);
        }
        var text = el("span", { "class": "search-result-snippet" });
        appendHighlighted(text, snippet(entry.text, words), words);
        link.appendChild(title);
        link.appendChild(text);
        var item = el("li");
        item.appendChild(link);
        list.appendChild(item);
      });
      list.hidden = false;
    }

    input.addEventListener("input", function () { loadSearchIndex(render); });
    input.addEventListener("focus", function () { loadSearchIndex(function () {}); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { input.value = ""; render(); }
      if (event.key === "ArrowDown") {
        var first = list.querySelector("a");
        if (first) { event.preventDefault(); first.focus(); }
      }
    });
    list.addEventListener("keydown", function (event) {
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      var at = links.indexOf(doc.activeElement);
      if (event.key === "ArrowDown" && at < links.length - 1) { event.preventDefault(); links[at + 1].focus(); }
      if (event.key === "ArrowUp") { event.preventDefault(); (at > 0 ? links[at - 1] : input).focus(); }
      if (event.key === "Escape") { input.focus(); }
    });
    if (form) form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = list.querySelector("a");
      if (first) first.click();
    });
    doc.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        input.focus();
      }
    });
    doc.addEventListener("click", function (event) {
      if (form && !form.contains(event.target)) list.hidden = true;
    });
    // ?q=… opens the page with results shown, so a search can be shared as a link.
    var match = /[?&]q=([^&#]*)/.exec(window.location.search);
    if (match) {
      input.value = decodeURIComponent(match[1].replace(/\+/g, " "));
      loadSearchIndex(render);
    }
  }

  /* ---- Personal values ("내 값") --------------------------------------
     The site's values come with nav.js (window.LABSITE_PARAMS); a page that declares its own
     lists them in #labsite-params, and they replace the site's of the same name (JSON: name,
     label, default). What the reader types is kept for the whole site and put into every
     .param[data-param] as text (never as markup) and into every [data-param-href] link, each
     value URI-encoded. */

  function validParams(list) {
    return Array.isArray(list) ? list.filter(function (param) {
      return param && typeof param.name === "string" && param.name;
    }) : [];
  }

  function readParams() {
    var params = validParams(window.LABSITE_PARAMS).slice();
    var node = doc.getElementById("labsite-params");
    var own = [];
    if (node) {
      try {
        own = validParams(JSON.parse(node.textContent));
      } catch (e) {
        own = [];
      }
    }
    own.forEach(function (param) {
      var index = -1;
      params.forEach(function (existing, at) { if (existing.name === param.name) index = at; });
      if (index >= 0) params[index] = param; else params.push(param);
    });
    return params;
  }

  function storedValues() {
    var values = load("values", {});
    return values && typeof values === "object" && !Array.isArray(values) ? values : {};
  }

  function applyValues(params, values) {
    var current = {};
    params.forEach(function (param) {
      var typed = values[param.name];
      current[param.name] = typeof typed === "string" && typed.trim() !== "" ? typed.trim() : String(param.default == null ? "" : param.default);
    });
    doc.querySelectorAll(".param[data-param]").forEach(function (node) {
      var name = node.getAttribute("data-param");
      if (!Object.prototype.hasOwnProperty.call(current, name)) return;
      if (node.textContent !== current[name]) node.textContent = current[name];
      node.classList.toggle("is-custom", typeof values[name] === "string" && values[name].trim() !== "");
    });
    doc.querySelectorAll("[data-param-href]").forEach(function (link) {
      var template = link.getAttribute("data-param-href");
      link.setAttribute("href", template.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, function (whole, name) {
        return Object.prototype.hasOwnProperty.call(current, name) ? encodeURIComponent(current[name]) : whole;
      }));
    });
  }

  function setupParams() {
    var params = readParams();
    if (!params.length) return;
    var values = storedValues();
    applyValues(params, values);

    var header = doc.querySelector(".site-header");
    if (!header) return;
    var button = el("button", {
      type: "button", class: "values-toggle", "aria-expanded": "false", "aria-controls": "values-panel"
    }, "내 값");
    var panel = el("section", { id: "values-panel", class: "values-panel", "aria-labelledby": "values-title" });
    panel.hidden = true;
    panel.appendChild(el("h2", { id: "values-title", class: "values-title" }, "내 값"));
    panel.appendChild(el("p", { class: "values-help" },
      "여기에 적은 값이 명령과 링크의 예시 값 대신 들어갑니다. 값은 이 브라우저에만 저장됩니다."));
    var form = el("form", { class: "values-form" });
    var inputs = [];
    params.forEach(function (param, index) {
      var id = "values-input-" + index;
      var row = el("div", { class: "values-row" });
      row.appendChild(el("label", { for: id }, String(param.label || param.name)));
      var input = el("input", {
        id: id, type: "text", name: param.name, autocomplete: "off", spellcheck: "false",
        placeholder: String(param.default == null ? "" : param.default)
      });
      input.value = typeof values[param.name] === "string" ? values[param.name] : "";
      input.addEventListener("input", function () {
        values = storedValues();
        if (input.value.trim() === "") delete values[param.name];
        else values[param.name] = input.value;
        save("values", Object.keys(values).length ? values : null);
        applyValues(params, values);
      });
      row.appendChild(input);
      form.appendChild(row);
      inputs.push(input);
    });
    var actions = el("div", { class: "values-actions" });
    var reset = el("button", { type: "button", class: "values-reset" }, "기본값으로");
    var close = el("button", { type: "button", class: "values-close" }, "닫기");
    var status = el("p", { class: "visually-hidden", "aria-live": "polite" });
    actions.appendChild(reset);
    actions.appendChild(close);
    form.appendChild(actions);
    panel.appendChild(form);
    panel.appendChild(status);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      setOpen(false, true);
    });
    reset.addEventListener("click", function () {
      values = storedValues();
      params.forEach(function (param) { delete values[param.name]; });
      save("values", Object.keys(values).length ? values : null);
      inputs.forEach(function (input) { input.value = ""; });
      applyValues(params, values);
      status.textContent = "기본값으로 되돌렸습니다.";
      inputs[0].focus();
    });

    function setOpen(open, restoreFocus) {
      button.setAttribute("aria-expanded", String(open));
      panel.hidden = !open;
      status.textContent = "";
      if (open) inputs[0].focus();
      else if (restoreFocus) button.focus();
    }

    button.addEventListener("click", function () {
      setOpen(panel.hidden, true);
    });
    close.addEventListener("click", function () {
      setOpen(false, true);
    });
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.preventDefault();
        setOpen(false, true);
      }
    });
    doc.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !panel.hidden && event.target === button) setOpen(false, true);
    });
    doc.addEventListener("click", function (event) {
      if (!panel.hidden && !panel.contains(event.target) && !button.contains(event.target)) setOpen(false, false);
    });
    // Values typed in another window of the same site.
    window.addEventListener("storage", function (event) {
      if (event.key !== storePrefix + "values") return;
      values = storedValues();
      inputs.forEach(function (input) {
        if (doc.activeElement !== input) input.value = typeof values[input.name] === "string" ? values[input.name] : "";
      });
      applyValues(params, values);
    });

    var place = header.querySelector(".print-link");
    header.insertBefore(button, place);
    header.appendChild(panel);
  }

  /* ---- Tabs -----------------------------------------------------------
     A .tabs block holds .tab-panel[data-tab] children, all readable without JS. The script
     puts a WAI-ARIA tab list before them; choosing a label selects it in every tab set that has
     it and is remembered (most recent first) for the next page. */

  var tabSets = [];

  function rememberedTabs() {
    var list = load("tabs", []);
    return Array.isArray(list) ? list.filter(function (label) { return typeof label === "string"; }) : [];
  }

  function selectTab(set, index, focus) {
    set.tabs.forEach(function (tab, at) {
      var selected = at === index;
      tab.setAttribute("aria-selected", String(selected));
      tab.setAttribute("tabindex", selected ? "0" : "-1");
      set.panels[at].hidden = !selected;
    });
    set.selected = index;
    if (focus) set.tabs[index].focus();
  }

  // Selects LABEL everywhere it is offered, keeping ORIGIN (the tab chosen) where it was on screen.
  function chooseTab(label, origin) {
    var before = origin ? origin.getBoundingClientRect().top : 0;
    tabSets.forEach(function (set) {
      var index = set.labels.indexOf(label);
      if (index !== -1 && index !== set.selected) selectTab(set, index, false);
    });
    if (origin) {
      var shift = origin.getBoundingClientRect().top - before;
      if (shift) window.scrollBy(0, shift);
    }
    var list = rememberedTabs().filter(function (stored) { return stored !== label; });
    list.unshift(label);
    save("tabs", list.slice(0, 20));
  }

  function setupTabs(main) {
    var remembered = rememberedTabs();
    main.querySelectorAll(".tabs").forEach(function (box, setIndex) {
      var panels = Array.prototype.filter.call(box.children, function (child) {
        return child.classList.contains("tab-panel");
      });
      if (!panels.length) return;
      var list = el("div", { role: "tablist", class: "tab-list" });
      var set = { box: box, panels: panels, tabs: [], labels: [], selected: -1 };
      panels.forEach(function (panel, index) {
        var label = panel.getAttribute("data-tab") || "";
        var tabId = "tab-" + setIndex + "-" + index;
        if (!panel.id) panel.id = "tabpanel-" + setIndex + "-" + index;
        var tab = el("button", {
          type: "button", role: "tab", id: tabId, class: "tab", "aria-controls": panel.id,
          "aria-selected": "false", tabindex: "-1"
        }, label);
        panel.setAttribute("role", "tabpanel");
        panel.setAttribute("aria-labelledby", tabId);
        panel.setAttribute("tabindex", "0");
        tab.addEventListener("click", function () {
          selectTab(set, index, false);
          chooseTab(label, tab);
        });
        list.appendChild(tab);
        set.tabs.push(tab);
        set.labels.push(label);
      });
      list.addEventListener("keydown", function (event) {
        var at = set.tabs.indexOf(doc.activeElement);
        if (at === -1 || event.altKey || event.ctrlKey || event.metaKey) return;
        var last = set.tabs.length - 1;
        var next = event.key === "ArrowRight" ? (at === last ? 0 : at + 1)
          : event.key === "ArrowLeft" ? (at === 0 ? last : at - 1)
          : event.key === "Home" ? 0 : event.key === "End" ? last : -1;
        if (next === -1) return;
        event.preventDefault(); // also keeps ← / → from turning the page
        selectTab(set, next, true);
        chooseTab(set.labels[next], set.tabs[next]);
      });
      box.insertBefore(list, panels[0]);
      box.classList.add("is-tabbed");
      var start = 0;
      for (var i = 0; i < remembered.length; i += 1) {
        var found = set.labels.indexOf(remembered[i]);
        if (found !== -1) { start = found; break; }
      }
      selectTab(set, start, false);
      tabSets.push(set);
    });
    if (!tabSets.length) return;

    // A link to something inside a hidden panel (a heading, a step) shows that panel.
    function revealTarget() {
      var id = window.location.hash.slice(1);
      try { id = decodeURIComponent(id); } catch (e) { /* keep it as written */ }
      var target = id && doc.getElementById(id);
      if (!target) return;
      tabSets.forEach(function (set) {
        set.panels.forEach(function (panel, index) {
          if (panel !== target && panel.contains(target) && panel.hidden) selectTab(set, index, false);
        });
      });
    }
    revealTarget();
    window.addEventListener("hashchange", revealTarget);
  }

  /* ---- Step progress (page, cards) -------------------------------------
     Each step heading gets a "완료" checkbox; done steps are kept per page. The sidebar shows
     them (buildSidebar), the home page's lab cards count them and offer to go on. */

  // "진행 초기화" for the page at URL; for a moment after, the same button offers "되돌리기".
  function resetButton(url, title) {
    var button = el("button", { type: "button", class: "progress-reset" });
    var undo = null;
    var timer = 0;

    function label(text) {
      button.textContent = text;
      if (title) button.setAttribute("aria-label", title + " " + text);
    }

    function settleUndo() {
      window.clearTimeout(timer);
      undo = null;
      label("진행 초기화");
    }

    label("진행 초기화");
    button.addEventListener("click", function () {
      if (undo) {
        var restore = undo;
        settleUndo();
        setDoneSteps(url, restore);
        return;
      }
      undo = doneSteps(url);
      label("진행 되돌리기");
      setDoneSteps(url, []);
      timer = window.setTimeout(function () {
        settleUndo();
        progressListeners.forEach(function (listener) { listener(); });
      }, 8000);
    });
    return {
      button: button,
      // Shown while the page has progress (or while its reset can still be undone).
      settle: function (hasProgress) {
        if (undo && hasProgress) settleUndo();
        button.hidden = !hasProgress && !undo;
      }
    };
  }

  function setupStepProgress(main) {
    var headings = Array.prototype.slice.call(main.querySelectorAll(".doc-body h2.step[id]"));
    if (!headings.length || !pageUrl) return;
    var boxes = headings.map(function (heading, index) {
      var match = /(\d+)$/.exec(heading.id);
      var number = match ? match[1] : String(index + 1);
      var label = el("label", { class: "step-done" });
      var box = el("input", { type: "checkbox", "aria-label": number + "단계 완료" });
      label.appendChild(box);
      label.appendChild(doc.createTextNode(" 완료"));
      heading.parentNode.insertBefore(label, heading.nextSibling);
      box.addEventListener("change", function () {
        var done = doneSteps(pageUrl).filter(function (id) { return id !== heading.id; });
        if (box.checked) done.push(heading.id);
        setDoneSteps(pageUrl, done);
      });
      return { heading: heading, box: box };
    });

    var header = main.querySelector(".doc-header");
    var summary = el("span", { class: "lab-progress-count", "aria-live": "polite" });
    var reset = resetButton(pageUrl, "");
    if (header) {
      var bar = el("p", { class: "lab-progress" });
      bar.appendChild(summary);
      bar.appendChild(reset.button);
      header.appendChild(bar);
    }

    function show() {
      var done = doneSteps(pageUrl);
      var count = 0;
      boxes.forEach(function (entry) {
        var checked = done.indexOf(entry.heading.id) !== -1;
        if (checked) count += 1;
        entry.box.checked = checked;
        entry.heading.classList.toggle("is-done", checked);
      });
      summary.textContent = boxes.length + "단계 중 " + count + "단계 완료";
      reset.settle(count > 0);
    }
    show();
    progressListeners.push(show);
  }

  function setupLabCards(main) {
    var cards = main.querySelectorAll(".lab-card");
    if (!cards.length) return;
    var pages = navPages();
    var labs = [];
    cards.forEach(function (card) {
      var link = card.querySelector("a[href]");
      if (!link) return;
      var href = link.getAttribute("href");
      var page = null;
      pages.forEach(function (candidate) {
        if (!page && (root + candidate.url === href || candidate.url === href)) page = candidate;
      });
      if (!page || !Array.isArray(page.steps) || !page.steps.length) return;
      var line = el("p", { class: "lab-card-progress" });
      var count = el("span", { class: "lab-card-progress-count" });
      var reset = resetButton(page.url, page.title);
      line.appendChild(count);
      line.appendChild(reset.button);
      card.appendChild(line);
      labs.push({ page: page, count: count, line: line, reset: reset });
    });
    if (!labs.length) return;

    var list = main.querySelector(".lab-list-title");
    var go = el("p", { class: "continue" });
    var goLink = el("a", { class: "continue-link" });
    go.appendChild(goLink);
    if (list) list.parentNode.insertBefore(go, list.nextSibling);

    function show() {
      var any = false;
      var next = null;
      labs.forEach(function (lab) {
        var progress = progressOf(lab.page);
        if (progress.done) any = true;
        if (!next && progress.next) next = { page: lab.page, step: progress.next };
        lab.count.textContent = progress.done + "/" + progress.total + "단계 완료";
        lab.line.classList.toggle("is-started", progress.done > 0);
        lab.line.classList.toggle("is-finished", progress.done === progress.total);
        lab.reset.settle(progress.done > 0);
      });
      go.hidden = !(any && next);
      if (any && next) {
        goLink.setAttribute("href", root + next.page.url + "#" + next.step.id);
        goLink.textContent = "이어서 하기: " + next.page.title + " › " + stepLabel(next.step);
      }
    }
    show();
    progressListeners.push(show);
  }

  /* ---- Figures ---------------------------------------------------------
     A figure's image is a link to the file (so it opens without JS); the script opens it in a
     dialog instead. Escape or "닫기" closes it and focus goes back to the link. */

  function setupFigures(main) {
    var links = main.querySelectorAll("a.figure-zoom");
    if (!links.length) return;
    var probe = doc.createElement("dialog");
    if (typeof probe.showModal !== "function") return;
    var dialog = null;
    var image = null;
    var caption = null;
    var opener = null;

    function build() {
      dialog = el("dialog", { class: "figure-dialog", "aria-labelledby": "figure-dialog-caption" });
      var close = el("button", { type: "button", class: "figure-dialog-close", autofocus: "" }, "닫기");
      image = el("img", { class: "figure-dialog-image", alt: "" });
      caption = el("p", { id: "figure-dialog-caption", class: "figure-dialog-caption" });
      dialog.appendChild(close);
      dialog.appendChild(image);
      dialog.appendChild(caption);
      close.addEventListener("click", function () { dialog.close(); });
      dialog.addEventListener("click", function (event) {
        if (event.target === dialog) dialog.close(); // the backdrop
      });
      dialog.addEventListener("close", function () {
        html.classList.remove("dialog-open");
        if (opener) opener.focus();
        opener = null;
      });
      doc.body.appendChild(dialog);
    }

    links.forEach(function (link) {
      link.addEventListener("click", function (event) {
        if (event.button || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        if (!dialog) build();
        var img = link.querySelector("img");
        var figure = link.closest("figure");
        var text = figure && figure.querySelector("figcaption");
        opener = link;
        image.src = link.getAttribute("href");
        image.alt = img ? img.getAttribute("alt") || "" : "";
        caption.textContent = text ? text.textContent : image.alt;
        html.classList.add("dialog-open");
        dialog.showModal();
      });
    });
  }

  /* ---- Printing --------------------------------------------------------
     Folded callouts (and any other details) print open; CSS does it where ::details-content
     is known, this does it everywhere, and folds them back after. */

  function setupPrinting() {
    var opened = [];
    window.addEventListener("beforeprint", function () {
      doc.querySelectorAll("details:not([open])").forEach(function (details) {
        details.open = true;
        opened.push(details);
      });
    });
    window.addEventListener("afterprint", function () {
      opened.forEach(function (details) { details.open = false; });
      opened = [];
    });
  }

  function init() {
    var sidebar = doc.getElementById("sidebar");
    var main = doc.getElementById("main");
    if (sidebar) {
      buildSidebar(sidebar);
      setupDrawer(sidebar);
    }
    setupKeys();
    setupSearch();
    setupParams();
    setupPrinting();
    if (main) {
      enhanceHeadings(main);
      highlightJSON(main);
      enhanceCode(main);
      setupTabs(main);
      setupStepProgress(main);
      setupLabCards(main);
      setupFigures(main);
      setupScrollSpy(main);
    }
  }

  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", init);
  else init();
})();
