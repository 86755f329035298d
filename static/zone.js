// Use the browser's own time zone when the reader has not chosen one, so times
// read right with no choice made. Reloads at most once, and only when the
// cookie really stuck (cookies off must not loop).
(function () {
  try {
    if (/(?:^|;\s*)tz=/.test(document.cookie)) return;
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    document.cookie = 'tz=' + encodeURIComponent(zone) + '; path=/; max-age=31536000; samesite=lax';
    var shown = document.documentElement.getAttribute('data-viewer-zone');
    if (/(?:^|;\s*)tz=/.test(document.cookie) && document.querySelector('[data-zone-sensitive]') && shown !== zone) {
      location.reload();
    }
  } catch (e) {
    /* an old browser without Intl time zones keeps the host zone */
  }
})();
