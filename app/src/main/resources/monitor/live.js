// Live: recent articles from /api/articles, then new ones pushed by /api/stream (server-sent
// events). Copies are folded under the first article of their story.
(() => {
  const { el, get, ago, time, query } = nf;
  const MAX_SHOWN = 200;
  const FILTERS = ['actor', 'event', 'outlet', 'lang'];
  const filters = Object.fromEntries(FILTERS.map(f => [f, new URLSearchParams(location.search).get(f) || '']));
  const seen = { actors: new Map(), events: new Set(), outlets: new Set(), langs: new Set() };
  let source = null;

  const list = el('ul', { class: 'articles', id: 'articles' });
  const statusDot = el('i', { class: 'dot' });
  const statusText = el('span', { id: 'stream-status' }, 'connecting…');
  const countText = el('span', { id: 'count' });
  const inputs = {
    actor: el('input', { id: 'filter-actor', list: 'actors', placeholder: 'e.g. PRK', size: 9, value: filters.actor }),
    event: el('input', { id: 'filter-event', list: 'events', placeholder: 'e.g. SANCTION', size: 13, value: filters.event }),
    outlet: el('select', { id: 'filter-outlet' }),
    lang: el('select', { id: 'filter-lang' }),
  };
  const actorList = el('datalist', { id: 'actors' });
  const eventList = el('datalist', { id: 'events' });

  document.getElementById('main').append(
    el('h1', {}, 'Live'),
    el('p', { class: 'sub' }, 'Enriched articles as they arrive, newest first. Copies of a story are folded under its first article.'),
    el('div', { class: 'panel' },
      el('div', { class: 'toolbar' },
        el('label', {}, 'Actor', inputs.actor), el('label', {}, 'Event type', inputs.event),
        el('label', {}, 'Outlet', inputs.outlet), el('label', {}, 'Language', inputs.lang),
        el('button', { id: 'clear', onclick: () => setFilters({ actor: '', event: '', outlet: '', lang: '' }) }, 'Clear'),
        el('div', { class: 'status-line' }, statusDot, statusText, el('span', {}, '·'), countText)),
      actorList, eventList),
    el('div', { class: 'panel' }, list));

  for (const f of FILTERS) {
    inputs[f].addEventListener('change', () => setFilters({ [f]: inputs[f].value.trim() }));
  }

  function setFilters(changes) {
    Object.assign(filters, changes);
    for (const f of FILTERS) if (inputs[f].value !== filters[f]) inputs[f].value = filters[f];
    history.replaceState(null, '', location.pathname + query(filters));
    load();
  }

  function isCopy(a) {
    return a.verdict !== 'UNIQUE' && a.clusterId && a.clusterId !== a.id;
  }

  function remember(a) {
    for (const x of a.actors) seen.actors.set(x.code, x.name);
    for (const t of a.eventTypes) seen.events.add(t);
    seen.outlets.add(a.source);
    if (a.language) seen.langs.add(a.language);
  }

  function refreshChoices() {
    actorList.replaceChildren(...[...seen.actors].sort().map(([c, n]) => el('option', { value: c }, n)));
    eventList.replaceChildren(...[...seen.events].sort().map(t => el('option', { value: t })));
    options(inputs.outlet, seen.outlets, filters.outlet, 'all outlets');
    options(inputs.lang, seen.langs, filters.lang, 'all');
  }

  function options(select, values, current, all) {
    const vals = new Set(values);
    if (current) vals.add(current);
    select.replaceChildren(el('option', { value: '' }, all), ...[...vals].sort().map(v => el('option', { value: v }, v)));
    select.value = current;
  }

  function chip(kind, text, title, filter) {
    return el('span', { class: 'chip ' + kind, title, onclick: filter ? () => setFilters(filter) : null }, text);
  }

  function copyLine(c) {
    return el('li', {}, el('b', {}, c.source), ' — ', el('a', { href: c.url, target: '_blank', rel: 'noopener' }, c.title),
      ' ', el('span', { class: 'meta' }, c.verdict.toLowerCase().replace('_', '-') + ', ' + Math.round(c.similarity * 100) + '% similar'));
  }

  function render(a, copies) {
    const copyList = el('ul', { class: 'copies', hidden: true });
    copies.forEach(c => copyList.append(copyLine(c)));
    const copyBadge = el('button', { class: 'badge copies', hidden: copies.length === 0,
      onclick: () => { copyList.hidden = !copyList.hidden; } }, '+' + copies.length + (copies.length === 1 ? ' copy' : ' copies'));
    const withSentence = a.events.filter(e => e.sentence);
    const evidence = el('div', { class: 'evidence', hidden: true },
      withSentence.map(e => el('p', {}, el('b', {}, e.type + (e.source || e.target ? '  ' + (e.source || '?') + ' → ' + (e.target || '?') : '')),
        ' ', '“' + e.sentence + '”')));
    const li = el('li', { 'data-id': a.id, 'data-cluster': a.clusterId },
      el('a', { class: 'article-title', href: a.url, target: '_blank', rel: 'noopener' }, a.title),
      el('div', { class: 'meta' },
        chip('outlet', a.source, a.feedUrl, { outlet: a.source }),
        el('time', { datetime: a.time, title: time(a.time) }, ago(a.time)),
        a.language ? el('span', {}, a.language) : null,
        copyBadge,
        withSentence.length ? el('button', { class: 'link evidence-toggle', onclick: () => { evidence.hidden = !evidence.hidden; } },
          'evidence (' + withSentence.length + ')') : null),
      el('div', { class: 'chips' },
        a.actors.map(x => chip('actor', x.code, x.name, { actor: x.code })),
        a.eventTypes.map(t => chip('event', t, 'PLOVER event type', { event: t }))),
      evidence, copyList);
    li.copies = copies.slice();
    li.addCopy = c => {
      li.copies = li.copies.filter(x => x.id !== c.id).concat([c]);
      copyList.replaceChildren(...li.copies.map(copyLine));
      copyBadge.hidden = false;
      copyBadge.textContent = '+' + li.copies.length + (li.copies.length === 1 ? ' copy' : ' copies');
    };
    return li;
  }

  function showEmpty() {
    if (!list.querySelector('li[data-id]')) {
      list.replaceChildren(el('li', { class: 'empty' }, 'No articles match yet. New ones appear here as they arrive.'));
    }
  }

  function arrive(a) {
    remember(a);
    const shown = list.querySelector('li[data-id="' + CSS.escape(a.id) + '"]');
    if (shown) {
      shown.replaceWith(render(a, shown.copies || []));
      return;
    }
    const head = isCopy(a) ? list.querySelector('li[data-id="' + CSS.escape(a.clusterId) + '"]') : null;
    if (head) {
      head.addCopy(a);
      return;
    }
    list.querySelector('li.empty')?.remove();
    const li = render(a, []);
    li.classList.add('fresh');
    list.prepend(li);
    while (list.children.length > MAX_SHOWN) list.lastChild.remove();
    refreshChoices();
  }

  async function load() {
    if (source) source.close();
    try {
      const body = await get('/api/articles' + query({ ...filters, limit: 100 }));
      list.replaceChildren(...body.articles.map(a => { remember(a); a.copies.forEach(remember); return render(a, a.copies); }));
      countText.textContent = body.buffered + ' articles in memory';
      showEmpty();
    } catch (e) {
      list.replaceChildren(el('li', { class: 'error' }, e.message));
    }
    refreshChoices();
    connect();
  }

  function connect() {
    source = new EventSource('/api/stream' + query(filters));
    source.onopen = () => { statusDot.className = 'dot up'; statusText.textContent = 'live'; };
    source.onerror = () => { statusDot.className = 'dot down'; statusText.textContent = 'reconnecting…'; };
    source.addEventListener('article', e => arrive(JSON.parse(e.data)));
    source.addEventListener('overflow', () => load());
  }

  setInterval(() => {
    for (const t of list.querySelectorAll('time[datetime]')) t.textContent = ago(t.getAttribute('datetime'));
  }, 30000);
  load();
})();
