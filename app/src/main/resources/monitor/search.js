// Search: full-text search over the PostgreSQL sink (/api/search).
(() => {
  const { el, get, ago, time, query } = nf;
  const input = el('input', { id: 'q', type: 'search', placeholder: 'sanctions "missile test" -weather', size: 50,
    value: new URLSearchParams(location.search).get('q') || '' });
  const results = el('div', { id: 'results' });

  document.getElementById('main').append(
    el('h1', {}, 'Search'),
    el('p', { class: 'sub' }, 'Full-text search over every article in the PostgreSQL sink: words, "quoted phrases", or, -excluded words.'),
    el('form', { class: 'panel toolbar', onsubmit: e => { e.preventDefault(); search(); } },
      input, el('button', { class: 'primary', type: 'submit' }, 'Search')),
    el('div', { class: 'panel' }, results));

  function snippet(text) {
    const p = el('p', { class: 'snippet' });
    for (const [i, part] of (text || '').split(/[\u0002\u0003]/).entries()) {
      p.append(i % 2 ? el('mark', {}, part) : document.createTextNode(part));
    }
    return p;
  }

  async function search() {
    const q = input.value.trim();
    history.replaceState(null, '', location.pathname + query({ q }));
    if (!q) {
      results.replaceChildren(el('p', { class: 'empty' }, 'Type words to search for.'));
      return;
    }
    results.replaceChildren(el('p', { class: 'empty' }, 'Searching…'));
    try {
      const body = await get('/api/search' + query({ q, limit: 50 }));
      results.replaceChildren(...(body.hits.length ? body.hits.map(h => el('div', { class: 'hit' },
        el('a', { class: 'article-title', href: h.url, target: '_blank', rel: 'noopener' }, h.title),
        el('div', { class: 'meta' }, el('span', { class: 'chip outlet' }, h.source),
          el('span', { title: time(h.published || h.fetchedAt) }, ago(h.published || h.fetchedAt)),
          h.verdict !== 'UNIQUE' ? el('span', { class: 'badge copies' }, 'copy') : null),
        snippet(h.snippet),
        el('div', { class: 'chips' }, h.actorCodes.map(c => el('span', { class: 'chip actor' }, c)),
          h.eventTypes.map(t => el('span', { class: 'chip event' }, t)))))
        : [el('p', { class: 'empty' }, 'No article matches “' + q + '”.')]));
    } catch (e) {
      results.replaceChildren(el('p', { class: 'error' }, e.message));
    }
  }

  if (input.value) search(); else results.replaceChildren(el('p', { class: 'empty' }, 'Type words to search for.'));
})();
