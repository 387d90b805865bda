"""``intelgraph draft`` and ``intelgraph review``: from a new article to reviewed facts.

``draft`` writes a facts file of candidates (extract/); ``review`` steps through them at a
terminal, or applies decisions given by a script, and writes the reviewed file
(extract/review.py). ``load`` refuses a file in which a candidate is left.
"""
from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import functools
import hashlib
import os
import re
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.panel import Panel
from rich.prompt import Prompt

from cli.common import err, out, user_errors
from extract.assemble import DocumentInfo, default_document_id, read_article, write_draft
from extract.duplicates import same_text_if_reachable, same_text_in_files, same_text_in_graph
from extract.gazetteer import EmptyGazetteer, FactsGazetteer, Gazetteer, GraphGazetteer
from extract.review import Review, parse_decisions, parse_value, read_draft, write_reviewed
from graph.errors import InvalidInput, InvalidParameter

__all__ = ["draft", "review", "Extractor"]


class Extractor(StrEnum):
    """Who proposes the candidates: the rules and parsers, a language model (extract/llm/), or both."""

    linguistic = "linguistic"
    llm = "llm"
    both = "both"


def draft(
    article: Annotated[Path, typer.Argument(help="The article's text (UTF-8).", exists=True, dir_okay=False)],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="The facts file to write "
                                                "(default: beside the article, ARTICLE.facts.yaml).")] = None,
    title: Annotated[str | None, typer.Option(help="The article's title.")] = None,
    publisher: Annotated[str | None, typer.Option(help="Who published it.")] = None,
    date: Annotated[str | None, typer.Option("--date", help="Publication date, YYYY-MM-DD.")] = None,
    document_id: Annotated[str | None, typer.Option(
        "--id", help="The document's id (default: from the file name).")] = None,
    url: Annotated[str | None, typer.Option(help="Where it was published.")] = None,
    gazetteer: Annotated[list[Path] | None, typer.Option(
        "--gazetteer", help="Recognise the entities of these facts files (or folders) instead of the graph's.",
        exists=True)] = None,
    no_graph: Annotated[bool, typer.Option("--no-graph", help="Recognise nothing known: every entity is new.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite OUTPUT if it exists.")] = False,
    language: Annotated[str | None, typer.Option(
        "--language", help="The text's language (ISO 639-1, e.g. de); default: English, which is checked, since "
                           "the extractor reads English only.")] = None,
    extractor: Annotated[Extractor, typer.Option(
        help="linguistic: rules and parsers, no model; llm: a language model at LLM_BASE_URL (LLM_MODEL, "
             "docs/extraction.md); both: the two merged, each candidate marked with its origin.")
    ] = Extractor.linguistic,
) -> None:
    """Draft a facts file from an article: every entity and relation a candidate for review."""
    output = output or article.with_name(article.name.removesuffix(".txt") + ".facts.yaml")
    with user_errors():
        if output.exists() and not force:
            raise InvalidParameter("output", f"{output} exists (a reviewed file, perhaps): give --force to "
                                              "overwrite it, or another --output")
        if output.resolve() == article.resolve():
            raise InvalidParameter("output", "is the article itself: give another --output")
        if language is not None and not re.fullmatch(r"[a-z]{2}", language):
            raise InvalidParameter("language", f"expected a two-letter ISO 639-1 code (en, de, ru), not {language!r}")
        published = _date(date)
        _, raw = read_article(article, language=language)  # bad input stops here, before anything else
        sha256 = hashlib.sha256(raw).hexdigest()
        document = document_id or default_document_id(article, output)
        info = DocumentInfo(title=title, publisher=publisher, published=published, id=document_id, url=url,
                            language=language)
        if no_graph or gazetteer:
            same = same_text_in_files(gazetteer or [], sha256=sha256, document_id=document)
            same += same_text_if_reachable(sha256=sha256, document_id=document)
            info = dataclasses.replace(info, same_text=tuple(s.message(document) for s in same))
            known: Gazetteer = FactsGazetteer.from_paths(gazetteer) if gazetteer else EmptyGazetteer()
            facts = write_draft(article, output, info=info, gazetteer=known, extractor=extractor.value)
        else:
            from graph.store import Store

            with Store() as store:
                same = same_text_in_graph(store, sha256=sha256, document_id=document)
                info = dataclasses.replace(info, same_text=tuple(s.message(document) for s in same))
                facts = write_draft(article, output, info=info, gazetteer=GraphGazetteer(store),
                                    extractor=extractor.value)
    for message in info.same_text:
        err.print(f"[yellow]warning:[/yellow] {escape(message)}", highlight=False, soft_wrap=True)
    entities, relations = facts.facts.entities, facts.facts.relations
    matched = sum(1 for e in entities if e.review and e.review.match and len(e.review.match) == 1
                  and e.review.match[0] == e.id)
    statuses = {s: sum(1 for r in relations if r.status == s) for s in ("reported", "claimed", "denied")}
    out.print(f"drafted {output}: {len(entities)} entities ({matched} already in the graph), {len(relations)} "
              f"relations ({statuses['reported']} reported, {statuses['claimed']} claimed, {statuses['denied']} "
              f"denied), all candidates", highlight=False, markup=False, soft_wrap=True)
    if extractor is not Extractor.linguistic:
        _model_notes(output)
    out.print(f"next: intelgraph review {output}", highlight=False, markup=False, soft_wrap=True)


