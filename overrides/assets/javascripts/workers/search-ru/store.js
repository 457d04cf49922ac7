/*
 * The index files the build wrote under search/ru/ (macros/search/index.py), fetched when a query
 * first needs them and kept for the next queries: shards of the inverted index by word prefix, the
 * list of pages, each page's entries, and the vocabulary for typos.
 *
 * Part of the search worker (../search-ru.js); defines self.jobdescStore.
 */
(function () {
  const FLAG_BITS = 16

  function Store(base, settings) {
    this.base = new URL(`${settings.folder}/`, base)
    this.version = settings.version
    this.keys = settings.shards
    this.entryCount = settings.entries
    this.shards = new Map()      // shard number -> promise of {word: encoded postings}
    this.decoded = new Map()     // word -> Int32Array of [entry, flags, entry, flags, …]
    this.fragments = new Map()   // page number -> promise of [[anchor, title, text], …]
    this.fetched = new Set()     // page numbers whose entries have arrived
    this.pageList = null
    this.vocabulary = null
  }

  /* Every page's address, title and tags, and where its entries start: fetched with a first query
     (not when the page opens, which happens far more often than a search). */
  Store.prototype.pages = function () {
    if (!this.pageList)
      this.pageList = this.fetch("pages.json").then(data => {
        const pageOf = new Int32Array(this.entryCount)
        data.starts.forEach((start, page) => pageOf.fill(page, start, data.starts[page + 1]))
        return { ...data, pageOf }
      })
    return this.pageList
  }

  Store.prototype.fetch = async function (name, as = "json") {
    const response = await fetch(new URL(`${name}?v=${this.version}`, this.base))
    if (!response.ok) throw new Error(`search index: ${name}: ${response.status}`)
    return as === "json" ? response.json() : response.text()
  }

  /* Every word of the index, for typos; fetched once, in the background, after the first query. */
  Store.prototype.words = function () {
    if (!this.vocabulary)
      this.vocabulary = this.fetch("words.txt", "text").then(text => text ? text.split("\n") : [])
    return this.vocabulary
  }

  Store.prototype.shard = function (number) {
    if (!this.shards.has(number))
      this.shards.set(number, this.fetch(`s/${number}.json`))
    return this.shards.get(number)
  }

  /* Number of the shard that holds `word` (or would): the last whose first word is not after it. */
  Store.prototype.shardOf = function (word) {
    let low = 0
    let high = this.keys.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (this.keys[middle] <= word) low = middle
      else high = middle - 1
    }
    return low
  }

  /* Numbers of the shards that hold the words beginning with `prefix`: consecutive ones. */
  Store.prototype.shardsFor = function (prefix) {
    const found = [this.shardOf(prefix)]
    for (let next = found[0] + 1; next < this.keys.length && this.keys[next].startsWith(prefix); next++)
      found.push(next)
    return found
  }

  /* Words of the index that begin with `prefix` (or equal it, when `exact`). */
  Store.prototype.wordsFrom = async function (prefix, exact = false) {
    if (!this.keys.length) return []
    const numbers = exact ? [this.shardOf(prefix)] : this.shardsFor(prefix)
    const shards = await Promise.all(numbers.map(number => this.shard(number)))
    const found = []
    for (const shard of shards)
      for (const word of Object.keys(shard))
        if (exact ? word === prefix : word.startsWith(prefix)) found.push(word)
    return found
  }

  /* The postings of a word of the index: [entry, flags] pairs, decoded once. */
  Store.prototype.postings = async function (word) {
    if (this.decoded.has(word)) return this.decoded.get(word)
    if (!this.keys.length) return new Int32Array(0)
    const shard = await this.shard(this.shardOf(word))
    const encoded = shard[word] || []
    const pairs = new Int32Array(encoded.length * 2)
    let entry = 0
    encoded.forEach((value, i) => {
      entry += Math.floor(value / FLAG_BITS)
      pairs[2 * i] = entry
      pairs[2 * i + 1] = value % FLAG_BITS
    })
    this.decoded.set(word, pairs)
    return pairs
  }

  /* The entries of a page: [anchor, title, text], the page itself first. */
  Store.prototype.fragment = function (page) {
    if (!this.fragments.has(page))
      this.fragments.set(page, this.fetch(`p/${page}.json`).then(fragment => {
        this.fetched.add(page)
        return fragment
      }))
    return this.fragments.get(page)
  }

  Store.prototype.hasFragment = function (page) {
    return this.fetched.has(page)
  }

  self.jobdescStore = { Store }
})()
