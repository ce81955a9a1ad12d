// Content pages: copy buttons for feed addresses and embed code, and the informer builder's live preview.
(function () {
	'use strict';
	document.querySelectorAll('button.copy[data-copy]').forEach(function (button) {
		button.addEventListener('click', function () {
			var field = document.getElementById(button.getAttribute('data-copy'));
			if (!field) { return; }
			var done = function () { button.classList.add('copied'); };
			if (navigator.clipboard && window.isSecureContext) {
				navigator.clipboard.writeText(field.value).then(done, function () { field.select(); document.execCommand('copy'); done(); });
			} else {
				field.select();
				document.execCommand('copy');
				done();
			}
		});
	});
	var form = document.getElementById('informer-form');
	var preview = document.getElementById('informer-preview');
	if (!form || !preview) { return; }
	var base = form.getAttribute('data-base');
	var previewBase = form.getAttribute('data-preview');
	function value(id) { return document.getElementById(id).value; }
	function update() {
		var vendor = document.getElementById('informer-vendor');
		var slug = vendor.options[vendor.selectedIndex] ? vendor.options[vendor.selectedIndex].getAttribute('data-slug') : '';
		var query = '?style=' + encodeURIComponent(value('informer-style')) + '&size=' + encodeURIComponent(value('informer-size'))
			+ '&lang=' + encodeURIComponent(value('informer-lang')) + (slug ? '&vendor=' + encodeURIComponent(slug) : '');
		preview.src = previewBase + '.html' + query;
		document.getElementById('informer-code-js').value = '<script async src="' + base + '.js' + query.replace(/&/g, '&amp;') + '"></' + 'script>';
		document.getElementById('informer-code-html').value = '<iframe src="' + base + '.html' + query.replace(/&/g, '&amp;')
			+ '" width="480" height="420" style="border:0" title="Virus Informer"></iframe>';
	}
	['informer-style', 'informer-size', 'informer-vendor', 'informer-lang'].forEach(function (id) {
		document.getElementById(id).addEventListener('change', update);
	});
})();
