/*
 * Typos: words of the vocabulary within one edit (a letter wrong, missing, extra, or two neighbours
 * swapped) of what was typed — of the whole word, or of the beginning of a longer word, since a query
 * word may be another form of it or still being typed; within two edits for a long word.
 *
 * Part of the search worker (../search-ru.js); defines self.jobdescFuzzy.
 */
(function () {
  /* Edit distance (restricted Damerau-Levenshtein) between `query` and the beginnings of `word`
     up to `limit` letters shorter or longer than it; limit + 1 if above the limit. */
  function distances(query, word, limit = 1) {
    const far = limit + 1
    const n = query.length
    const m = Math.min(word.length, n + limit)
    if (m < n - limit) return { whole: far, prefix: far }
    // One edit leaves one of the first two letters in place or swaps them: most words fail this at once.
    if (limit === 1 && n > 1 && m > 1 && query[0] !== word[0] && query[1] !== word[1] &&
        query[0] !== word[1] && query[1] !== word[0]) return { whole: far, prefix: far }
    let before = null
    let previous = Array.from({ length: m + 1 }, (_, j) => j)
    for (let i = 1; i <= n; i++) {
      const row = [i]
      let best = i
      for (let j = 1; j <= m; j++) {
        const same = query[i - 1] === word[j - 1]
        let value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (same ? 0 : 1))
        if (before && i > 1 && j > 1 && query[i - 1] === word[j - 2] && query[i - 2] === word[j - 1])
          value = Math.min(value, before[j - 2] + 1)
        row.push(value)
        if (value < best) best = value
      }
      if (best >= far) return { whole: far, prefix: far }
      before = previous
      previous = row
    }
    let prefix = far
    for (let j = Math.max(0, n - limit); j <= m; j++) prefix = Math.min(prefix, previous[j])
    const whole = word.length <= n + limit ? Math.min(far, previous[word.length]) : far
    return { whole, prefix }
  }

  /* Words of `vocabulary` within `limit` typos of `typed` (compared whole, or as the beginning of a
     longer word when typed has five letters or more) or of its stem (as a beginning). */
  function similar(vocabulary, typed, stem, limit = 1) {
    const found = []
    if (typed.length < 4) return found
    const usesStem = stem && stem !== typed && stem.length >= 4
    for (const word of vocabulary) {
      const own = distances(typed, word, limit)
      let near = own.whole <= limit || (typed.length >= 5 && own.prefix <= limit)
      if (!near && usesStem) near = distances(stem, word, limit).prefix <= limit
      if (near) found.push(word)
    }
    return found
  }

  self.jobdescFuzzy = { distances, similar }
})()
