/* labsite default theme: sidebar, small-screen drawer, keyboard paging,
   step badges, heading links, code copy and current-step highlighting.
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
  var currentUrl = meta("labsite-page");

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
        copyText(pre.innerText.replace(/\n$/, "")).then(function () {
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
      // A wide block must be reachable by keyboard to scroll it.
      if (pre.scrollWidth > pre.clientWidth) pre.setAttribute("tabindex", "0");
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

  function init() {
    var sidebar = doc.getElementById("sidebar");
    var main = doc.getElementById("main");
    if (sidebar) {
      buildSidebar(sidebar);
      setupDrawer(sidebar);
    }
    setupKeys();
    if (main) {
      enhanceHeadings(main);
      enhanceCode(main);
      setupScrollSpy(main);
    }
  }

  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", init);
  else init();
})();
