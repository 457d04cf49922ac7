/*
 * Russian word forms for Material's search box: a thin layer around Material's own search worker.
 *
 * Why: Material appends a wildcard to every query term ("скидками*") and lunr never stems wildcard
 * terms, so a query only finds words that begin with exactly what was typed; "скидками" misses
 * "скидки". This worker loads Material's worker unchanged (its URL arrives as ?material=...) and
 * edits only the messages that pass between the page and it:
 *
 *   setup  — ё is folded into е in the documents while the index is built, then the original text
 *            is put back for display (ё and е are one UTF-16 unit each, so Material's highlight
 *            offsets stay valid);
 *   query  — ё is folded into е, stop words ("по", "с") are dropped, every Russian word is cut to
 *            its Snowball stem with the stemmer Material ships (lunr.ru), and synonyms from
 *            mkdocs.yml (extra.search_synonyms, passed in the index config) are added. Material then
 *            appends its wildcard, so "скидк*" finds "скидки", "скидка", "скидку"; a half-typed
 *            word only gets shorter, so typing a prefix keeps finding the word. A word whose
 *            stem has a fleeting vowel is also looked up in its other shape: "новичок" finds
 *            "новичков" (новичк*), "закупка" finds "закупок" (закупок*);
 *   result — a page whose title holds every word of the query comes first (the fewer other words
 *            its title has, the higher: "менеджер по работе с клиентами" is not outranked by
 *            "… с ключевыми клиентами"); terms added as synonyms are not reported as "missing".
 *
 * Everything is served by the site itself: no server, no CDN.
 */

const material = new URL(self.location.href).searchParams.get("material")

