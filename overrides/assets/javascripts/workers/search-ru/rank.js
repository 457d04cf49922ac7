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
 * then its best entry (and a tenth of its other entries). The first pages come with their matching sections and clauses and
 * highlighted text; the rest with their title only, so no query loads more than a few pages' text.
 *
 * Part of the search worker (../search-ru.js); defines self.jobdescRank.
 */
(function () {
  const { words, spans, fold } = self.jobdescWords

  const TITLE_BOOST = 1000
  const TAG_BOOST = 10
  const DETAILED = 10        // pages shown with their sections (Material renders ten at once)
  const TEXT_WINDOW = 300    // characters of a long text shown around its first match

  function escape(text) {
    return String(text).replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)
  }

  /* Score of every entry that has a query word: Map entry -> {score, best: [weight per term]}. */
  async function scoreEntries(store, terms) {
    const scores = new Map()
    const total = store.entryCount
    for (let t = 0; t < terms.length; t++) {
      for (const [word, { weight }] of terms[t].found) {
        const pairs = await store.postings(word)
        const count = pairs.length / 2
        const idf = Math.log(1 + (total - count + 0.5) / (count + 0.5))
        for (let k = 0; k < pairs.length; k += 2) {
          const flags = pairs[k + 1]
          const value = weight * idf * ((flags & 1) +
            (flags & 4 ? TITLE_BOOST : 0) + (flags & 8 ? TAG_BOOST : 0))
          let entry = scores.get(pairs[k])
          if (!entry) scores.set(pairs[k], entry = { score: 0, terms: new Array(terms.length).fill(0),
                                                      weights: new Array(terms.length).fill(0), words: [] })
          if (value > entry.terms[t]) {
            entry.terms[t] = value
            entry.weights[t] = weight
            entry.words[t] = word
          }
        }
      }
    }
    return scores
  }

  /* 0 when the title is the query's words, n with n other words; Infinity if a query word is missing. */
  function titleDistance(title, terms, stopWords) {
    const own = words(title).filter(word => !stopWords.has(word))
    const matches = word => terms.some(term => term.found.has(word))
    if (!terms.every(term => own.some(word => term.found.has(word)))) return Infinity
    return own.filter(word => !matches(word)).length
  }

  /* Pages with their matching entries, best first. */
  async function rankPages(store, terms, stopWords) {
    const scores = await scoreEntries(store, terms)
    const { pages, starts, pageOf } = await store.pages
    const byPage = new Map()
    for (const [entry, found] of scores) {
      const matched = found.weights.filter(Boolean).length / terms.length
      const isPage = starts[pageOf[entry]] === entry ? 1 : 0
      found.score = found.terms.reduce((a, b) => a + b, 0) * (1 + (isPage + matched) ** 2)
      const page = pageOf[entry]
      if (!byPage.has(page)) byPage.set(page, { page, entries: [], coverage: new Array(terms.length).fill(0) })
      const group = byPage.get(page)
      group.entries.push([entry, found])
      found.weights.forEach((weight, t) => { group.coverage[t] = Math.max(group.coverage[t], weight) })
    }
    const groups = [...byPage.values()]
    for (const group of groups) {
      group.entries.sort((a, b) => b[1].score - a[1].score)
      // The best entry, and a little of the others: of two pages with one equal hit, the one with more.
      group.score = group.entries.reduce((sum, [, found], i) => sum + found.score * (i ? 0.1 : 1), 0)
      group.covered = group.coverage.reduce((a, b) => a + b, 0)
      group.distance = titleDistance(pages[group.page][1], terms, stopWords)
    }
    return groups.sort((a, b) => (a.distance - b.distance) || (b.covered - a.covered) || (b.score - a.score))
  }

  /* Text with the query's words marked; a long text is cut to a window around the first match. */
  function highlight(text, marked, window = Infinity) {
    const found = spans(text).filter(([, , word]) => marked.has(word))
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
  function termsOf(found, terms) {
    const result = {}
    terms.forEach((term, t) => {
      if (found && found.weights[t]) result[term.found.get(found.words[t]).root] = true
      else if (!term.ignorable) result[term.shown] = false
    })
    return result
  }

  /* Material's search result: {items: [[page, section, …], …]}. */
  async function result(store, terms, stopWords) {
    const groups = await rankPages(store, terms, stopWords)
    const { pages, tags, starts } = await store.pages
    const marked = new Set(terms.flatMap(term => [...term.found.keys()]))
    const fragments = await Promise.all(groups.slice(0, DETAILED).map(group => store.fragment(group.page)))
    const items = groups.map((group, rank) => {
      const [url, title, tagNumbers] = pages[group.page]
      const start = starts[group.page]
      const own = group.entries.find(([entry]) => entry === start)
      const article = {
        location: url, title: highlight(title, marked), text: "",
        tags: tagNumbers.map(n => escape(tags[n])), score: own ? own[1].score : 0, terms: termsOf(own && own[1], terms)
      }
      if (rank >= DETAILED) return [{ ...article, score: group.score }]
      const fragment = fragments[rank]
      article.text = highlight(fragment[0][2], marked, TEXT_WINDOW)
      const sections = group.entries.filter(([entry]) => entry !== start).map(([entry, found]) => {
        const [anchor, heading, text] = fragment[entry - start]
        return {
          location: `${url}#${anchor}`, title: highlight(heading, marked),
          text: highlight(text, marked, TEXT_WINDOW), score: found.score, terms: termsOf(found, terms)
        }
      })
      return [article, ...sections].sort((a, b) => b.score - a.score)  // Material reads the first as best
    })
    return { items }
  }

  self.jobdescRank = { result, rankPages, highlight, escape, fold }
})()
