"""Python runs this at the start of every process while mutmut collects its stats: tests/mutation/
is on PYTHONPATH then, and only then (tests/mutation/cross_process.py puts it there).

Each process (`mkdocs build` and the processes it starts) records the mutated functions it calls
and writes their names to the folder JOBDESC_MUTATION_HITS when it exits, for the test that
started it. Nothing happens in any other process.
"""

import atexit
import os

if os.environ.get("MUTANT_UNDER_TEST") == "stats" and os.environ.get("JOBDESC_MUTATION_HITS"):
    try:
        import mutmut.mutation.trampoline as _trampoline
    except ImportError:  # a Python without mutmut (a tool the tests start): nothing to record
        _trampoline = None
    if _trampoline is not None:
        _called: set[str] = set()

        def _record(name, caller=None):
            _called.add(name)

        def _write():
            if _called:
                folder = os.environ["JOBDESC_MUTATION_HITS"]
                with open(os.path.join(folder, f"{os.getpid()}.hits"), "a", encoding="utf-8") as file:
                    file.write("\n".join(sorted(_called)))

        # The trampoline calls this name for every call of a mutated function in stats mode.
        _trampoline.record_trampoline_hit = _record
        atexit.register(_write)
