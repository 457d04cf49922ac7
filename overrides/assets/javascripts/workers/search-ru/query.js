/*
 * What a query means: its words, and for each the words of the index it stands for.
 *
 * A word is looked for as typed first: a Russian word by its stem (the Snowball stemmer Material
 * ships, lunr.ru) as the beginning of indexed words, so "скидками" finds "скидки"; with the other
 * shape of a fleeting vowel ("новичок" — "новичков") and with its synonyms (mkdocs.yml
 * extra.search_synonyms). Only when that finds nothing are other readings tried, so a word that
 * is found is never drowned by guesses: the same keys on the other keyboard layout ("rflhs" —
 * «кадры», "лун" — "key"), then Russian spelled in Latin letters ("kadry"), then, with the
 * vocabulary, one typo ("рекрутор" — «рекрутер»). A guess weighs less than a word found as typed.
 *
 * Part of the search worker (../search-ru.js); defines self.jobdescQuery.
 */
(function () {
  const { fold, clean, words, onRussianLayout, onLatinLayout, transliterations, mixedReadings, lookingLatin, spokenLatin, isLatin, isCyrillic } = self.jobdescWords

  const WEIGHT = { typed: 1, layout: 0.9, joined: 0.9, translit: 0.8, typo: 0.6, derived: 0.9 }
  // A beginning of a stem shorter than this says too little to stand for a word the site lacks.
  const SHORTEST = 5
  // Letters a word needs before two typos in it are forgiven.
  const TWO_TYPOS = 7
  // A query is a few words: a pasted paragraph or a word repeated a thousand times is read by its
  // first distinct words, so it costs what a short query costs.
  const MAX_TERMS = 10
  // No word of the site is longer; a longer one is looked up as typed, without guesses or typos.
  const MAX_WORD = 40
  // Fleeting о/е (беглая гласная): "заработок" / "заработка", "закупка" / "закупок".
  const FLEETING_VOWEL = /^(.{2,}[бвгджзйклмнпрстфхцчшщ])[ое]([бвгджзйклмнпрстфхцчшщ])$/
  const BEFORE_K = /^(.{2,}[бвгджзйлмнпрстфхцчшщ])к$/
  // A verb's stem without its verb suffix begins the nouns of its root: «продавать» — «продажи»,
  // «обучать» — «обучение», «подчиняться» — «подчинение», «согласовывать» — «согласование»; a root of
  // four letters only from an infinitive («обучать», but not «продает» — «прод…»).
  const VERB_STEM = /^(.{4,}?)(?:(?:ов)?[ыи]ва|ирова|ова|ва|а|я)$/
  // And a verbal noun the verb: «согласование» — «согласовывает», «увольнение» — «увольняет».
  const VERBAL_NOUN = /^(.{5,}?)[ае]н$/
  // A number written out stands for its digits too: «опыт от трех лет» — «не менее 3 лет».
  const NUMBER = /^(?:(один|одн)|(дв)|(тр)|(четыр)|(пят)|(шест)|(сем)|(восем|восьм)|(девят)|(десят))(?:а|е|и|ь|ух|ех|ого|ой|ум|ем|ми)?$/

  // A clause's number, the one word of the index with dots («2.9»), typed alone or after «п.»: "п.2.9", "2.9.".
  const CLAUSE = /^(?:пп?\.?|пункт\p{L}*)?(\d{1,3}(?:\.\d{1,3}){1,3})\.?$/u   // no deeper: a date, not a flood of terms
  // Words that only say a clause number follows: «п.», «пункт», «подпункт».
  const CLAUSE_WORD = /^(?:пп?|(?:под)?пункт\p{L}*)$/u
  // Verbs that only frame a question about a position («кто отвечает за скидки», «чем занимается
  // коммерческий директор»): left out beside other words, or a page that merely has the verb comes first.
  const FRAME = new Set(("занимается занимаются заниматься отвечает отвечают отвечать делает делают делать " +
                         "должен должна должны нужно нужен нужна нужны входит входят сколько").split(" "))

  function fleetingShapes(stem) {
    const without = FLEETING_VOWEL.exec(stem)
    if (without) return [without[1] + without[2]]
    const inserted = BEFORE_K.exec(stem)
    return inserted ? [inserted[1] + "ок"] : []
  }

  function Understanding(store, stem, settings) {
    this.store = store
    this.stem = stem
    this.stopWords = new Set(settings.stopwords || [])
    // Stems of a synonym ("заработн плат" for «заработная плата») -> the stems of each other synonym of its
    // group. A synonym of several words is a phrase: its words find the group only typed together, and it
    // is found only in an entry with all its words («топ-менеджер» is not every «менеджер»).
    this.synonyms = new Map()
    for (const group of settings.synonyms || []) {
      const members = group.map(phrase => words(String(phrase)).map(word => this.key(word))).filter(own => own.length)
      members.forEach((own, i) => {
        const key = own.join(" ")
        this.synonyms.set(key, [...(this.synonyms.get(key) || []), ...members.filter((_, j) => j !== i)])
      })
    }
  }

  /* What a word is looked up by: the stem of a Russian word of three letters or more, an English word
     without its plural s ("managers"), else the word. */
  Understanding.prototype.key = function (word) {
    if (isLatin(word)) return word.length > 3 && /[^su]s$/.test(word) ? word.slice(0, -1) : word
    return isCyrillic(word) && word.length > 2 ? this.stem(word) : word
  }

  /* Query words that together are a synonym of several words («заработная плата») become one term. */
  Understanding.prototype.phrases = function (terms) {
    for (let i = 0; i < terms.length; i++)
      for (const length of [3, 2]) {
        const run = terms.slice(i, i + length)
        if (run.length < length || run.some(term => term.clause || term.long)) continue
        if (!this.synonyms.has(run.map(term => this.key(term.typed[0] || "")).join(" "))) continue
        terms.splice(i, length, { shown: run.map(term => term.shown).join(" "), guesses: [],
                                  typed: [run.map(term => term.typed[0]).join(" ")], phrase: true })
        break
      }
    return terms
  }

  /* The query as terms: {shown, typed: [word], guesses: [{word, kind}]}; function words dropped. */
  Understanding.prototype.terms = function (query) {
    // Initials typed apart, each with its dot («г. д.»), are one abbreviation, as «г.д.» is.
    const tokens = clean(query).trim().split(/\s+/).filter(Boolean).reduce((all, token) => {
      if (/^\p{L}\.$/u.test(token) && /^(?:\p{L}\.)+$/u.test(all[all.length - 1] || "")) all[all.length - 1] += token
      else all.push(token)
      return all
    }, [])
    const typing = /\S$/.test(query)
    const terms = []
    const seen = new Set()   // words already in the query
    const numbers = tokens.map(token => CLAUSE.exec(fold(token)))
    const plain = tokens.map(token => words(token).join(" "))   // «занимается?» is «занимается»
    const framed = plain.some(word => word && !FRAME.has(word) && !this.stopWords.has(word))
    tokens.forEach((token, i) => {
      if (terms.length >= MAX_TERMS || (framed && FRAME.has(plain[i]))) return
      if (numbers[i]) { terms.push({ shown: numbers[i][1], typed: [numbers[i][1]], guesses: [], clause: true }); return }
      if (numbers.some(Boolean) && CLAUSE_WORD.test(plain[i])) return
      let parts = words(token)
      if (parts.length > 1 && parts.every(part => /^\p{L}$/u.test(part))) parts = [parts.join("")]  // «р.о.п.»
      const layout = onRussianLayout(token)
      // A Latin abbreviation with an ending after an apostrophe: "KAM'а", "hr’a".
      const apostrophe = /^([a-z]+)['’]\p{L}{1,3}$/iu.exec(token)
      if (apostrophe && !layout) parts = [parts[0]]
      if (layout && parts.length !== 1) {  // "j,ojhjn": punctuation keys are letters on the other layout
        const guesses = [{ word: layout, kind: "layout" }]
        if (apostrophe)  // "kam'a" is also "лфьэф" on the Russian layout
          guesses.push({ word: parts[0], kind: "layout" },
                       ...transliterations(parts[0]).map(word => ({ word, kind: "translit" })))
        terms.push({ shown: token.toLowerCase(), typed: [], guesses })
        return
      }
      for (const part of parts) {
        const stillTyped = typing && i === tokens.length - 1 && part.length >= 3
        if ((this.stopWords.has(part) && !stillTyped) || seen.has(part) || terms.length >= MAX_TERMS) continue
        seen.add(part)
        const guesses = []
        if (part.length > MAX_WORD) { terms.push({ shown: part, typed: [part], guesses, long: true }); continue }
        if (parts.length === 1 && layout) guesses.push({ word: layout, kind: "layout" })
        const latin = onLatinLayout(part)  // "лун" — "key"; "ьутувяргук" — "menedzher", read as Russian
        if (latin && isLatin(latin)) guesses.push({ word: latin, kind: "layout" })
        if (latin) for (const reading of transliterations(latin)) guesses.push({ word: reading, kind: "translit" })
        for (const reading of mixedReadings(part)) guesses.push({ word: reading, kind: "layout" })
        const looking = lookingLatin(part)
        if (looking) guesses.push({ word: looking, kind: "layout" })
        const spoken = part.length <= 4 && spokenLatin(part)  // a Latin abbreviation said aloud: «хрд» — HRD
        if (spoken && spoken !== looking) guesses.push({ word: spoken, kind: "translit" })
        if (isLatin(part))
          for (const reading of transliterations(part)) guesses.push({ word: reading, kind: "translit" })
        terms.push({ shown: part, typed: [part], guesses, typing: typing && i === tokens.length - 1 })
      }
    })
    return this.phrases(terms)
  }

  /* Words of the index a word stands for, as typed: Map word -> {weight, root}. A word of one or two
     letters is matched whole; a longer one as the beginning of words, a Russian one by its stem. */
  Understanding.prototype.lookUp = async function (word, weight, found) {
    const phrase = word.includes(" ")
    const key = phrase ? word.split(" ").map(part => this.key(part)).join(" ") : this.key(word)
    const related = [...(phrase ? [key.split(" ")] : []), ...(this.synonyms.get(key) || [])]
    const own = phrase ? [] : key.length >= 3 ? [key, ...fleetingShapes(key)] : [word]
    // Only a verb's form (infinitive, present tense: «…ть», «…т», «…тся»), not «персонала» — «персон…».
    let verb = isCyrillic(word) && /ть?(ся)?$/.test(word) ? VERB_STEM.exec(key) : null
    if (verb && verb[1].length < 5 && !/ть(ся)?$/.test(word)) verb = null  // «продает»: not «прод…»
    if (!verb && isCyrillic(word) && /ни[еяюи]м?$/.test(word)) verb = VERBAL_NOUN.exec(key)
    const number = isCyrillic(word) ? NUMBER.exec(word) : null
    const derived = [...(verb ? [verb[1]] : []), ...(number ? [String(number.slice(1).findIndex(Boolean) + 1)] : [])]
    const roots = [...new Set([...own, ...related.filter(stems => stems.length === 1).flat(), ...derived])]
    const phrases = related.filter(stems => stems.length > 1)
    const [lists, parts] = await Promise.all([
      Promise.all(roots.map(root => this.store.wordsFrom(root, root.length <= 2))),
      Promise.all(phrases.map(stems => Promise.all(stems.map(stem => this.store.wordsFrom(stem, stem.length <= 2)))))])
    lists.forEach((list, i) => {
      const value = derived.includes(roots[i]) ? weight * WEIGHT.derived : weight
      for (const match of list)
        if (!found.has(match) || found.get(match).weight < value)
          found.set(match, { weight: value, root: roots[i] })
    })
    // A phrase's words, each marked with its place in the phrase: rank.js counts them only all together
    // (a phrase with a word the site lacks, none at all).
    parts.forEach((part, i) => part.every(list => list.length) && part.forEach((list, place) => {
      for (const match of list)
        if (!found.has(match))
          found.set(match, { weight, root: phrases[i][place], phrase: phrases[i].join(" "), place, whole: (1 << part.length) - 1 })
    }))
    return found
  }

  /* Words of the index several words stand for, looked up at once and added in the order given
     (not as their shards arrive): equal scores then rank the same way on every run. */
  Understanding.prototype.lookUpAll = async function (asked, found) {
    const each = await Promise.all(asked.map(([word, weight]) => this.lookUp(word, weight, new Map())))
    for (const own of each)
      for (const [match, value] of own)
        if (!found.has(match) || found.get(match).weight < value.weight) found.set(match, value)
    return found
  }

  /* The term's words of the index, trying guesses only when the words as typed find nothing; a word
     in Latin letters is looked up in its Russian spellings at once ("general" — «генеральный»). When
     nothing is found, the vocabulary answers: two words typed without the space between them
     («коммерческийдиректор», "keyaccount"), then one typo, then a word the site has only in another
     derivation, by the longest beginning of its stem the site has («кадровик» — «кадровый»). */
  Understanding.prototype.match = async function (term) {
    const found = new Map()
    if (term.clause) {  // the clause's number as a whole word, or else its numbers as words («27.07»)
      for (const word of await this.store.wordsFrom(term.typed[0], true)) found.set(word, { weight: WEIGHT.typed, root: word })
      if (!found.size)
        term.halves = await Promise.all(term.typed[0].split(".").map(async number =>
          ({ shown: number, typed: [number], guesses: [], found: await this.lookUp(number, WEIGHT.typed, new Map()) })))
      return found
    }
    const latin = term.typed.some(isLatin) ? term.guesses.filter(guess => guess.kind === "translit") : []
    await this.lookUpAll([...term.typed.map(word => [word, WEIGHT.typed]),
                          ...latin.map(({ word }) => [word, WEIGHT.translit])], found)
    if (found.size || term.phrase) return found
    await this.lookUpAll(term.guesses.map(({ word, kind }) => [word, WEIGHT[kind]]), found)
    if (found.size || term.long) return found
    // The first letters of a title's words («ГД» — «Генеральный директор»).
    const { pages } = await this.store.pages()
    // Or the beginnings of its first words, three letters or more each («комдир» — «Коммерческий директор»).
    const titles = pages.map(([, title]) => words(title).filter(word => !this.stopWords.has(word)))
      .filter(own => own.length > 1 && (own.map(word => word[0]).join("") === term.typed[0] ||
                                        beginnings(term.typed[0], own)))
    await this.lookUpAll(titles.flat().map(word => [word, WEIGHT.layout]), found)
    if (found.size) return found
    const vocabulary = await this.store.words()
    const candidates = [...term.typed, ...term.guesses.slice(0, 2).map(guess => guess.word)]
    for (const typed of candidates) {
      const halves = this.split(vocabulary, typed)
      if (halves) return this.halve(term, halves, found)
    }
    this.typos(vocabulary, candidates, 1, found)
    // A compound of a word's beginning and a word («бухучёт», «медосмотр»), when no typo explains it.
    for (const typed of found.size ? [] : candidates.filter(isCyrillic)) {
      const halves = this.split(vocabulary, typed, true)
      if (halves) return this.halve(term, halves, found)
    }
    for (const typed of found.size ? [] : candidates) {
      const stem = isCyrillic(typed) ? this.stem(typed) : typed
      // Down to the stem without three letters; of a long stem, six letters («рекрутмент» — «рекрут…»).
      for (let length = stem.length - 1; length >= Math.max(SHORTEST, Math.min(6, stem.length - 3)); length--) {
        const root = stem.slice(0, length)
        // Or a synonym that begins so («хедхантинг» — «хедхантер», a word the site may not have).
        const synonym = [...this.synonyms.keys()].find(key => key.startsWith(root) && !key.includes(" "))
        if (synonym) return this.lookUp(synonym, WEIGHT.typo, found)
        if (!startsSome(vocabulary, root)) continue
        for (const word of await this.store.wordsFrom(root)) found.set(word, { weight: WEIGHT.typo, root })
        return found
      }
    }
    // Two typos only in a long word, and only when nothing else is found («рикрутор» — «рекрутер»).
    if (!found.size) this.typos(vocabulary, candidates.filter(typed => typed.length >= TWO_TYPOS), 2, found)
    return found
  }

  /* Words of the vocabulary within `limit` typos of the candidates, added to `found`. */
  Understanding.prototype.typos = function (vocabulary, candidates, limit, found) {
    for (const typed of candidates) {
      const stem = isCyrillic(typed) ? this.stem(typed) : typed
      for (const word of self.jobdescFuzzy.similar(vocabulary, typed, stem, limit)) {
        const root = isCyrillic(word) && this.stem(word).length >= 3 ? this.stem(word) : word
        if (!found.has(word)) found.set(word, { weight: WEIGHT.typo / limit, root })
      }
    }
  }

  /* A word typed without the space between two words of the site, as [first, second]: the first a
     whole word of the vocabulary (`clipped`: the beginning of one, three to five letters), the longest
     that leaves a second that begins a word; or null. */
  Understanding.prototype.split = function (vocabulary, typed, clipped = false) {
    // The second at least three letters: «клиентамм» is a typo, not «клиента» and «мм».
    for (let cut = clipped ? Math.min(5, typed.length - 4) : typed.length - 3; cut >= (clipped ? 3 : 2); cut--) {
      const first = typed.slice(0, cut)
      const second = typed.slice(cut)
      const root = isCyrillic(second) && second.length > 2 ? this.stem(second) : second
      if ((clipped ? startsSome : isWord)(vocabulary, first) &&
          (isWord(vocabulary, second) || (root.length >= 4 && startsSome(vocabulary, root))))
        return [first, second]
    }
    return null
  }

  /* The term as two terms, so a page must have both words to come first. */
  Understanding.prototype.halve = async function (term, halves, found) {
    term.halves = await Promise.all(halves.map(async half =>
      ({ shown: half, typed: [half], guesses: [], found: await this.lookUp(half, WEIGHT.joined, new Map()) })))
    return found
  }

  /* Whether `typed` is the beginnings (3+ letters) of two or more of the words `own` starts with. */
  function beginnings(typed, own, i = 0) {
    if (!typed) return i > 1
    for (let n = Math.min(typed.length, (own[i] || "").length); n >= 3; n--)
      if (own[i].startsWith(typed.slice(0, n)) && beginnings(typed.slice(n), own, i + 1)) return true
    return false
  }

  /* Position of the first word of the sorted vocabulary not before `text`. */
  function lowerBound(vocabulary, text) {
    let low = 0
    let high = vocabulary.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (vocabulary[middle] < text) low = middle + 1
      else high = middle
    }
    return low
  }
  const isWord = (vocabulary, text) => vocabulary[lowerBound(vocabulary, text)] === text
  const startsSome = (vocabulary, text) => (vocabulary[lowerBound(vocabulary, text)] || "").startsWith(text)

  /* The query's terms, each with the words of the index it stands for (`found`); a word typed as two
     joined words becomes the two terms. */
  Understanding.prototype.understand = async function (query) {
    const terms = this.terms(query)
    await Promise.all(terms.map(async term => {
      term.found = await this.match(term)
      term.ignorable = !term.found.size && this.ignorable(term)
    }))
    const all = terms.flatMap(term => term.halves || [term])
    const last = all[all.length - 1]
    // Alone, only when the letters are no word of their own: «ме» is a title's «менеджер», «гд» stays «ГД».
    if (last && last.typing && last.typed.length && last.typed[0].length <= 2 && (all.length > 1 || !last.found.size))
      await this.begun(last, all.slice(0, -1))
    return all
  }

  /* One or two letters still being typed ("директор по р", "ме"): the words they begin in the titles that
     have the query's other words («Директор по развитию»), so only those titles' words load. */
  Understanding.prototype.begun = async function (last, others) {
    const { pages } = await this.store.pages()
    const begun = new Set()
    for (const [, title] of pages) {
      const own = words(title)
      if (others.every(term => !term.found.size || own.some(word => term.found.has(word))))
        for (const word of own)
          if (word.startsWith(last.typed[0]) && !this.stopWords.has(word)) begun.add(word)
    }
    const lists = await Promise.all([...begun].map(word => this.store.wordsFrom(word, true)))
    lists.flat().forEach(word => last.found.set(word, { weight: WEIGHT.typed, root: word }))
    if (last.found.size) last.ignorable = false
  }

  /* Whether a term found nothing only because it is a function word, on the other layout ("gj" —
     «по») or in Latin letters ("po"): then it is left out like any function word. */
  Understanding.prototype.ignorable = function (term) {
    return term.guesses.some(guess => this.stopWords.has(guess.word))
  }

  self.jobdescQuery = { Understanding }
})()