def _model_notes(output: Path) -> None:
    """What the model cost, the chunks missing and the count of proposals dropped, from the draft's header."""
    notes = [line.removeprefix("# llm: ") for line in output.read_text(encoding="utf-8").splitlines()
             if line.startswith("# llm: ")]
    for note in notes:
        if not note.startswith("dropped "):
            (err if note.startswith("MISSING") else out).print(note, highlight=False, markup=False,
                                                               soft_wrap=True)
    dropped = sum(1 for note in notes if note.startswith("dropped "))
    if dropped:
        out.print(f"{dropped} proposal(s) of the model dropped, each with its reason, at the head of {output}",
                  highlight=False, markup=False, soft_wrap=True)


def review(
    facts_file: Annotated[Path, typer.Argument(help="A draft (or a partly reviewed file).", exists=True,
                                               dir_okay=False)],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Where to write the reviewed file "
                                                "(default: FACTS_FILE itself).")] = None,
    accept_all: Annotated[bool, typer.Option("--accept-all", help="Accept every candidate left "
                                             "(after any --decisions).")] = False,
    decisions: Annotated[str | None, typer.Option(
        "--decisions", help="A file of decisions, one a line ('accept entity ID', 'reject relation ID', "
                            "'edit relation ID status=claimed asserted_by=russia', 'accept all'); "
                            "- reads stdin.")] = None,
) -> None:
    """Accept, edit or reject the candidates of a draft, and write the reviewed facts file."""
    target = output or facts_file
    with user_errors():
        state, header = read_draft(facts_file)
        _retarget_text(state, facts_file, target)
        document = state.data.get("document") or {}
        if isinstance(document.get("sha256"), str) and isinstance(document.get("id"), str):
            for same in same_text_if_reachable(sha256=document["sha256"], document_id=document["id"]):
                err.print(f"[yellow]warning:[/yellow] {escape(same.message(document['id']))}", highlight=False,
                          soft_wrap=True)
        if decisions is not None or accept_all:
            if decisions is not None:
                text = sys.stdin.read() if decisions == "-" else Path(decisions).read_text(encoding="utf-8")
                state.apply(parse_decisions(text, "<stdin>" if decisions == "-" else decisions))
            if accept_all:
                state.apply(parse_decisions("accept all"))
        elif sys.stdin.isatty() and sys.stderr.isatty():
            if not _interactive(state, target):
                err.print("quit: nothing was written", highlight=False)
                raise typer.Exit(1)
        else:
            raise InvalidParameter("decisions", "not at a terminal: give --decisions FILE (or -) or --accept-all")
        write_reviewed(state, target, header)
    left = len(state.candidates())
    counts = state.counts
    out.print(f"reviewed {target}: accepted {counts['accepted']}, edited {counts['edited']}, rejected "
              f"{counts['rejected']}, added {counts['added']} (and {counts['dropped']} relations dropped with "
              f"them); {left} candidates left", highlight=False, markup=False, soft_wrap=True)
    guessed = state.guessed()
    if guessed:
        err.print(f"not accepted: {', '.join('document.' + g for g in guessed)} guessed by the draft; a person "
                  f"must set {'it' if len(guessed) == 1 else 'each'}: edit document "
                  + " ".join(f"{g}=…" for g in guessed), highlight=False, markup=False, soft_wrap=True)
    if left:
        out.print(f"intelgraph load refuses the file until none is left: intelgraph review {target}",
                  highlight=False, markup=False, soft_wrap=True)


