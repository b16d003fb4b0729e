// Đại hội — the counting desk: paper ballots by keyboard only. Numbers of the names kept, Enter, next; a letter
// typed in the numbers field chooses why a ballot is invalid, Esc clears it. The desk works without this script (the
// form posts and the page comes back); with it, htmx swaps the desk in place and the page times itself: from the
// Enter to the moment the next ballot can be typed (data-last-entry-ms on #desk), typing excluded.
(function () {
  'use strict';

  var started = 0;

  function desk() { return document.getElementById('desk'); }

  function reasonKeys(field) {
    var form = field.form;
    var select = form && form.querySelector('select[name=invalid]');
    if (!select) return;
    field.addEventListener('keydown', function (e) {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'Escape') { select.value = ''; e.preventDefault(); return; }
      if (e.key.length !== 1 || !/[a-z]/i.test(e.key)) return;
      var option = select.querySelector('option[data-key="' + e.key.toLowerCase() + '"]');
      if (option) { select.value = option.value; }
      e.preventDefault(); // letters never go into the numbers
    });
  }

  function ready() {
    var d = desk();
    var field = document.getElementById('kept');
    if (field) {
      reasonKeys(field);
      field.focus();
    }
    if (d && started) {
      d.setAttribute('data-last-entry-ms', String(Math.round(performance.now() - started)));
      d.setAttribute('data-timed', String(parseInt(d.getAttribute('data-timed') || '0', 10) + 1));
      started = 0;
    }
    if (d) d.setAttribute('data-ready', '1');
  }

  document.addEventListener('DOMContentLoaded', function () {
    var d = desk();
    if (!d) return;
    if (window.htmx) {
      d.setAttribute('data-enhanced', '1');
      document.body.addEventListener('htmx:beforeRequest', function (e) {
        if (e.target && e.target.matches && e.target.matches('form[data-entry-form]')) {
          started = performance.now();
          d.setAttribute('data-ready', '0');
        }
      });
      document.body.addEventListener('htmx:afterSettle', function (e) {
        if (e.target === d) ready();
      });
    }
    ready();
  });
})();
