import TenderReport

/// What the web page adds to the report's stylesheet and script (`HTMLStyle`): the folded
/// finding list and the folded sections of the result page. Served after them as one file each.
enum PageStyle {
    static let css = HTMLStyle.css + """

    ol.findings { list-style: none; padding-left: 0; margin: .4rem 0; }
    ol.findings > li { margin: 0; }
    details.finding { margin: .2rem 0; padding: .15rem .7rem; }
    details.finding[open] { padding-bottom: .8rem; }
    details.finding > summary { cursor: pointer; line-height: 1.4; }
    details.finding > summary .number { font-weight: 600; margin-right: .2rem; }
    details.finding > summary .match { color: var(--muted); }
    details.finding > summary .where { color: var(--muted); font-size: .9rem; white-space: nowrap; }
    details.finding:target, details.finding:focus-within { outline: 3px solid var(--accent); outline-offset: 1px; }
    details.fold { border-top: 1px solid var(--line); margin-top: 1.4rem; }
    details.fold > summary { cursor: pointer; padding: .6rem 0; }
    details.fold > summary > h2 { display: inline; margin: 0; font-size: 1.25rem; }
    details.fold > summary .hint { margin-left: .4rem; }
    details.fold > form.filters, details.fold > .fold-body { margin-bottom: 1rem; }
    """

    /// Opens the folded parents of the element a link points at, for browsers that do not do it
    /// themselves when following a link into a closed `<details>`.
    static let script = HTMLStyle.script + """

    (function () {
      "use strict";
      function openTarget() {
        var id = decodeURIComponent(location.hash.slice(1));
        var element = id ? document.getElementById(id) : null;
        if (!element) { return; }
        for (var node = element; node; node = node.parentElement) {
          if (node.tagName === "DETAILS" && !node.open) { node.open = true; }
        }
        element.scrollIntoView();
      }
      window.addEventListener("hashchange", openTarget);
      openTarget();
    })();
    """
}