def _date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidParameter("date", f"expected YYYY-MM-DD, not {text!r}") from None


def _retarget_text(state: Review, source: Path, target: Path) -> None:
    """Keep ``document.text`` pointing at the article when the reviewed file goes to another folder."""
    document = state.data.get("document") or {}
    if "text" in document and source.resolve().parent != target.resolve().parent:
        article = (source.resolve().parent / document["text"]).resolve()
        document["text"] = os.path.relpath(article, target.resolve().parent)


# --- at a terminal -------------------------------------------------------------------------------

def _interactive(state: Review, target: Path) -> bool:
    """Step through the candidates; False if the reviewer quits without saving."""
    todo = [(section, item.get("id", "")) for section, item in state.candidates()]
    for number, (section, item_id) in enumerate(todo, 1):
        # looked up afresh: an undone decision restores a copy of the data
        item = state.find(section, item_id)
        if item is None:
            continue  # dropped with an entity rejected before
        while True:
            err.print(_card(state, section, item, number, len(todo)))
            answer = Prompt.ask(PROMPT, choices=["a", "e", "r", "s", "n", "w", "q"], default="a", console=err,
                                show_choices=False)
            if answer == "q":
                return False
            if answer == "w":
                return True
            if answer == "s":
                break
            if answer == "n":
                _add(state, target)
                continue
            guessed = state.guessed() if section == "document" else []
            done = _decide(state, target, functools.partial(_answer, state, section, item, answer, guessed))
            item = _refind(state, section, item)
            if done:
                break
    while True:  # every card seen: add what the draft missed, then write
        answer = Prompt.ask(END_PROMPT, choices=["n", "w", "q"], default="w", console=err, show_choices=False)
        if answer == "q":
            return False
        if answer == "w":
            return True
        _add(state, target)


#: What a card asks; Rich would read ``[a]`` as markup and show "ccept", hence the escapes.
PROMPT = escape("[a]ccept  [e]dit  [r]eject  [s]kip  [n]ew entity or relation  [w]rite and stop  [q]uit")
END_PROMPT = escape("every card seen: [n]ew entity or relation  [w]rite  [q]uit")


def _answer(state: Review, section: str, item: dict[str, Any], answer: str, guessed: list[str]) -> bool:
    """Carry out one answer to a card; False if there was nothing to do (an empty edit)."""
    if answer == "a" and guessed:
        changes = _ask_guessed(item, guessed)  # a guess is never accepted: the reviewer types each field
        state.edit(section, item, changes)
    elif answer == "a":
        state.accept(section, item)
    elif answer == "r":
        state.reject(section, item)
    else:
        changes = _ask_changes()
        if not changes:
            return False
        state.edit(section, item, changes)
    return True


def _decide(state: Review, target: Path, work: Callable[[], bool]) -> bool:
    """Run one decision; undo it (saying why) unless it leaves a valid file. True if it was made."""
    before = copy.deepcopy(state.data), dict(state.counts), list(state.log)
    try:
        if not work():
            return False
        state.facts(target)  # every decision leaves a valid file, or is undone
    except (InvalidInput, ValueError) as exc:
        problems = exc.problems if isinstance(exc, InvalidInput) else [str(exc)]
        for problem in problems:
            err.print(f"[red]not possible:[/red] {escape(str(problem))}", highlight=False, soft_wrap=True)
        state.data, state.counts, state.log = before
        return False
    return True


