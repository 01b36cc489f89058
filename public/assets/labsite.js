/* labsite default theme: sidebar, small-screen drawer, keyboard paging,
   step badges, heading links, code copy, colours for trail records and current-step
   highlighting.
   Plain script (no modules) so it also runs from file://. */
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
    var pages = Array.isArray(window.LABSITE_NAV) ? window.LABSITE_NAV : [];
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
        toggle.appendChild(el("span", { class: "nav-toggle-count", "aria-hidden": "true" }, String(steps.length)));
        toggle.appendChild(el("span", { class: "nav-toggle-chevron", "aria-hidden": "true" }));
        row.appendChild(toggle);

        var stepList = el("ol", { class: "nav-steps", id: listId });
        stepList.hidden = !isCurrent;
        steps.forEach(function (step) {
          var href = (isCurrent ? "" : root + page.url) + "#" + step.id;
          var stepItem = el("li");
          var stepLink = el("a", { class: "nav-step", href: href });
          stepLink.appendChild(el("span", { class: "nav-step-num", "aria-hidden": "true" }, String(step.number)));
          stepLink.appendChild(el("span", { class: "visually-hidden" }, step.number + ". "));
          stepLink.appendChild(el("span", { class: "nav-step-title" }, stepLabel(step)));
          stepItem.appendChild(stepLink);
          stepList.appendChild(stepItem);
        });
        item.appendChild(stepList);

        toggle.addEventListener("click", function () {
          var open = toggle.getAttribute("aria-expanded") !== "true";
          toggle.setAttribute("aria-expanded", String(open));
          stepList.hidden = !open;
        });
      }
      list.appendChild(item);
    });

    sidebar.appendChild(list);

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
  // listing (they are in the page only to be pointed at).
  function copyableText(pre) {
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

  function init() {
    var sidebar = doc.getElementById("sidebar");
    var main = doc.getElementById("main");
    if (sidebar) {
      buildSidebar(sidebar);
      setupDrawer(sidebar);
    }
    setupKeys();
    setupSearch();
    if (main) {
      enhanceHeadings(main);
      highlightJSON(main);
      enhanceCode(main);
      setupScrollSpy(main);
    }
  }

  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", init);
  else init();
})();
