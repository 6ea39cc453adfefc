/// The stylesheet and the small script shared by the HTML report and the web page. The report
/// inlines both (one self-contained file); the web page serves them as `/assets/…` so its
/// Content-Security-Policy needs no inline code.
public enum HTMLStyle {
    /// The stylesheet. Colours meet WCAG AA contrast (4.5:1) against their backgrounds.
    public static let css = """
    :root { color-scheme: light; --text: #1a1a1a; --muted: #4a4a4a; --line: #c8c8c8; --accent: #1f4f99;
      --error: #a3001b; --warning: #7a4100; --info: #1b5a86; --mark: #ffe58a; --mark-error: #ffd1d6; --panel: #f6f7f9; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); background: #fff; }
    header.page, main, footer.page { max-width: 62rem; margin: 0 auto; padding: 0 1.25rem; }
    header.page { padding-top: 1.25rem; border-bottom: 1px solid var(--line); }
    header.page p { color: var(--muted); margin-top: 0; }
    footer.page { color: var(--muted); border-top: 1px solid var(--line); padding-bottom: 2rem; margin-top: 2rem; font-size: .9rem; }
    h1 { font-size: 1.6rem; margin: .2rem 0 .4rem; }
    h2 { font-size: 1.35rem; margin-top: 2rem; }
    h3 { font-size: 1.15rem; margin: 1.6rem 0 .4rem; }
    h4, h5, h6 { font-size: 1rem; margin: .9rem 0 .3rem; }
    a { color: var(--accent); }
    a:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible, select:focus-visible, summary:focus-visible, mark:focus-visible {
      outline: 3px solid var(--accent); outline-offset: 2px; }
    .skip { position: absolute; left: -999rem; }
    .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 10; }
    table { border-collapse: collapse; margin: .5rem 0 1rem; min-width: 20rem; }
    caption { text-align: left; font-weight: 600; padding-bottom: .3rem; }
    th, td { border: 1px solid var(--line); padding: .3rem .6rem; text-align: left; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    .tables { display: flex; flex-wrap: wrap; gap: 0 2rem; }
    .totals { font-size: 1.05rem; }
    .meta { color: var(--muted); }
    dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; }
    dl.meta dt { font-weight: 600; }
    dl.meta dd { margin: 0; }
    nav.finding-index ol { padding-left: 1.6rem; }
    nav.finding-index li { margin: .15rem 0; }
    .clause { border-left: 3px solid transparent; padding-left: .75rem; margin-left: -.75rem; }
    .clause.has-findings { border-left-color: var(--warning); }
    .clause-label { color: var(--muted); font-size: .9rem; margin: 1.2rem 0 .2rem; }
    .block { white-space: pre-line; margin: .4rem 0; }
    .block.list-item { padding-left: 1.2rem; }
    .block.table-cell { font-size: .95rem; }
    mark { background: var(--mark); color: var(--text); padding: 0 .1em; border-bottom: 2px solid var(--warning); }
    mark.sev-error { background: var(--mark-error); border-bottom-color: var(--error); }
    mark.sev-info { border-bottom-color: var(--info); }
    a.ref { font-size: .8rem; vertical-align: super; text-decoration: none; font-weight: 600; padding: 0 .15em; }
    .finding { background: var(--panel); border: 1px solid var(--line); border-left: 5px solid var(--warning); border-radius: 4px;
      padding: .4rem 1rem .8rem; margin: .6rem 0 1.2rem; }
    .finding.sev-error { border-left-color: var(--error); }
    .finding.sev-info { border-left-color: var(--info); }
    .finding dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .4rem 0; }
    .finding dt { font-weight: 600; }
    .finding dd { margin: 0; }
    .badge { display: inline-block; font-size: .8rem; font-weight: 600; color: #fff; background: var(--warning); border-radius: 3px; padding: 0 .4rem; margin-right: .3rem; }
    .badge.sev-error { background: var(--error); }
    .badge.sev-info { background: var(--info); }
    .model-text { white-space: pre-wrap; background: #fff; border: 1px solid var(--line); padding: .6rem .8rem; margin: .3rem 0; user-select: text; }
    button, .button { font: inherit; padding: .35rem .9rem; border: 1px solid var(--accent); background: #fff; color: var(--accent); border-radius: 4px; cursor: pointer; text-decoration: none; display: inline-block; }
    button.primary { background: var(--accent); color: #fff; }
    .copy-status { margin-left: .5rem; color: var(--muted); }
    .alert { border: 2px solid var(--error); background: #fff5f6; padding: .6rem 1rem; border-radius: 4px; }
    .notice { border: 1px solid var(--line); background: var(--panel); padding: .6rem 1rem; border-radius: 4px; }
    form.upload fieldset, form.filters fieldset { border: 1px solid var(--line); border-radius: 4px; margin: .8rem 0; padding: .6rem 1rem; }
    form.upload legend, form.filters legend { font-weight: 600; padding: 0 .3rem; }
    form.upload textarea { width: 100%; min-height: 10rem; font: inherit; }
    form.upload label, form.filters label { display: inline-block; margin: .2rem 1rem .2rem 0; }
    .dropzone { border: 2px dashed var(--accent); border-radius: 6px; padding: 1rem; }
    .dropzone.dragging { background: #eef3fb; }
    .hint { color: var(--muted); font-size: .9rem; }
    .downloads a { margin-right: .6rem; }
    @media print { .finding { break-inside: avoid; } button, form, .downloads { display: none; } }
    """

    /// Progressive enhancement: copy buttons, filters that apply on change, and a drop zone.
    /// Without it everything still works: text is selectable, filters have a submit button,
    /// and the file input is a plain form field.
    public static let script = """
    (function () {
      "use strict";
      function copyText(text, done, failed) {
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(done, failed);
        } else {
          failed();
        }
      }
      document.querySelectorAll("button.copy[data-copy]").forEach(function (button) {
        var source = document.getElementById(button.getAttribute("data-copy"));
        if (!source) { return; }
        var status = document.createElement("span");
        status.className = "copy-status";
        status.setAttribute("role", "status");
        button.insertAdjacentElement("afterend", status);
        button.hidden = false;
        button.addEventListener("click", function () {
          copyText(source.innerText, function () {
            status.textContent = button.getAttribute("data-done") || "OK";
          }, function () {
            var range = document.createRange();
            range.selectNodeContents(source);
            var selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
          });
        });
      });
      document.querySelectorAll("form.filters").forEach(function (form) {
        form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
          box.addEventListener("change", function () {
            if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
          });
        });
      });
      document.querySelectorAll(".dropzone").forEach(function (zone) {
        var input = zone.querySelector("input[type=file]");
        if (!input) { return; }
        ["dragenter", "dragover"].forEach(function (name) {
          zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.add("dragging"); });
        });
        ["dragleave", "drop"].forEach(function (name) {
          zone.addEventListener(name, function () { zone.classList.remove("dragging"); });
        });
        zone.addEventListener("drop", function (event) {
          event.preventDefault();
          if (event.dataTransfer && event.dataTransfer.files.length > 0) {
            input.files = event.dataTransfer.files;
            input.dispatchEvent(new Event("change"));
          }
        });
      });
    })();
    """
}
