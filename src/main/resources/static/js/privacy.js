// The panel's data export: fetch the zip while saying so, then hand it to the browser as a
// download; without this script the link downloads it directly.
(function () {
  'use strict';
  const link = document.getElementById('export-download');
  const status = document.getElementById('export-status');
  if (!link || !status || !window.fetch || !window.URL) {
    return;
  }
  link.addEventListener('click', function (event) {
    event.preventDefault();
    if (link.getAttribute('aria-disabled') === 'true') {
      return;
    }
    link.setAttribute('aria-disabled', 'true');
    link.classList.add('busy');
    status.textContent = link.dataset.preparing;
    fetch(link.href, { credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        const disposition = response.headers.get('Content-Disposition') || '';
        const match = /filename="?([^";]+)"?/.exec(disposition);
        return response.blob().then(function (blob) {
          return { blob: blob, name: match ? match[1] : 'partnerline-export.zip' };
        });
      })
      .then(function (file) {
        const url = URL.createObjectURL(file.blob);
        const save = document.createElement('a');
        save.href = url;
        save.download = file.name;
        document.body.appendChild(save);
        save.click();
        save.remove();
        setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
        status.textContent = link.dataset.ready.replace('{0}', file.name)
          .replace('{1}', Math.max(1, Math.round(file.blob.size / 1024)).toString());
        status.dataset.state = 'ready';
      })
      .catch(function () {
        status.textContent = link.dataset.failed;
        status.dataset.state = 'failed';
      })
      .finally(function () {
        link.removeAttribute('aria-disabled');
        link.classList.remove('busy');
      });
  });
}());
