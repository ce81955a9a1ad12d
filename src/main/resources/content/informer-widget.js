/* Partnerline Virus Informer: renders into the host page inside a shadow root; defines no global name. */
(function (d) {
	'use strict';
	var doc = document, me = doc.currentScript;
	function el(tag, cls, text) {
		var e = doc.createElement(tag);
		if (cls) { e.className = cls; }
		if (text !== undefined && text !== null) { e.textContent = String(text); }
		return e;
	}
	function link(text, cls) {
		var a = el('a', cls, text);
		a.href = d.link;
		a.target = '_blank';
		a.rel = 'noopener';
		return a;
	}
	function render() {
		var host = el('div');
		host.setAttribute('data-partnerline-informer', '');
		host.style.display = 'block';
		host.style.width = d.width + 'px';
		host.style.maxWidth = '100%';
		if (me && me.parentNode && me.parentNode !== doc.head) {
			me.parentNode.insertBefore(host, me.nextSibling);
		} else {
			doc.body.appendChild(host);
		}
		var root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;
		var style = el('style');
		style.textContent = d.css;
		root.appendChild(style);
		var box = el('section', 'pl pl-' + d.style);
		box.setAttribute('lang', d.lang);
		var h = el('h2');
		h.appendChild(link(d.title));
		box.appendChild(h);
		box.appendChild(el('h3', null, d.ratingTitle));
		if (d.threats.length === 0) {
			box.appendChild(el('p', 'c', d.empty));
		} else {
			var ol = el('ol', 'pl-rating');
			d.threats.forEach(function (t) {
				var li = el('li');
				li.appendChild(link(t.name));
				var badge = el('span', 'd', t.danger);
				badge.title = d.dangerLabel + ' ' + t.danger + '/5';
				li.appendChild(badge);
				li.appendChild(el('span', 'c', t.count));
				ol.appendChild(li);
			});
			box.appendChild(ol);
		}
		if (d.news.length > 0) {
			box.appendChild(el('h3', null, d.newsTitle));
			var ul = el('ul', 'pl-news');
			d.news.forEach(function (n) {
				var li = el('li');
				var a = link(n.title);
				a.setAttribute('lang', n.lang);
				li.appendChild(a);
				ul.appendChild(li);
			});
			box.appendChild(ul);
		}
		box.appendChild(link(d.more, 'm'));
		root.appendChild(box);
	}
	if (doc.body) {
		render();
	} else {
		doc.addEventListener('DOMContentLoaded', render);
	}
})(/*DATA*/{});
