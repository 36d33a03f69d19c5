// Helpers shared by the monitor's pages: DOM building (text only, never HTML from data), JSON
// fetching with readable errors, times, and the header's health dot.
const nf = (() => {
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  const SVG = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs, ...children) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    for (const c of children.flat()) {
      if (c !== null && c !== undefined) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  async function get(url) {
    const r = await fetch(url, { headers: { Accept: 'application/json' } });
    const text = await r.text();
    let body;
    try { body = JSON.parse(text); } catch (e) { body = { error: text || r.statusText }; }
    if (!r.ok) {
      const err = new Error(body.error || (r.status + ' ' + r.statusText));
      err.status = r.status;
      throw err;
    }
    return body;
  }

  function ago(iso) {
    if (!iso) return '—';
    const s = Math.round((Date.now() - Date.parse(iso)) / 1000);
    const future = s < 0;
    const a = Math.abs(s);
    const v = a < 60 ? a + ' s' : a < 3600 ? Math.round(a / 60) + ' min' : a < 172800 ? Math.round(a / 3600) + ' h' : Math.round(a / 86400) + ' d';
    return future ? 'in ' + v : v + ' ago';
  }

  function time(iso) {
    if (!iso) return '—';
    const d = new Date(iso);
    return d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  }

  function query(params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, v);
    const s = q.toString();
    return s ? '?' + s : '';
  }

  const PALETTE = ['#2f5bea', '#e8743b', '#19a979', '#c94f8e', '#8e6bd6', '#d1a21a', '#1e9bb8', '#b85450', '#6e7f94', '#4fa35c'];

  const PAGES = [['live', 'Live'], ['trends', 'Trends'], ['stories', 'Stories'], ['feeds', 'Feeds'], ['search', 'Search']];

  function header() {
    const page = document.body.dataset.page;
    const dot = el('i', { class: 'dot' });
    const label = el('span', { class: 'label' }, '…');
    document.querySelector('header.top').append(
      el('div', { class: 'brand' }, 'newsflow ', el('span', {}, 'monitor')),
      el('nav', {}, PAGES.map(([p, name]) => el('a', { href: '/' + p, class: p === page ? 'active' : null }, name))),
      el('div', { class: 'health' }, dot, label, el('a', { href: '/api/openapi.yaml', style: 'color:#8fa8ff;margin-left:14px' }, 'API')));
    async function poll() {
      try {
        const r = await fetch('/health');
        const h = await r.json();
        dot.className = 'dot ' + (h.status === 'UP' ? 'up' : 'down');
        label.textContent = h.status === 'UP' ? 'healthy' : 'degraded';
        label.title = Object.entries(h.components).map(([k, v]) => k + ': ' + v).join(', ');
      } catch (e) {
        dot.className = 'dot down';
        label.textContent = 'unreachable';
      }
    }
    poll();
    setInterval(poll, 10000);
  }

  document.addEventListener('DOMContentLoaded', header);
  return { el, svg, get, ago, time, query, PALETTE };
})();
