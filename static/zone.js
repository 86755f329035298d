// Use the browser's own time zone when the reader has not chosen one, so times
// read right with no choice made. Pages that show times carry
// `data-zone-sensitive="<host zone>"`; they reload once, and only when the
// browser's zone differs from what the page already shows (a reader in the
// host zone never reloads) and the cookie really stuck (cookies off must not loop).
(function () {
  try {
    if (/(?:^|;\s*)tz=/.test(document.cookie)) return;
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    document.cookie = 'tz=' + encodeURIComponent(zone) + '; path=/; max-age=31536000; samesite=lax';
    var sensitive = document.querySelector('[data-zone-sensitive]');
    if (!sensitive || !/(?:^|;\s*)tz=/.test(document.cookie)) return;
    var shown = document.documentElement.getAttribute('data-viewer-zone') || sensitive.getAttribute('data-zone-sensitive');
    if (shown !== zone) location.reload();
  } catch (e) {
    /* an old browser without Intl time zones keeps the host zone */
  }
})();
