import Foundation
import LabSite

/// The script `labsite serve` adds to every HTML page it serves (never to the built files): it
/// listens to the server's events, reloads the page when a new build is published (restoring
/// the scroll position) and shows a failed build's errors over the page.
enum LiveReloadScript {
    /// The server-sent events endpoint.
    static let eventsPath = "/__labsite/events"

    /// `html` with the script inserted before its last `</body>`, or appended when there is none.
    static func inject(into html: String, version: Int) -> String {
        let script = script(version: version)
        guard let body = html.range(of: "</body>", options: [.backwards, .caseInsensitive]) else {
            return html + script
        }
        return html.replacingCharacters(in: body.lowerBound..<body.lowerBound, with: script)
    }

    /// The script for a page of build `version`. Error text reaches the page only through
    /// `textContent`, so a message quoting HTML cannot inject markup.
    static func script(version: Int) -> String {
        """
        <script id="labsite-live-reload">
        (function () {
          "use strict";
          var version = \(version);
          var key = "labsite-serve-scroll:" + location.pathname;
          var saved = null;
          try { saved = sessionStorage.getItem(key); sessionStorage.removeItem(key); } catch (e) {}
          if (saved !== null) {
            var restore = function () { window.scrollTo(0, Number(saved) || 0); };
            if (document.readyState === "complete") { restore(); } else { window.addEventListener("load", restore); }
          }
          function reload() {
            try { sessionStorage.setItem(key, String(window.scrollY)); } catch (e) {}
            location.reload();
          }
          function overlay(text) {
            var box = document.getElementById("labsite-error-overlay");
            if (text === null) { if (box) { box.remove(); } return; }
            if (!box) {
              box = document.createElement("div");
              box.id = "labsite-error-overlay";
              box.setAttribute("role", "alert");
              box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;" +
                "background:rgba(24,24,27,.94);color:#fafafa;font:15px/1.6 sans-serif";
              var title = document.createElement("p");
              title.style.cssText = "font-weight:700;font-size:1.2rem;margin:0 0 .5rem";
              title.textContent = "빌드 실패";
              var note = document.createElement("p");
              note.style.cssText = "margin:0 0 1rem";
              note.textContent = "파일을 고쳐 저장하면 다시 빌드한다. 뒤에 보이는 페이지는 마지막으로 성공한 빌드다.";
              var pre = document.createElement("pre");
              pre.style.cssText = "white-space:pre-wrap;margin:0 0 1rem;color:#fca5a5;font:14px/1.5 monospace";
              var close = document.createElement("button");
              close.type = "button";
              close.textContent = "닫기";
              close.addEventListener("click", function () { box.remove(); });
              box.append(title, note, pre, close);
              document.body.appendChild(box);
            }
            box.querySelector("pre").textContent = text;
          }
          var events = new EventSource("\(eventsPath)");
          events.addEventListener("state", function (event) {
            var state = JSON.parse(event.data);
            if (state.version !== version) { events.close(); reload(); return; }
            overlay(state.error);
          });
        })();
        </script>

        """
    }
}