def _ask_guessed(item: dict[str, Any], guessed: list[str]) -> dict[str, Any]:
    err.print("the draft guessed these; type each (a guess is never accepted as it is):", highlight=False)
    changes: dict[str, Any] = {}
    for name in guessed:
        while True:
            value = Prompt.ask(f"  {name} (guessed: {escape(str(item.get(name, '')))})"
                               + (", YYYY-MM-DD" if name == "published" else ""), console=err, default="",
                               show_default=False).strip()
            if value:
                changes[name] = value
                break
            err.print(f"  {name} is needed", highlight=False)
    return changes


def _add(state: Review, target: Path) -> None:
    """Add an entity or a relation the draft missed: its fields, with a name or quote searched in the text."""
    what = Prompt.ask(escape("add an [e]ntity or a [r]elation? (empty: neither)"), choices=["e", "r", ""],
                      default="", console=err, show_choices=False, show_default=False)
    if not what:
        return
    section = "entities" if what == "e" else "relations"
    example = ("name=… (searched in the text) kind=Person [id=…] [aliases=[…]]" if section == "entities" else
               "subject=ID type=TYPE object=ID quote=… (searched in the text) [status=claimed asserted_by=ID]")
    err.print(f"field=value, one a line: {example}; an empty line ends", highlight=False, markup=False)
    fields = _ask_changes(hint=False)
    if not fields:
        return
    if _decide(state, target, lambda: bool(state.add(section, fields))):
        err.print(f"[green]{escape(state.log[-1])}[/green]", highlight=False, soft_wrap=True)


def _refind(state: Review, section: str, item: dict[str, Any]) -> dict[str, Any]:
    found = state.find(section, item.get("id", ""))
    return found if found is not None else item


def _ask_changes(*, hint: bool = True) -> dict[str, Any]:
    if hint:
        err.print("field=value, one a line (e.g. kind=Person, status=claimed, asserted_by=russia, id=another-id); "
                  "an empty line ends", highlight=False)
    changes: dict[str, Any] = {}
    while True:
        line = Prompt.ask("  ", console=err, default="", show_default=False).strip()
        if not line:
            return changes
        name, eq, value = line.partition("=")
        if not eq:
            err.print("  expected field=value", highlight=False)
            continue
        changes[name.strip()] = parse_value(value.strip())


def _card(state: Review, section: str, item: dict[str, Any], number: int, total: int) -> Panel:
    review = item.get("review") or {}
    names = {e["id"]: e.get("name", e["id"]) for e in state.data.get("entities") or []}
    if section == "document":
        body = "\n".join(f"{k}: {item.get(k)}" for k in ("title", "publisher", "published", "id"))
        title = "document"
    elif section == "entities":
        body = f"{item['name']}  ({item['kind']})\nid: {item['id']}"
        if item.get("aliases"):
            body += f"\naliases: {', '.join(item['aliases'])}"
        title = f"entity {item['id']}"
    else:
        subject, object_ = names.get(item["subject"], item["subject"]), names.get(item["object"], item["object"])
        body = f"{subject} —{item['type']}→ {object_}"
        body += f"\nstatus: {item['status']}"
        if item.get("asserted_by"):
            body += f" by {names.get(item['asserted_by'], item['asserted_by'])}"
        if item.get("denies"):
            body += f" (denies {item['denies']})"
        body += f"\n“{item['quote']}”"
        title = f"relation {item['id']}"
    body += f"\n\nwhy: {review.get('reason', '')}"
    if review.get("confidence") is not None:
        body += f"\nconfidence: {review['confidence']}"
    if review.get("match"):
        body += f"\ngraph match: {', '.join(review['match'])}"
    if review.get("origin"):
        body += f"\nproposed by: {' and '.join(review['origin'])}"
    return Panel(escape(body), title=f"{number}/{total}  {escape(title)}", title_align="left", expand=False)
