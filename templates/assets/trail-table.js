// labsite default theme: sorting, filtering and paging of the CloudTrail events table
// (events/index.html), reading window.LABSITE_EVENTS from events/events-data.js, and the rows the
// filters keep as a CSV download. Cells are set with textContent, never as HTML; plain script so
// it runs from file:// too.
(function () {
  "use strict";
  var data = window.LABSITE_EVENTS;
  var root = document.querySelector("[data-trail-table]");
  if (!data || !root) return;
  var table = root.querySelector("table");
  var body = table.tBodies[0];
  var form = root.querySelector(".trail-filters");
  var status = root.querySelector(".trail-table-status");
  var pager = root.querySelector(".trail-pager");
  var info = root.querySelector(".trail-page-info");
  var download = root.querySelector(".trail-download");
  var size = data.pageSize || 100;
  var rows = data.rows;
  var shown = rows;
  var page = 0;
  var sortColumn = 0;
  var ascending = true;
  // Column of the table → position in a data row (0 is the event id).
  var columns = [1, 2, 3, 4, 5, 6, 7, 8];
  var filterColumns = { user: 2, source: 3, event: 4, region: 5, ip: 6 };

  function readFilters() {
    var wanted = [];
    Object.keys(filterColumns).forEach(function (name) {
      var value = form.elements[name].value.trim().toLowerCase();
      if (value) wanted.push([filterColumns[name], value]);
    });
    var rw = form.elements.rw.value;
    var errorsOnly = form.elements.errors.checked;
    return function (row) {
      if (rw && row[7] !== rw) return false;
      if (errorsOnly && !row[8]) return false;
      for (var i = 0; i < wanted.length; i++) {
        if (row[wanted[i][0]].toLowerCase().indexOf(wanted[i][1]) < 0) return false;
      }
      return true;
    };
  }

  function update(resetPage) {
    var keep = readFilters();
    shown = rows.filter(keep);
    var column = columns[sortColumn];
    var direction = ascending ? 1 : -1;
    shown = shown.map(function (row, index) { return [row, index]; });
    shown.sort(function (a, b) {
      var x = a[0][column], y = b[0][column];
      if (x < y) return -direction;
      if (x > y) return direction;
      return a[1] - b[1];
    });
    shown = shown.map(function (pair) { return pair[0]; });
    if (resetPage) page = 0;
    render();
    if (download) refreshDownload();
  }

  // The download's columns, named as the console's Event history CSV names them, so that
  // `labsite events` and spreadsheets read it like a console download.
  var csvColumns = ["Event time", "User name", "Event source", "Event name", "AWS region",
    "Source IP address", "Read-only", "Error code", "Event ID"];
  // Up to this many rows the link holds the file itself (it can be saved with "Save link as");
  // beyond, the file is made when the link is clicked.
  var eagerRows = 5000;
  var madeURL = null;

  // A cell that starts with =, +, -, @, tab or CR is a formula to a spreadsheet (CSV injection):
  // a leading ' makes it text, as labsite's own CSV writer does.
  function csvCell(value) {
    var text = value == null ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function csvText() {
    var lines = [csvColumns.map(csvCell).join(",")];
    shown.forEach(function (row) {
      var time = row[1] ? row[1].replace(" ", "T") + "Z" : "";
      var readOnly = row[7] === "읽기" ? "true" : row[7] === "쓰기" ? "false" : "";
      lines.push([time, row[2], row[3], row[4], row[5], row[6], readOnly, row[8], row[0]].map(csvCell).join(","));
    });
    // A byte order mark, so that Excel opens the Korean text as UTF-8.
    return "\uFEFF" + lines.join("\r\n") + "\r\n";
  }

  function refreshDownload() {
    download.hidden = false;
    download.textContent = "조건에 맞는 이벤트 " + shown.length + "개를 CSV로 내려받기";
    if (madeURL) URL.revokeObjectURL(madeURL);
    madeURL = null;
    if (shown.length <= eagerRows) {
      download.href = "data:text/csv;charset=utf-8," + encodeURIComponent(csvText());
    } else {
      download.removeAttribute("href");
    }
  }

  function cell(text) {
    var td = document.createElement("td");
    td.textContent = text || "—";
    return td;
  }

  function render() {
    var pages = Math.max(1, Math.ceil(shown.length / size));
    page = Math.min(page, pages - 1);
    var start = page * size;
    var fragment = document.createDocumentFragment();
    shown.slice(start, start + size).forEach(function (row) {
      var tr = document.createElement("tr");
      tr.appendChild(cell(row[1]));
      tr.appendChild(cell(row[2]));
      tr.appendChild(cell(row[3]));
      var eventCell = document.createElement("td");
      var link = document.createElement("a");
      link.href = encodeURIComponent(row[0]) + ".html";
      link.textContent = row[4] || "—";
      eventCell.appendChild(link);
      tr.appendChild(eventCell);
      tr.appendChild(cell(row[5]));
      tr.appendChild(cell(row[6]));
      tr.appendChild(cell(row[7]));
      var error = document.createElement("td");
      error.textContent = row[8];
      if (row[8]) error.className = "trail-error";
      tr.appendChild(error);
      fragment.appendChild(tr);
    });
    body.replaceChildren(fragment);
    status.textContent = shown.length === rows.length
      ? "이벤트 " + rows.length + "개."
      : "이벤트 " + rows.length + "개 중 " + shown.length + "개가 조건에 맞는다.";
    pager.hidden = shown.length <= size;
    info.textContent = (page + 1) + " / " + pages + " 페이지";
    pager.querySelector("[data-trail-page=prev]").disabled = page === 0;
    pager.querySelector("[data-trail-page=next]").disabled = page >= pages - 1;
  }

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "trail-sort";
    button.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(button);
    if (index === sortColumn) th.setAttribute("aria-sort", "ascending");
    button.addEventListener("click", function () {
      ascending = index === sortColumn ? !ascending : true;
      sortColumn = index;
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) {
        other.removeAttribute("aria-sort");
      });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      update(false);
    });
  });
  form.hidden = false;
  if (download) {
    download.tabIndex = 0;
    download.addEventListener("click", function () {
      // A large table's file is made now, before the link is followed.
      if (!download.getAttribute("href")) {
        madeURL = URL.createObjectURL(new Blob([csvText()], { type: "text/csv;charset=utf-8" }));
        download.href = madeURL;
      }
    });
  }
  form.addEventListener("input", function () { update(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(function () { update(true); }, 0); });
  pager.addEventListener("click", function (event) {
    var which = event.target.getAttribute && event.target.getAttribute("data-trail-page");
    if (!which) return;
    page += which === "next" ? 1 : -1;
    render();
    table.scrollIntoView({ block: "start" });
  });
  var query = new URLSearchParams(window.location.search);
  Object.keys(filterColumns).forEach(function (name) {
    if (query.get(name)) form.elements[name].value = query.get(name);
  });
  if (query.get("errors")) form.elements.errors.checked = true;
  update(true);
})();
