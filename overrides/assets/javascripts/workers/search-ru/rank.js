/*
 * Which pages come first, and the result in the shape Material's search box renders.
 *
 * An entry (page, section or clause) scores like Material's lunr index did: per query word the
 * best of its words in the entry, weighted by rarity (BM25 idf, no length normalisation, as
 * Material sets b = 0; an entry is short, so only whether it has the word counts, not how often),
 * a word in the title counting a thousand times, in the tags ten times; a
 * guessed word (other layout, transliteration, typo) counts less than a word as typed. Pages are
 * ordered by: a title that holds every query word (the fewer other words, the better: «менеджер по
 * работе с клиентами» before «… с ключевыми клиентами»), then how many query words the page has,
 * then positions before other pages (the guide, the benchmark), then its best entry (and a tenth of
 * its other entries). The first six pages come with their
 * matching sections and clauses and highlighted text; the rest with their title only, so no query
 * loads more than a few pages' text.
 *
 * Part of the search worker (../search-ru.js); defines self.jobdescRank.
 */
(function () {
  const { words, spans, fold } = self.jobdescWords

  const TITLE_BOOST = 1000
  const TAG_BOOST = 10
  // Pages shown with their sections and text: their entries are fetched for the answer, at most six
  // at a time (a browser opens six connections to a site), so one wave of requests, not two.
  const DETAILED = 6
  const TEXT_WINDOW = 300    // characters of a long text shown around its first match
  // Material puts the first ten results on screen at once and more as the list is scrolled to its
  // end: the first answer's later pages go out bare (address and title), as the full answer
  // replaces it a moment later. Hundreds of pages then cost the message and the page less.
  const ON_SCREEN = 10

  function escape(text) {
    return String(text).replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)
  }

  /* Per entry and query word, the best score of the word's matches in the entry (typed arrays:
     a common word has tens of thousands of postings, and an object per entry cost more than the rest). */
  async function scoreEntries(store, terms) {
    const total = store.entryCount
    const count = terms.length
    const scores = { count, score: new Float64Array(total * count), wordOf: new Int32Array(total * count).fill(-1),
                     words: [], weights: [], roots: [], touched: [] }
    const seen = new Uint8Array(total)
    for (let t = 0; t < count; t++) {
      const found = [...terms[t].found]
      const lists = await Promise.all(found.map(([word]) => store.postings(word)))
      // The words of a phrase (a synonym of several words) count only in an entry that has them all.
      const places = new Map()   // phrase -> entry -> bits of the phrase's words the entry has
      found.forEach(([, { phrase, place }], w) => {
        if (!phrase) return
        if (!places.has(phrase)) places.set(phrase, new Map())
        const has = places.get(phrase)
        for (let k = 0; k < lists[w].length; k += 2) has.set(lists[w][k], (has.get(lists[w][k]) || 0) | 1 << place)
      })
      found.forEach(([word, { weight, root, phrase, whole }], w) => {
        const index = scores.words.push(word) - 1
        scores.weights.push(weight)
        scores.roots.push(root)
        const pairs = lists[w]
        const idf = Math.log(1 + (total - pairs.length / 2 + 0.5) / (pairs.length / 2 + 0.5))
        for (let k = 0; k < pairs.length; k += 2) {
          const entry = pairs[k]
          const flags = pairs[k + 1]
          if (phrase && places.get(phrase).get(entry) !== whole) continue
          const value = weight * idf * ((flags & 1) + (flags & 4 ? TITLE_BOOST : 0) + (flags & 8 ? TAG_BOOST : 0))
          const slot = entry * count + t
          if (!seen[entry]) { seen[entry] = 1; scores.touched.push(entry) }
          if (value > scores.score[slot]) { scores.score[slot] = value; scores.wordOf[slot] = index }
        }
      })
    }
    return scores
  }

  /* 0 when the title is the query's words, n with n other words; Infinity if a query word is missing. */
  function titleDistance(own, terms) {
    if (!terms.every(term => own.some(word => term.found.has(word)))) return Infinity
    return own.filter(word => !terms.some(term => term.found.has(word))).length
  }

  // Per page, what every answer needs of its title and tags, worked out once: a common word brings
  // back most pages in every answer, and cutting and escaping their titles again each time cost
  // more than ranking them. Most pages of an answer show only their title (escaped, not cut into
  // words): that is kept apart, so the first answer does not cut up hundreds of titles.
  const shown = new Map()   // page number -> {title, spans, plain, words, tags}
  const plainTitles = new Map()   // page number -> its title, escaped

  function plainTitle(pages, page) {
    let plain = plainTitles.get(page)
    if (plain === undefined) plainTitles.set(page, plain = escape(pages[page][1]))
    return plain
  }

  function pageShown(pages, tags, page, stopWords) {
    let own = shown.get(page)
    if (!own) {
      const [, title, tagNumbers] = pages[page]
      const titleSpans = spans(title)
      own = { title, spans: titleSpans, plain: plainTitle(pages, page),
              words: words(title).filter(word => !stopWords.has(word)),
              tags: tagNumbers.map(n => escape(tags[n])) }
      shown.set(page, own)
    }
    return own
  }

  /* Pages with their matching entries ([entry, score], in the order found), best page first. */
  async function rankPages(store, terms, stopWords) {
    const scores = await scoreEntries(store, terms)
    const { pages, tags, starts, pageOf } = await store.pages()
    const { count, score, wordOf, weights } = scores
    const byPage = new Map()
    const numbers = terms.flatMap((term, t) => term.clause ? [t] : [])
    for (const entry of scores.touched) {
      const page = pageOf[entry]
      const start = starts[page]
      // A clause asked for by its number («пункт 2.3 рекрутера») is named by its page's title too: it
      // takes the page's own matches of the other words and leads its page, as the page itself would.
      const named = numbers.some(t => wordOf[entry * count + t] >= 0)
      let sum = 0
      let matched = 0
      for (let t = 0; t < count; t++) {
        const slot = entry * count + t
        if (named && wordOf[slot] < 0) { score[slot] = score[start * count + t]; wordOf[slot] = wordOf[start * count + t] }
        if (wordOf[slot] >= 0) { sum += score[slot]; matched++ }
      }
      const isPage = start === entry || named ? 1 : 0
      let group = byPage.get(page)
      if (!group) byPage.set(page, group = { page, entries: [], coverage: new Array(count).fill(0) })
      group.entries.push([entry, sum * (1 + (isPage + matched / count) ** 2)])
      for (let t = 0; t < count; t++) {
        const w = wordOf[entry * count + t]
        if (w >= 0 && weights[w] > group.coverage[t]) group.coverage[t] = weights[w]
      }
    }
    const groups = [...byPage.values()]
    for (const group of groups) {
      // The best entry, and a little of the others: of two pages with one equal hit, the one with more.
      // Summed best first; only the values are sorted (as numbers, without a comparison function):
      // sorting every page's entries cost more than the rest of the ranking. result() orders the
      // sections of the pages it shows.
      const values = Float64Array.from(group.entries, ([, value]) => value).sort()
      group.score = 0
      for (let i = values.length - 1; i >= 0; i--) group.score += values[i] * (i === values.length - 1 ? 1 : 0.1)
      group.covered = group.coverage.reduce((a, b) => a + b, 0)
      group.distance = Infinity
      // The site is its positions: of pages the title does not decide, a position comes before a guide page.
      group.other = pages[group.page][0].startsWith("positions/") ? 0 : 1
      if (group.coverage.every(Boolean))  // a title can hold every query word only if the page does
        group.distance = titleDistance(pageShown(pages, tags, group.page, stopWords).words, terms)
    }
    groups.sort((a, b) => (a.distance - b.distance) || (b.covered - a.covered) || (a.other - b.other) ||
                          (b.score - a.score))
    return { groups, scores }
  }

  /* Text with the query's words marked; a long text is cut to a window around the first match. */
  function highlight(text, marked, window = Infinity, textSpans = spans(text)) {
    const found = textSpans.filter(([, , word]) => marked.has(word))
    let start = 0
    let end = text.length
    if (text.length > window) {
      const first = found.length ? found[0][0] : 0
      start = Math.max(0, first - 60)
      end = Math.min(text.length, start + window)
      if (start > 0) start = text.indexOf(" ", start) + 1 || start
    }
    let out = start > 0 ? "… " : ""
    let cursor = start
    for (const [from, to] of found) {
      if (from < start || to > end) continue
      out += escape(text.slice(cursor, from)) + "<mark>" + escape(text.slice(from, to)) + "</mark>"
      cursor = to
    }
    return out + escape(text.slice(cursor, end)) + (end < text.length ? " …" : "")
  }

  /* Material's `terms` of a result: the root of each query word it has, or the word as shown, missing. */
  function termsOf(scores, entry, terms) {
    const result = {}
    terms.forEach((term, t) => {
      const w = entry < 0 ? -1 : scores.wordOf[entry * scores.count + t]
      if (w >= 0) result[scores.roots[w]] = true
      else if (!term.ignorable) result[term.shown] = false
    })
    return result
  }

  /* Material's search result: {items: [[page, section, …], …]}. `early` receives a first answer with
     titles only when the text of the first pages must still be fetched (it replaces it then). */
  async function result(store, terms, stopWords, early) {
    const { groups, scores } = await rankPages(store, terms, stopWords)
    const { pages, tags, starts } = await store.pages()
    const marked = new Set(terms.flatMap(term => [...term.found.keys()]))
    const article = group => {
      const { title, spans: titleSpans, plain, tags: escapedTags } = pageShown(pages, tags, group.page, stopWords)
      const own = group.entries.find(([entry]) => entry === starts[group.page])
      const marks = titleSpans.some(([, , word]) => marked.has(word))
      return { location: pages[group.page][0], title: marks ? highlight(title, marked, Infinity, titleSpans) : plain,
               text: "", tags: escapedTags, score: group.score, terms: termsOf(scores, own ? own[0] : -1, terms) }
    }
    const first = groups.slice(0, DETAILED)
    const bare = group => ({ location: pages[group.page][0], title: plainTitle(pages, group.page),
                             text: "", score: group.score, terms: {} })
    if (early && !first.every(group => store.hasFragment(group.page)))
      early({ items: groups.map((group, rank) => [rank < ON_SCREEN ? article(group) : bare(group)]) })
    const fragments = await Promise.all(first.map(group => store.fragment(group.page)))
    const items = groups.map((group, rank) => {
      const page = article(group)
      if (rank >= DETAILED) return [page]
      const start = starts[group.page]
      const fragment = fragments[rank]
      page.text = highlight(fragment[0][2], marked, TEXT_WINDOW)
      page.score = 0
      const sections = []
      for (const [entry, value] of group.entries) {
        if (entry === start) { page.score = value; continue }
        const [anchor, heading, text] = fragment[entry - start]
        sections.push({ location: `${page.location}#${anchor}`, title: highlight(heading, marked),
                        text: highlight(text, marked, TEXT_WINDOW), score: value, terms: termsOf(scores, entry, terms) })
      }
      return [page, ...sections].sort((a, b) => b.score - a.score)  // Material reads the first as best
    })
    return { items }
  }

  self.jobdescRank = { result, rankPages, highlight, escape, fold }
})()
