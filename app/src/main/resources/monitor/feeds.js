// Feeds: the health of every feed (/api/feeds) in a table sortable by any column.
(() => {
  const { el, get, ago, time } = nf;
  const RANK = { failing: 0, disabled: 1, pending: 2, ok: 3 };
  const COLUMNS = [
    ['status', 'Status', f => RANK[f.status]],
    ['url', 'Feed', f => (f.title || f.url).toLowerCase()],
    ['lastStatus', 'Last poll', f => f.lastStatus || ''],
    ['lastPollAt', 'Polled', f => f.lastPollAt || ''],
    ['lastSuccessAt', 'Last success', f => f.lastSuccessAt || ''],
    ['lastNewItemAt', 'Last new item', f => f.lastNewItemAt || ''],
    ['consecutiveFailures', 'Failures in a row', f => f.consecutiveFailures],
    ['failureScore', 'Failure score', f => f.failureScore],
    ['nextPollAt', 'Next poll', f => f.nextPollAt || ''],
    ['reason', 'Error / disabled reason', f => f.disabledReason || f.lastError || ''],
  ];
  let feeds = [];
  let sort = { key: 'status', asc: true };

  const summary = el('div', { class: 'summary', id: 'summary' });
  const head = el('tr');
  const body = el('tbody', { id: 'feeds' });
  document.getElementById('main').append(
    el('h1', {}, 'Feeds'),
    el('p', { class: 'sub' }, 'Every subscribed feed, from the fetcher\'s state and its fetch events. Click a column to sort.'),
    el('div', { class: 'panel' }, summary, el('table', { class: 'grid', id: 'feed-table' }, el('thead', {}, head), body)));

  function renderHead() {
    head.replaceChildren(...COLUMNS.map(([key, label]) => el('th', {
      'data-key': key, class: sort.key === key ? 'sorted' + (sort.asc ? ' asc' : '') : null,
      onclick: () => { sort = { key, asc: sort.key === key ? !sort.asc : true }; render(); },
    }, label)));
  }

  function when(iso) {
    return el('span', { title: time(iso) }, ago(iso));
  }

  function render() {
    renderHead();
    const value = COLUMNS.find(c => c[0] === sort.key)[2];
    const rows = feeds.slice().sort((a, b) => {
      const x = value(a), y = value(b);
      return (x < y ? -1 : x > y ? 1 : 0) * (sort.asc ? 1 : -1);
    });
    body.replaceChildren(...(rows.length ? rows.map(f => el('tr', { 'data-url': f.url, 'data-status': f.status },
      el('td', {}, el('span', { class: 'badge ' + f.status }, f.status)),
      el('td', { class: 'url' }, f.title ? el('div', {}, el('b', {}, f.title)) : null, el('a', { href: f.url, target: '_blank', rel: 'noopener' }, f.url)),
      el('td', {}, f.lastStatus ? f.lastStatus + (f.httpCode ? ' (' + f.httpCode + ')' : '') : '—'),
      el('td', { class: 'when' }, when(f.lastPollAt)),
      el('td', { class: 'when' }, when(f.lastSuccessAt)),
      el('td', { class: 'when' }, when(f.lastNewItemAt)),
      el('td', { class: 'num' }, f.consecutiveFailures),
      el('td', { class: 'num' }, f.failureScore.toFixed(1)),
      el('td', { class: 'when' }, f.status === 'disabled' ? '—' : when(f.nextPollAt)),
      el('td', { class: 'reason' }, f.disabledReason || f.lastError || '')))
      : [el('tr', {}, el('td', { colspan: COLUMNS.length, class: 'empty' }, 'No feeds known yet.'))]));
    const counts = {};
    feeds.forEach(f => { counts[f.status] = (counts[f.status] || 0) + 1; });
    summary.replaceChildren(...['ok', 'failing', 'disabled', 'pending'].filter(s => counts[s])
      .map(s => el('span', { class: 'badge ' + s }, counts[s] + ' ' + s)));
  }

  async function load() {
    try {
      feeds = (await get('/api/feeds')).feeds;
      render();
    } catch (e) {
      body.replaceChildren(el('tr', {}, el('td', { colspan: COLUMNS.length }, el('div', { class: 'error' }, e.message))));
    }
  }

  renderHead();
  load();
  setInterval(load, 10000);
})();