const RUSSIAN_WORD = /[а-яё]+/gi
const HAS_RUSSIAN = /[а-яё]/i
const YO = /ё/g
const CAPITAL_YO = /Ё/g
const WORD_SEPARATOR = /[\s\-–—,.:;!?()«»"'\/№*~^+]+/

// Fleeting о/е (беглая гласная): "заработок" / "заработка", "закупка" / "закупок".
const FLEETING_VOWEL = /^(.{2,}[бвгджзйклмнпрстфхцчшщ])[ое]([бвгджзйклмнпрстфхцчшщ])$/
const BEFORE_K = /^(.{2,}[бвгджзйлмнпрстфхцчшщ])к$/

let synonymStems = new Map()    // stem of a word -> stems of its synonyms (the word's own excluded)
let addedTerms = new Set()      // terms the last query got from synonyms, hidden from "missing"
let queryStems = []             // the words of the last query as stems, for ranking title matches

function foldYo(text) {
  return text.replace(YO, "е").replace(CAPITAL_YO, "Е")
}

function stem(word) {
  // lunr.ru arrives with Material's setup message; before that, words pass through unchanged.
  const stemmer = self.lunr && self.lunr.ru && self.lunr.ru.stemmer
  return stemmer ? stemmer(word.toLowerCase()) : word.toLowerCase()
}

/* The stem's other shape when a fleeting vowel may come and go: "новичок" -> "новичк",
   "закупк" -> "закупок". Extra terms only widen the search; a shape no word has finds nothing. */
function fleetingShapes(stemmed) {
  const without = FLEETING_VOWEL.exec(stemmed)
  if (without) return [without[1] + without[2]]
  const inserted = BEFORE_K.exec(stemmed)
  return inserted ? [inserted[1] + "ок"] : []
}

function isStopWord(term) {
  const filter = self.lunr && self.lunr.ru && self.lunr.ru.stopWordFilter
  return Boolean(filter) && HAS_RUSSIAN.test(term) && !filter(term.toLowerCase().replace(/^[+-]/, ""))
}

/* The query as typed -> the query lunr can match against full word forms. */
function russianQuery(query) {
  const terms = foldYo(query).trim().split(/\s+/).filter(Boolean)
  // The last term may be a word still being typed ("по" on the way to "подбор"): keep it.
  const typing = /\S$/.test(query) ? terms.length - 1 : -1
  const meaningful = terms.filter((term, i) => i === typing || !isStopWord(term))
  const kept = meaningful.length ? meaningful : terms
  const stemmed = kept.map(term => term.replace(RUSSIAN_WORD, stem))
  queryStems = words(stemmed.join(" "))
  addedTerms = new Set()
  for (const term of stemmed) {
    for (const synonym of synonymStems.get(term) || [])
      if (!stemmed.includes(synonym)) addedTerms.add(synonym)
    if (/^[а-яё]+$/i.test(term))
      for (const shape of fleetingShapes(term.toLowerCase()))
        if (!stemmed.includes(shape)) addedTerms.add(shape)
  }
  return [...stemmed, ...addedTerms].join(" ")
}

function words(text) {
  return foldYo(text).toLowerCase().split(WORD_SEPARATOR).filter(Boolean)
}

/* 0 when the page title is exactly the query's words, n when it has n other words, Infinity
   when some query word is not in the title. */
function titleDistance(group) {
  const page = group.find(item => !item.location.includes("#")) || group[0]
  const title = words(page.title.replace(/<[^>]*>/g, "")).filter(word => !isStopWord(word))
  const matches = word => queryStems.some(prefix => word.startsWith(prefix))
  if (!queryStems.every(prefix => title.some(word => word.startsWith(prefix))))
    return Infinity
  return title.filter(word => !matches(word)).length
}

function learnSynonyms(groups) {
  synonymStems = new Map()
  for (const group of groups || []) {
    const stems = group.map(phrase => words(String(phrase)).map(stem))
    stems.forEach((own, i) => {
      const others = stems.filter((_, j) => j !== i).flat()
      for (const word of own)
        synonymStems.set(word, [...new Set([...(synonymStems.get(word) || []), ...others])])
    })
  }
}

/* Fold ё in every indexed field; returns a function that restores the text shown to users. */
function foldDocuments(docs) {
  const originals = docs.map(doc => [doc.title, doc.text, doc.tags])
  for (const doc of docs) {
    doc.title = foldYo(doc.title || "")
    doc.text = foldYo(doc.text || "")
    if (Array.isArray(doc.tags)) doc.tags = doc.tags.map(foldYo)
  }
  return () => docs.forEach((doc, i) => { [doc.title, doc.text, doc.tags] = originals[i] })
}

function isSetup(message) {
  return message && message.data && Array.isArray(message.data.docs)
}

function isQuery(message) {
  return message && typeof message.data === "string"
}

function isResult(message) {
  return message && message.data && Array.isArray(message.data.items)
}

/* Material's worker registers one "message" listener: wrap it before loading the worker. */
const listen = self.addEventListener.bind(self)
self.addEventListener = function (type, listener, options) {
  if (type !== "message")
    return listen(type, listener, options)
  listen("message", async event => {
    const message = event.data
    if (isSetup(message)) {
      const restore = foldDocuments(message.data.docs)
      await listener(event)
      restore()
      learnSynonyms(message.data.config.synonyms)  // now that Material has loaded lunr.ru
    } else if (isQuery(message)) {
      await listener({ data: { ...message, data: russianQuery(message.data) } })
    } else {
      await listener(event)
    }
  }, options)
}

const post = self.postMessage.bind(self)
self.postMessage = function (message, ...rest) {
  if (isResult(message) && queryStems.length) {
    const distance = new Map(message.data.items.map(group => [group, titleDistance(group)]))
    message.data.items.sort((a, b) => distance.get(a) - distance.get(b) || 0)  // stable: ties keep Material's order
  }
  if (isResult(message) && addedTerms.size)
    for (const group of message.data.items)
      for (const item of group)
        for (const term of addedTerms)
          if (item.terms && item.terms[term] === false) delete item.terms[term]
  return post(message, ...rest)
}

importScripts(material)
