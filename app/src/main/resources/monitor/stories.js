// Stories: near-duplicate clusters of the last days (/api/stories), largest first, with their
// copies and outlets.
(() => {
  const { el, get, ago, time } = nf;
  const list = el('div', { id: 'stories' });

  document.getElementById('main').append(
    el('h1', {}, 'Stories'),
    el('p', { class: 'sub' }, 'Articles republished or rewritten by other outlets, largest first. A story leaves the list some days after its last copy.'),
    list);

  function story(s) {
    return el('div', { class: 'panel story', 'data-cluster': s.clusterId },
      el('h3', {}, el('a', { href: s.url, target: '_blank', rel: 'noopener' }, s.title)),
      el('div', { class: 'meta' },
        el('span', { class: 'badge copies' }, s.copies + (s.copies === 1 ? ' copy' : ' copies')),
        el('span', {}, 'first by ', el('b', {}, s.source), s.headSeen ? '' : ' (first article not seen by the monitor)'),
        el('span', { title: time(s.firstSeen) }, 'since ' + ago(s.firstSeen)),
        el('span', { title: time(s.lastSeen) }, 'last copy ' + ago(s.lastSeen))),
      el('div', { class: 'chips', style: 'margin-bottom:10px' }, s.outlets.map(o => el('span', { class: 'chip outlet' }, o))),
      el('table', { class: 'grid' },
        el('thead', {}, el('tr', {}, ['Outlet', 'Copy', 'Kind', 'Similarity', 'Seen'].map(h => el('th', { style: 'cursor:default' }, h)))),
        el('tbody', {}, s.members.map(c => el('tr', {},
          el('td', {}, c.source),
          el('td', {}, el('a', { href: c.url, target: '_blank', rel: 'noopener' }, c.title)),
          el('td', {}, c.verdict === 'DUPLICATE' ? 'exact copy' : 'near copy'),
          el('td', { class: 'num' }, Math.round(c.similarity * 100) + '%'),
          el('td', { title: time(c.seen) }, ago(c.seen)))))));
  }

  async function load() {
    try {
      const body = await get('/api/stories?limit=50');
      list.replaceChildren(...(body.stories.length ? body.stories.map(story)
        : [el('div', { class: 'panel empty' }, 'No story has copies yet.')]));
    } catch (e) {
      list.replaceChildren(el('div', { class: 'error' }, e.message));
    }
  }

  load();
  setInterval(load, 30000);
})();
