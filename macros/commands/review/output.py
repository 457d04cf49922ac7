"""The review report as Markdown (the CI job summary, a file) and as a standalone HTML page (the site artifact).

Everything from the documents is HR's text: escaped in both forms, so a clause can never become a
link, a heading or markup in the approver's view. In the job summary GitHub would also link bare
addresses, issue numbers and notify «@name»: an invisible word joiner (U+2060) after «@», «#», «:» of «://»
and «www» breaks them.
"""

from __future__ import annotations

import html
import re

from .report import Report, Review

MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#|~!])")
LINKED = re.compile(r"(@|#(?=\d)|:(?=//)|\bwww(?=\.))", re.I)  # «@name», an e-mail, «#12», «://», «www.»


def headline(report: Report) -> str:
    if not report.reviews:
        return f"Печатный текст инструкций не меняется (сравнение с {report.base}, {report.base_commit[:7]})."
    count = len(report.reviews)
    text = (f"Печатный текст меняется {_in(count)}: напрямую — {len(report.direct)}, "
            f"косвенно — {len(report.indirect)}.")
    undeclared = len(report.undeclared)
    return text + (f" Не объявлено изменений: {undeclared}." if undeclared else " Все изменения объявлены.")


def _in(count: int) -> str:
    word = "должности" if count % 10 == 1 and count % 100 != 11 else "должностей"
    return f"у {count} {word}"


def sections(report: Report) -> list[tuple[str, list[Review]]]:
    return [(title, items) for title, items in (("Изменённые инструкции", report.direct),
                                                ("Косвенно изменённые инструкции", report.indirect)) if items]


def versions(review: Review) -> str:
    if not review.old_version:
        return f"новая, редакция {review.new_version or '—'}"
    if not review.new_version:
        return f"удаляется (была редакция {review.old_version})"
    if review.old_version == review.new_version:
        return f"{review.old_version} (прежняя)"
    return f"{review.old_version} → {review.new_version}"


def markdown(report: Report) -> str:
    if not report.reviews:
        return headline(report) + "\n"
    lines = ["## Что изменится в подписываемых инструкциях", "",
             f"Сравнение с `{_md(report.base)}` ({report.base_commit[:7]}), ветка {report.head_commit[:7]}.", "",
             f"**{headline(report)}**", ""]
    for title, items in sections(report):
        lines += [f"### {title}", ""]
        for review in items:
            mark = "Объявлено" if review.declared else "⚠️ НЕ ОБЪЯВЛЕНО"
            declaration = review.declaration.removeprefix("НЕ ОБЪЯВЛЕНО: ")
            lines += [f"#### {_md(review.title)}", "",
                      f"- Файл: `{review.file}`; редакция: {_md(versions(review))}",
                      f"- **{mark}:** {_md(declaration)}",
                      f"- Причина: {_md('; '.join(review.reasons))}", ""]
            lines += [f"{number}. {_md(sentence)}" for number, sentence in enumerate(review.wording, 1)]
            lines.append("")
    return "\n".join(lines)


def _md(text: str) -> str:
    return LINKED.sub("\\1\u2060", MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False)))


def page(report: Report) -> str:
    """A page of its own, no theme and no script: it must open from the downloaded artifact as it is."""
    e = html.escape
    body = [f"<h1>Что изменится в подписываемых инструкциях</h1>",
            f"<p>Сравнение с <code>{e(report.base)}</code> ({e(report.base_commit[:7])}), "
            f"ветка {e(report.head_commit[:7])}.</p>", f"<p><strong>{e(headline(report))}</strong></p>"]
    for title, items in sections(report):
        body.append(f"<h2>{e(title)}</h2>")
        for review in items:
            mark = "Объявлено" if review.declared else "НЕ ОБЪЯВЛЕНО"
            declaration = review.declaration.removeprefix("НЕ ОБЪЯВЛЕНО: ")
            body += [f"<section class=\"{'declared' if review.declared else 'undeclared'}\">",
                     f"<h3>{e(review.title)}</h3><ul>",
                     f"<li>Файл: <code>{e(review.file)}</code>; редакция: {e(versions(review))}</li>",
                     f"<li><strong>{mark}:</strong> {e(declaration)}</li>",
                     f"<li>Причина: {e('; '.join(review.reasons))}</li></ul>",
                     "<ol>" + "".join(f"<li>{e(sentence)}</li>" for sentence in review.wording) + "</ol>",
                     "</section>"]
    return ("<!doctype html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<title>Что изменится в подписываемых инструкциях</title><style>"
            "body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
            "section{border-left:4px solid #3f51b5;padding-left:1rem;margin:1.5rem 0}"
            "section.undeclared{border-color:#c62828}.undeclared strong{color:#c62828}"
            "</style></head><body><main>\n" + "\n".join(body) + "\n</main></body></html>\n")
