// Đại hội — the pages' only script, loaded from this server (the Content-Security-Policy forbids inline code).
// Everything here only smooths a flow that works without it.
(function () {
  'use strict';

  // The QR code on a slip opens /vote#code=XXXX-XXXX: the code lives in the fragment, which no server, proxy or
  // Referer sees. It is put in the form, wiped from the address bar and history, and posted once.
  function codeFromFragment() {
    var form = document.getElementById('signin');
    if (!form || !location.hash) return;
    var m = /(?:^#|&)code=([^&]*)/.exec(location.hash);
    history.replaceState(null, '', location.pathname + location.search);
    if (!m) return;
    var code = decodeURIComponent(m[1]).replace(/[^A-Za-z0-9-]/g, '').slice(0, 64);
    if (!code) return;
    form.querySelector('#code').value = code;
    var pending = form.querySelector('[data-qr-pending]');
    if (pending) pending.hidden = false;
    form.submit();
  }

  // The ballot's live counter: "keeping k of at most n"; more than n cannot go on to the review.
  function ballot() {
    var form = document.querySelector('form[data-ballot]');
    if (!form) return;
    var seats = parseInt(form.getAttribute('data-seats'), 10);
    var counter = form.querySelector('[data-counter]');
    var submit = form.querySelector('button[type=submit]');
    function update() {
      var k = form.querySelectorAll('input[name=kept]:checked').length;
      var over = k > seats;
      counter.textContent = over ? counter.getAttribute('data-over') : counter.getAttribute('data-template').replace('{k}', k);
      counter.classList.toggle('over', over);
      submit.disabled = over;
    }
    form.addEventListener('change', update);
    form.addEventListener('submit', function (e) {
      if (form.querySelectorAll('input[name=kept]:checked').length > seats) e.preventDefault();
    });
    update();
  }

  // The rating ballot: every person needs a level before the review.
  function rating() {
    var form = document.querySelector('form[data-rating]');
    if (!form) return;
    var people = form.querySelectorAll('fieldset.person');
    var counter = form.querySelector('[data-counter]');
    var submit = form.querySelector('button[type=submit]');
    function update() {
      var done = 0;
      people.forEach(function (p) { if (p.querySelector('input:checked')) done++; });
      counter.textContent = counter.getAttribute('data-template').replace('{k}', done);
      submit.disabled = done < people.length;
    }
    form.addEventListener('change', update);
    form.addEventListener('submit', function (e) {
      var missing = Array.prototype.filter.call(people, function (p) { return !p.querySelector('input:checked'); });
      if (missing.length) { e.preventDefault(); missing[0].querySelector('input').focus(); }
    });
    update();
  }

  // A confirmation is sent once per page: a second tap waits for the first answer (the server would give the same
  // receipt anyway, by the ballot's Idempotency-Key).
  function once() {
    document.querySelectorAll('form[data-once]').forEach(function (form) {
      form.addEventListener('submit', function (e) {
        if (form.getAttribute('data-sent')) { e.preventDefault(); return; }
        form.setAttribute('data-sent', '1');
      });
    });
  }

  function copy() {
    document.querySelectorAll('[data-copy]').forEach(function (b) {
      if (!navigator.clipboard) return;
      b.hidden = false;
      b.addEventListener('click', function () {
        var text = document.querySelector(b.getAttribute('data-copy')).textContent.trim();
        navigator.clipboard.writeText(text).then(function () { b.textContent = b.getAttribute('data-copied'); });
      });
    });
  }

  // The first error on a page takes the focus, so a screen reader reads it and a keyboard user starts there.
  function focusError() {
    var e = document.querySelector('.error-summary');
    if (e) e.focus();
  }

  // Convening: only the chosen rule profile's rules are shown (without this script every profile's are).
  function ruleProfiles() {
    var select = document.querySelector('[data-profile-select]');
    if (!select) return;
    function update() {
      document.querySelectorAll('.profile-rules[data-profile]').forEach(function (s) {
        s.hidden = s.getAttribute('data-profile') !== select.value;
      });
    }
    select.addEventListener('change', update);
    update();
  }

  document.addEventListener('DOMContentLoaded', function () {
    codeFromFragment(); ballot(); rating(); once(); copy(); focusError(); ruleProfiles();
  });
})();
