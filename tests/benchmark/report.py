"""The benchmark's Markdown table, the machine it ran on, and the docs page «Производительность»."""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
from importlib import metadata

# (row label, result key, format, target)
ROWS = [
    ("Должностей", "positions", "{:d}", ""),
    ("Сборка сайта (HTML, без PDF), с", "build_s", "{:.1f}", ""),
    ("Material: те же страницы по папкам подразделений, navigation.prune, с", "plain_s", "{:.1f}", ""),
    ("Сборка / Material по подразделениям", "ratio", "{:.2f}", "≤ 1,0"),
    ("Сборка с кэшем прошлой сборки (`.cache/`, как у публикующего сервера) после правки одной должности, с",
     "warm_s", "{:.1f}", ""),
    ("Сборка с кэшем / Material по подразделениям", "warm_ratio", "{:.2f}", "≤ 1,0"),
    ("Material: все страницы в одном разделе (прежнее сравнение), с", "flat_s", "{:.1f}", ""),
    ("Сборка / Material в одном разделе", "flat_ratio", "{:.2f}", ""),
    ("Сборка сайта, процессорное время, с", "build_cpu_s", "{:.1f}", ""),
    ("Material по подразделениям, процессорное время, с", "plain_cpu_s", "{:.1f}", ""),
    ("Сборка / Material по подразделениям, процессорное время", "cpu_ratio", "{:.2f}", "≤ 1,0"),
    ("Сборка с кэшем, процессорное время, с", "warm_cpu_s", "{:.1f}", ""),
    ("Сборка с кэшем / Material по подразделениям, процессорное время", "warm_cpu_ratio", "{:.2f}", "≤ 1,0"),
    ("Material в одном разделе, процессорное время, с", "flat_cpu_s", "{:.1f}", ""),
    ("Сборка / Material в одном разделе, процессорное время", "flat_cpu_ratio", "{:.2f}", ""),
    ("Страница должности, медиана, КБ", "page_median_kb", "{:.0f}", ""),
    ("Страница должности, максимум, КБ", "page_max_kb", "{:.0f}", "≤ 60 при 1000"),
    ("Страница должности в подразделении из 100 специалистов, максимум, КБ", "page_large_max_kb", "{:.0f}", "≤ 60"),
    ("Текст страниц должностей, МБ", "text_mb", "{:.2f}", ""),
    ("Поисковый индекс, все файлы, МБ", "index_mb", "{:.2f}", ""),
    ("Поисковый индекс, все файлы в gzip, МБ", "index_gz_mb", "{:.2f}", ""),
    ("Индекс / текст", "index_ratio", "{:.2f}", "≤ 1,5"),
    ("Поиск: загружается при открытии страницы, КБ", "search_open_kb", "{:.1f}", "не растёт с N"),
    ("Поиск: первый ответ на запрос, набранный сразу при открытии страницы (от DOMContentLoaded), мс",
     "search_first_ms", "{:.0f}", "≤ 300"),
    ("Поиск: тот же ответ с текстом первых должностей, мс", "search_first_complete_ms", "{:.0f}", ""),
    ("Поиск: загружено для этого первого ответа, КБ", "search_first_kb", "{:.0f}", ""),
    ("Поиск: медиана на запрос после этого, мс", "search_ms", "{:.0f}", "≤ 30"),
    ("Поиск: медиана на запрос после этого, с текстом первых должностей, мс", "search_complete_ms", "{:.0f}", ""),
    ("Поиск с опечаткой, в другой раскладке, латиницей: нужная должность в первой тройке", "forgiving", "{}",
     "все"),
    ("Поиск с опечаткой, в другой раскладке, латиницей: медиана, мс", "forgiving_ms", "{:.0f}", ""),
    ("Сборка вместе со всеми PDF (пустой кэш PDF), с", "build_pdf_s", "{:.1f}", ""),
    ("PDF: файлов", "pdf_files", "{:d}", ""),
    ("PDF: все, с", "pdf_seconds", "{:.1f}", ""),
    ("PDF: одна, с", "pdf_each_s", "{:.2f}", ""),
    ("Пересборка после правки одной должности, с", "rebuild_s", "{:.1f}", ""),
    ("PDF пересоздано при этой пересборке", "rebuild_pdfs", "{:d}", "1"),
    ("Предпросмотр: правка видна в `mkdocs serve --dirty` (как запускает HR) через, с", "preview_s", "{:.1f}",
     "≤ 1,5 при 300"),
    ("Предпросмотр: то же в `mkdocs serve` (пересобирает каждую страницу), с", "preview_full_s", "{:.1f}", ""),
]
METRICS = [key for _, key, _, _ in ROWS]


def cell(value, fmt: str) -> str:
    if value is None:
        return "n/a"
    return fmt.format(value).replace(".", ",")


