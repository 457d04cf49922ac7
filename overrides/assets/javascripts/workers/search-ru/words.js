/*
 * Words of a query: the same cut as the build's (macros/search/words.py) and the other readings
 * of a word typed by mistake — on the wrong keyboard layout, or in Latin letters for a Russian word.
 *
 * Part of the search worker (../search-ru.js); defines self.jobdescWords.
 */
(function () {
  const WORD = /[\p{L}\p{N}]+/gu
  const LATIN = /^[a-z]+$/
  const CYRILLIC = /^[а-яё]+$/
  const VOWELS = "аеёиоуыэюя"

  function fold(text) {
    return text.toLowerCase().replace(/ё/g, "е")
  }

  // Marks no reader sees inside a word (stress accent, soft hyphen, zero-width space), as the build
  // drops them (macros/search/words.py); full-width Latin letters and digits read as plain ones.
  const INVISIBLE = /[\u0300-\u036f\u00ad\u200b-\u200d\u2060\ufeff]/g
  const FULL_WIDTH = /[\uff01-\uff5e]/g

  function clean(text) {
    return text.normalize("NFC").replace(INVISIBLE, "")
      .replace(FULL_WIDTH, c => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
  }

  /* The words of a text, folded: exactly the words the index holds. */
  function words(text) {
    return fold(clean(text)).match(WORD) || []
  }

  /* [start, end, folded word] of every word of a text shown to the user, for highlighting. */
  function spans(text) {
    const found = []
    for (const match of text.matchAll(WORD))
      found.push([match.index, match.index + match[0].length, fold(match[0])])
    return found
  }

  // The same key on the Russian (ЙЦУКЕН) and the Latin (QWERTY) layout, shifted keys included.
  const LATIN_KEYS = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`{}:\"<>~"
  const RUSSIAN_KEYS = "йцукенгшщзхъфывапролджэячсмитьбюёхъжэбюё"
  const TO_RUSSIAN = new Map([...LATIN_KEYS].map((key, i) => [key, RUSSIAN_KEYS[i]]))
  const TO_LATIN = new Map([...RUSSIAN_KEYS.slice(0, 33)].map((key, i) => [key, LATIN_KEYS[i]]))

  /* Russian typed on the Latin layout ("rflhs" -> "кадры"), or null when it cannot be. */
  function onRussianLayout(token) {
    const lower = token.toLowerCase()
    if (!/[a-z]/.test(lower)) return null
    let out = ""
    for (const key of lower) {
      const russian = TO_RUSSIAN.get(key)
      if (!russian) return null
      out += russian
    }
    return fold(out)
  }

  /* Latin typed on the Russian layout ("лун" -> "key"), or null. A key with no Latin letter on it
     (ж, э, х, ъ, б, ю) keeps its Russian letter: "ьутувожук" -> "menedjжer", spelled out in Russian
     by transliterations(). */
  function onLatinLayout(word) {
    if (!CYRILLIC.test(word)) return null
    let out = ""
    for (const key of word) {
      const latin = TO_LATIN.get(key)
      out += latin && /[a-z]/.test(latin) ? latin : key
    }
    return /[a-z]/.test(out) ? out : null
  }

  // Latin letters that look like Russian ones: "oбзвон" typed with a Latin "o" is «обзвон».
  const LOOK_ALIKE = new Map([..."aceopxykmtbh"].map((letter, i) => [letter, "асеорхукмтвн"[i]]))
  const LOOK_BACK = new Map([...LOOK_ALIKE].map(([latin, russian]) => [russian, latin]))

  /* A word of Russian and Latin letters read as Russian: look-alikes replaced, or else the Latin
     letters taken as keys of the Russian layout ("пjlбор" -> «подбор»); a Latin name with a Russian
     ending read as the name ("hrа" -> "hr"); nothing for a one-script word. */
  function mixedReadings(word) {
    if (!/[a-z]/.test(word) || !/[а-я]/.test(word)) return []
    const lookAlike = [...word].map(letter => LOOK_ALIKE.get(letter) || letter).join("")
    const keys = [...word].map(letter => TO_RUSSIAN.get(letter) || letter).join("")
    const ending = /^([a-z]+)[а-я]{1,3}$/.exec(word)
    return [lookAlike, keys].filter(reading => CYRILLIC.test(reading)).concat(ending ? [ending[1]] : [])
  }

  /* A Russian word made of letters that look Latin, read in Latin ("сео" -> "ceo"), or null. */
  function lookingLatin(word) {
    const latin = [...word].map(letter => LOOK_BACK.get(letter) || "").join("")
    return latin.length === word.length ? latin : null
  }

  // Russian letters as a Latin abbreviation read aloud is written: «хр» — "hr", «хрд» — "hrd".
  const SPOKEN = new Map([..."абвгдезийклмнопрстуфхцэ"].map((letter, i) => [letter, "abvgdeziiklmnoprstufhce"[i]]))

  /* A Russian word in the Latin letters of its sounds, or null when a letter has no single one. */
  function spokenLatin(word) {
    const latin = [...word].map(letter => SPOKEN.get(letter) || "").join("")
    return latin.length === word.length ? latin : null
  }

  // Latin spellings of Russian sounds: each maps to its Cyrillic readings, the likeliest first.
  // Longer spellings are tried first ("shch" before "sh" before "s").
  const SPELLINGS = {
    shch: ["щ"], sch: ["щ", "сч"], tch: ["ч"], zh: ["ж"], kh: ["х"], ch: ["ч"], sh: ["ш"],
    ts: ["ц", "тс"], tz: ["ц"], ph: ["ф"], ck: ["к"],
    ya: ["я"], ja: ["я"], yu: ["ю"], ju: ["ю"], iu: ["ю", "иу"], yo: ["е"], jo: ["е"], ye: ["е"], je: ["е"],
    ia: ["ия", "я"], ea: ["ея"],
    a: ["а"], b: ["б"], v: ["в"], g: ["г"], d: ["д"], z: ["з"], i: ["и", "й"], k: ["к"], l: ["л"],
    m: ["м"], n: ["н"], o: ["о"], p: ["п"], r: ["р"], s: ["с"], t: ["т"], u: ["у"], f: ["ф"],
    h: ["х"], c: ["ц", "к", "с"], x: ["кс", "х"], w: ["в"], q: ["к"], j: ["й", "ж"], "'": ["ь"]
  }
  const LONGEST = 4
  const BEAM = 6

  function readingsOf(spelling, before, atStart) {
    if (spelling === "y")
      return VOWELS.includes(before) && before ? ["й", "ы"] : ["ы", "й", "и"]
    if (spelling === "e")
      return atStart ? ["э", "е"] : ["е", "э"]
    return SPELLINGS[spelling]
  }

  /* Russian words a Latin spelling may stand for, the likeliest first ("kadry" -> "кадры", …); its
     Russian letters, if any, stay as they are. */
  function transliterations(latin) {
    if (!/^[a-z'а-яё]+$/.test(latin) || latin.replace(/'/g, "").length < 3) return []
    let beam = [{ text: "", cost: 0 }]
    let position = 0
    while (position < latin.length) {
      let length = Math.min(LONGEST, latin.length - position)
      while (length > 1 && !SPELLINGS[latin.substr(position, length)]) length--
      const spelling = latin.substr(position, length)
      const next = []
      for (const partial of beam) {
        const options = readingsOf(spelling, partial.text.slice(-1), position === 0) || [spelling]
        options.forEach((option, rank) => next.push({ text: partial.text + option, cost: partial.cost + rank }))
      }
      beam = next.sort((a, b) => a.cost - b.cost).slice(0, BEAM)
      position += length
    }
    return beam.map(reading => reading.text)
  }

  self.jobdescWords = {
    fold, clean, words, spans, onRussianLayout, onLatinLayout, transliterations, mixedReadings, lookingLatin, spokenLatin,
    isLatin: word => LATIN.test(word),
    isCyrillic: word => CYRILLIC.test(word)
  }
})()
