/*
 * The search worker behind Material's search box: Russian word forms, typos, the wrong keyboard
 * layout and Latin spelling, over an index the browser loads piece by piece.
 *
 * Material lets a site bring its own worker (the `search` address in #__config, set by
 * overrides/partials/search-ru.html) as long as it speaks Material's worker messages
 * (SearchMessage in Material's sources): SETUP with the contents of search/search_index.json,
 * answered by READY; QUERY with the text of the box, answered by RESULT with the items Material
 * renders. The search box, the result list, the keyboard and the highlight on the opened page are
 * Material's own.
 *
 * search_index.json carries no documents, only settings (macros/search/index.py): READY goes back
 * at once, and a query loads only the index shards of its words and the text of the pages it shows.
 *
 *   search-ru/words.js  — the build's cut into words, keyboard layouts, Latin spellings
 *   search-ru/fuzzy.js  — one typo per word
 *   search-ru/store.js  — the index files, fetched on demand and kept
 *   search-ru/query.js  — what each query word stands for
 *   search-ru/rank.js   — which pages come first; the result as Material renders it
 *
 * Everything is served by the site itself: no server, no CDN. The index's address arrives as
 * ?index=…; the Russian stemmer is the lunr.ru file Material ships (../lunr/min/).
 */

const SETUP = 0
const READY = 1
const QUERY = 2
const RESULT = 3

// lunr.ru registers its stemmer with lunr; it needs only this much of lunr itself.
self.lunr = {
  Pipeline: { registerFunction() {} },
  generateStopWordFilter: () => token => token
}
// The parts, in order. The build (bundle_worker in macros/search/index.py) writes them into this file
// in place of the line below, so the browser needs one request for the worker instead of eight.
const PARTS = ["../lunr/min/lunr.stemmer.support.min.js", "../lunr/min/lunr.ru.min.js", "search-ru/words.js", "search-ru/fuzzy.js", "search-ru/store.js", "search-ru/query.js", "search-ru/rank.js"]
importScripts(...PARTS.map(part => new URL(part, self.location.href).href))  // jobdesc: parts

const indexBase = new URL(self.location.href).searchParams.get("index")
const stems = new Map()
function stem(word) {
  if (!stems.has(word)) stems.set(word, self.lunr.ru.stemmer(word))
  return stems.get(word)
}

let store = null
let understanding = null
let latest = 0

async function search(query, early) {
  if (!understanding.terms(query).length) return { items: [] }
  store.pages()  // fetched alongside the shards of the query's words
  const terms = await understanding.understand(query)
  const meaningful = terms.filter(term => !term.ignorable)
  if (!meaningful.some(term => term.found.size)) return { items: [] }
  return self.jobdescRank.result(store, meaningful, understanding.stopWords, early)
}

function setup(config) {
  const settings = config.jobdesc
  store = new self.jobdescStore.Store(indexBase, settings)
  understanding = new self.jobdescQuery.Understanding(store, stem, settings)
}

self.addEventListener("message", event => {
  const message = event.data
  if (message.type === SETUP) {
    setup(message.data.config)
    self.postMessage({ type: READY })
  } else if (message.type === QUERY) {
    // Each query starts at once (one still waiting for the network must not hold up the next);
    // only the newest query's answers go back, so an overtaken one can never replace a newer result.
    const ticket = ++latest
    const answer = data => { if (ticket === latest) self.postMessage({ type: RESULT, data }) }
    // The matching titles go out as soon as they are known; the full result (the first pages'
    // sections and text, fetched meanwhile) replaces them a moment later.
    search(message.data, answer)
      .catch(error => {
        console.warn(`search: ${message.data}:`, error)
        return { items: [] }
      })
      .then(data => {
        answer(data)
        // The vocabulary serves typos only: fetched after a first answer, not when a page opens.
        if (message.data.trim()) store.words()
      })
  }
})