def with_derived(result: dict) -> dict:
    """The result with the rows made of two numbers («18 из 21»)."""
    if result.get("forgiving_total"):
        result = dict(result, forgiving=f"{result['forgiving_found']} из {result['forgiving_total']}")
    return result


def table(results: dict[int, dict]) -> str:
    sizes = list(results)
    lines = ["| Показатель | " + " | ".join(f"N = {n}" for n in sizes) + " | Цель |",
             "|---|" + "---:|" * len(sizes) + "---|"]
    for label, key, fmt, target in ROWS:
        values = [cell(with_derived(results[n]).get(key), fmt) for n in sizes]
        lines.append(f"| {label} | " + " | ".join(values) + f" | {target} |")
    return "\n".join(lines)


def machine() -> dict:
    return {
        "nproc": os.cpu_count(),
        "ram_gb": round(_meminfo_kb() / 2**20, 1),
        "cpu": _cpu_model(),
        "python": platform.python_version(),
        "mkdocs": metadata.version("mkdocs"),
        "material": metadata.version("mkdocs-material"),
        "chromium": _chromium(),
    }


def page(table_text: str, repeat: int, more: str = "") -> str:
    info = dict(machine(), repeat=repeat)
    return f"""---
title: Производительность
---

# Производительность

Замер командой `python3 tests/benchmark/run.py` от {dt.date.today():%d.%m.%Y}. Для каждого N скрипт
делает во временной папке копию проекта с N должностями: настоящие плюс сгенерированные по той же
схеме, около 20 подразделений с деревом подчинения, одно из них — 100 специалистов одной категории
(при N = 100 — 30). Копия собирается командой `mkdocs build --strict`.

С чем сравнивается сборка. «Голый» Material for MkDocs (`theme: material`, плагин `search`, без
макросов и доработок) собирает те же страницы с тем же текстом, взятым из собранных страниц
должностей вместе с общими частями:

- **по подразделениям** — так, как его настроил бы знающий пользователь: папка на подразделение (меню
  MkDocs строит по папкам), `navigation.sections` и `navigation.prune`, то есть на странице раскрыто
  только своё подразделение, как у нас. Это основное сравнение;
- **в одном разделе** — все страницы в одном разделе без `navigation.prune` (так сравнивали раньше:
  «голый» Material платит за меню из всех страниц на каждой странице).

Время — полное время команды, с запуском Python. Рядом показано процессорное время (user + sys
процесса сборки). На общей машине скорость за несколько минут меняется на десятки процентов, поэтому
наша сборка и обе сборки «голого» Material идут по очереди, {_times(info['repeat'])} каждая, и в таблицу
идёт лучший замер каждой.

Наша сборка замеряется дважды: с нуля (копия без `.cache/`) и с кэшем прошлой сборки, после правки одной
должности, — так собирает сервер публикации после слияния pull request (CI хранит `.cache/` между
сборками, см. macros/README.md, «Кэш прошлых сборок»). У «голого» Material кэша нет, ему обе сборки стоят одинаково.

Поиск замеряется в Chromium на собранном сайте, который отдаёт встроенный сервер Python (HTTP/1.1).
Браузер видит только этот сайт: имена других хостов не разрешаются (флаг Chromium, а не перехват
запросов через Playwright — перехват задерживал каждый запрос страницы). Первый ответ: страница
должности открывается в чистом профиле браузера (ничего не закэшировано), запрос набирается в поле
поиска в момент DOMContentLoaded, время — до появления первого результата; медиана по пяти открытиям.
Запросы с ошибками сделаны из слов, которые есть только у одной настоящей должности: перестановка
двух букв, та же строка на латинской раскладке, латинская транслитерация.
Предпросмотр: настоящий `mkdocs serve`; время от записи файла должности до ответа сервера, в котором
правка уже есть.

{table_text}
{more}
**Машина:** процессоров (`nproc`): {info['nproc']}, памяти {info['ram_gb']} ГБ, {info['cpu']}; Python {info['python']},
MkDocs {info['mkdocs']}, Material for MkDocs {info['material']}, {info['chromium']}.

«n/a» — показатель не замерялся (например, PDF при запуске с `--no-pdf`) или не применим.
"""


def _times(count: int) -> str:
    if count == 1:
        return "по одному разу"
    return f"по {count} раза" if count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14) else f"по {count} раз"


def _meminfo_kb() -> int:
    with open("/proc/meminfo", encoding="ascii") as meminfo:
        return int(meminfo.readline().split()[1])


def _cpu_model() -> str:
    with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown CPU"


def _chromium() -> str:
    try:
        return subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True,
                              timeout=30).stdout.strip() or "Chromium: n/a"
    except OSError:
        return "Chromium: n/a"
