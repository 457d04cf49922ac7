/*
 * One typo per word: words of the vocabulary within one edit (a letter wrong, missing, extra, or two
 * neighbours swapped) of what was typed — of the whole word, or of the beginning of a longer word,
 * since a query word may be another form of it or still being typed.
 *
 * Part of the search worker (../search-ru.js); defines self.jobdescFuzzy.
 */
(function () {
  const FAR = 2

  /* Edit distance (restricted Damerau-Levenshtein) between `query` and the beginnings of `word`
     that are one letter shorter, as long, or one letter longer than it; FAR if above one. */
  function distances(query, word) {
    const n = query.length
    const m = Math.min(word.length, n + 1)
    if (m < n - 1) return { whole: FAR, prefix: FAR }
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
      if (best >= FAR) return { whole: FAR, prefix: FAR }
      before = previous
      previous = row
    }
    let prefix = FAR
    for (let j = Math.max(0, n - 1); j <= m; j++) prefix = Math.min(prefix, previous[j])
    const whole = word.length <= n + 1 ? previous[word.length] : FAR
    return { whole, prefix }
  }

  /* Words of `vocabulary` one typo away from `typed` (compared whole, or as the beginning of a
     longer word when typed has five letters or more) or from its stem (as a beginning). */
  function similar(vocabulary, typed, stem) {
    const found = []
    if (typed.length < 4) return found
    const usesStem = stem && stem !== typed && stem.length >= 4
    for (const word of vocabulary) {
      const own = distances(typed, word)
      let near = own.whole <= 1 || (typed.length >= 5 && own.prefix <= 1)
      if (!near && usesStem) near = distances(stem, word).prefix <= 1
      if (near) found.push(word)
    }
    return found
  }

  self.jobdescFuzzy = { distances, similar }
})()
