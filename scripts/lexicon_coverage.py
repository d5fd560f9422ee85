"""How much of each published reference word list our hedges and loaded lexicons cover.

Usage::

    python scripts/lexicon_coverage.py /path/to/datasets [--all]

``datasets`` is the folder holding ``lexicons/`` (see its README.md). For each reference
list the script prints how many entries our lexicon has exactly, how many it has in
another form (an inflection, or inside a multi-word term such as "believed to"), and
which are missing, split into those the lexicon header deliberately excludes
(``# excluded [reason]: a, b, c``) and those nobody has decided on yet. The lists are
development references only; nothing is copied into the repository.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from framing.lexicons import load_lexicons

# (our lexicon, label, path under <datasets>/lexicons, comment prefix)
REFERENCES = [
    ("hedges", "Hyland 2005 hedges (via Recasens et al. 2013)", "recasens2013/hedges_hyland2005.txt"),
    ("hedges", "Islam et al. 2020 hedge_words", "islam2020-hedging-lrec/hedge_words.txt"),
    ("loaded", "Recasens et al. 2013 NPOV bias lexicon", "recasens2013/bias-lexicon/bias-lexicon_og.txt"),
    ("loaded", "Liu opinion lexicon, negative", "recasens2013-other-via-pryzant/negative_liu2005.txt"),
    ("loaded", "Islam et al. 2020 booster_words", "islam2020-hedging-lrec/booster_words.txt"),
]
SHOW_LIMIT = 60
_EXCLUDED = re.compile(r"^#\s*excluded\b(?:\s*\[[^\]]*\])?[^:]*:(.*)$")  # the [reason] may hold colons


def read_reference(path: Path) -> list[str]:
    """Entries of a one-per-line list; '#' and ';' lines are comments (Liu's file is Latin-1)."""
    entries = []
    for line in path.read_text(encoding="latin-1").splitlines():
        word = line.strip().lower()
        if word and not word.startswith(("#", ";")) and word not in entries:
            entries.append(word)
    return entries


def excluded_terms(files: tuple[str, ...]) -> set[str]:
    """Terms named on the lexicon header's ``# excluded [...]: a, b`` lines."""
    terms: set[str] = set()
    for name in files:
        for line in Path(name).read_text(encoding="utf-8").splitlines():
            match = _EXCLUDED.match(line)
            if match:
                terms.update(t.strip().lower() for t in match.group(1).split(",") if t.strip())
    return terms


def related(word: str, ours: set[str]) -> bool:
    """Our lexicon has the word in another form: an inflection or inside a multi-word term."""
    if len(word) < 4:
        return any(word in term.split() for term in ours)
    for term in ours:
        if word in term.split() or (term.startswith(word) and len(term) - len(word) <= 3 and " " not in term):
            return True
        if word.startswith(term) and len(word) - len(term) <= 3 and " " not in word and len(term) > 3:
            return True
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("datasets", type=Path, help="folder that holds lexicons/ (or the lexicons folder itself)")
    parser.add_argument("--all", action="store_true", help=f"list every missing entry, not only the first {SHOW_LIMIT}")
    args = parser.parse_args(argv)
    root = args.datasets / "lexicons" if (args.datasets / "lexicons").is_dir() else args.datasets
    lexicons = load_lexicons()
    for name, label, relative in REFERENCES:
        path = root / relative
        if not path.is_file():
            print(f"{label}: not found at {path}", file=sys.stderr)
            continue
        lexicon = lexicons[name]
        ours = {entry.key.lower() for entry in lexicon if entry["category"] != "exclusion"}
        excluded = excluded_terms(lexicon.files)
        reference = read_reference(path)
        exact = [w for w in reference if w in ours]
        other_form = [w for w in reference if w not in ours and related(w, ours)]
        missing = [w for w in reference if w not in ours and w not in other_form]
        decided = [w for w in missing if w in excluded]
        undecided = [w for w in missing if w not in excluded]
        covered = len(exact) + len(other_form)
        print(f"\n{label} -> lexicons/{name}.tsv")
        print(f"  entries {len(reference)}; covered {covered} ({100 * covered / len(reference):.1f}%): "
              f"{len(exact)} exactly, {len(other_form)} in another form")
        print(f"  missing {len(missing)}: {len(decided)} deliberately excluded, {len(undecided)} not taken")
        for title, words in (("in another form", other_form), ("excluded", decided), ("not taken", undecided)):
            if words:
                shown = words if args.all else words[:SHOW_LIMIT]
                more = "" if len(shown) == len(words) else f" … (+{len(words) - len(shown)}, use --all)"
                print(f"  {title}: {', '.join(shown)}{more}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
