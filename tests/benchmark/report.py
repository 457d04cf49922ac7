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
    ("Material без доработок на том же числе страниц, с", "plain_s", "{:.1f}", ""),
    ("Сборка / Material", "ratio", "{:.2f}", "≤ 1,0 при 300"),
    ("Сборка сайта, процессорное время, с", "build_cpu_s", "{:.1f}", ""),
    ("Material без доработок, процессорное время, с", "plain_cpu_s", "{:.1f}", ""),
    ("Сборка / Material по процессорному времени", "cpu_ratio", "{:.2f}", "≤ 1,0 при 300"),
    ("Страница должности, медиана, КБ", "page_median_kb", "{:.0f}", ""),
    ("Страница должности, максимум, КБ", "page_max_kb", "{:.0f}", "≤ 60 при 1000"),
    ("Текст страниц должностей, МБ", "text_mb", "{:.2f}", ""),
    ("Поисковый индекс, МБ", "index_mb", "{:.2f}", ""),
    ("Поисковый индекс в gzip, МБ", "index_gz_mb", "{:.2f}", ""),
    ("Индекс / текст", "index_ratio", "{:.2f}", "≤ 1,5"),
    ("Сборка вместе со всеми PDF (пустой кэш PDF), с", "build_pdf_s", "{:.1f}", ""),
    ("PDF: файлов", "pdf_files", "{:d}", ""),
    ("PDF: все, с", "pdf_seconds", "{:.1f}", ""),
    ("PDF: одна, с", "pdf_each_s", "{:.2f}", ""),
    ("Пересборка после правки одной должности, с", "rebuild_s", "{:.1f}", ""),
    ("PDF пересоздано при этой пересборке", "rebuild_pdfs", "{:d}", "1"),
    ("Поиск: первый запрос (с загрузкой индекса), мс", "search_first_ms", "{:.0f}", ""),
    ("Поиск: медиана на запрос, мс", "search_ms", "{:.0f}", ""),
]
METRICS = [key for _, key, _, _ in ROWS]


def cell(value, fmt: str) -> str:
    if value is None:
        return "n/a"
    return fmt.format(value).replace(".", ",")


def table(results: dict[int, dict]) -> str:
    sizes = list(results)
    lines = ["| Показатель | " + " | ".join(f"N = {n}" for n in sizes) + " | Цель |",
             "|---|" + "---:|" * len(sizes) + "---|"]
    for label, key, fmt, target in ROWS:
        values = [cell(results[n].get(key), fmt) for n in sizes]
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


def page(table_text: str, repeat: int) -> str:
    info = dict(machine(), repeat=repeat)
    return f"""---
title: Производительность
---

# Производительность

Замер командой `python3 tests/benchmark/run.py` от {dt.date.today():%d.%m.%Y}. Для каждого N скрипт
делает во временной папке копию проекта с N должностями: настоящие плюс сгенерированные по той же
схеме, до 16 подразделений с деревом подчинения. Копия собирается командой `mkdocs build --strict`.
Для сравнения «голый» Material for MkDocs (`theme: material`, плагин `search`, без макросов и
доработок) собирает столько же страниц в одном разделе. Текст этих страниц взят из собранных страниц
должностей, вместе с общими частями. Время — полное время команды, с запуском Python. Рядом
показано процессорное время (user + sys процесса сборки). На общей машине скорость за несколько
минут меняется на десятки процентов, поэтому наша сборка и сборка «голого» Material идут по очереди,
{_times(info['repeat'])} каждая, и в таблицу идёт лучший замер каждой.

{table_text}

**Машина:** процессоров (`nproc`): {info['nproc']}, памяти {info['ram_gb']} ГБ, {info['cpu']}; Python {info['python']},
MkDocs {info['mkdocs']}, Material for MkDocs {info['material']}, {info['chromium']}.

«n/a» — показатель не применим: сборка не создаёт PDF.
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
