"""The parser's errors that a rule can see, mended before the extractor reads the parse.

Each mend is a pattern of the parser's output that is wrong in every sentence it occurs in, so
that the extractor's rules can be written for the right parse:

- **a description set off after a name, made an object.** In "searched a flat in Schaerbeek, the
  Brussels district where …" the parser makes "the Brussels district" a second object of
  "searched", where it is in apposition to "Schaerbeek"; "approved by X, then the country's top
  commander" makes "commander" a ``dep`` of "approved". An object or a ``dep`` that begins with
  "the" or "a" (after an adverb, if any) right after a comma that follows a name, with its verb
  before the name, is that name's apposition.
- **a name after its title, left unlabelled.** In "the commander Omar Farouk died" the parser
  hangs "Farouk" on "commander" as ``dep`` (a relation it could not name). A name right after a
  common noun that governs it so is in apposition to it, as "the commander, Omar Farouk," is.
- **a possessive made the head of its noun.** In "Anton Volkov, Wagner's co-founder and field
  commander," the parser makes "Wagner" the apposition, with "co-founder" hanging on it as
  ``dep``. A noun right after a name's "'s" that hangs on the name as ``dep`` is the head, and the
  name its possessor; the noun's conjuncts, which enhanced++ hung on the name too, likewise.
- **"based in" read as one preposition.** "a procurement agent based in Tehran" comes back with
  "based" as a ``case`` marker of "Tehran", so the agent is "in Tehran" (where an officer "in the
  FSB" works). The participle is put back: the noun's ``acl``, governing the place.
- **an indirect object with no direct one.** "Israel killed the Hamas leader Ismail Haniyeh"
  comes back with "leader" as ``iobj`` and no ``obj``. English has no indirect object without a
  direct one, so it is the direct object.
"""
from __future__ import annotations

from collections import defaultdict

from extract.nlp.document import Arc, Token

__all__ = ["mend"]

#: What the parser makes of a description set off after a name, besides an apposition.
_SET_OFF_LABELS = ("obj", "dep")
#: The labels by which the words of one name hang together.
_NAME_PARTS = ("compound", "flat", "flat:name")


def mend(tokens: list[Token], arcs: list[Arc], basic: list[Arc]) -> tuple[list[Arc], list[Arc]]:
    """The enhanced and basic arcs with the parser's known errors mended (see the module).

    >>> words = "Police searched a flat in Molenbeek , the Brussels district".split()
    >>> tokens = [Token(i, w, w.lower(), "NNP" if w[0].isupper() else "NN", "O", 0, 0)
    ...           for i, w in enumerate(words)]
    >>> basic = [Arc(1, 0, "nsubj"), Arc(-1, 1, "root"), Arc(3, 2, "det"), Arc(1, 3, "obj"),
    ...          Arc(5, 4, "case"), Arc(1, 5, "obl:in"), Arc(1, 6, "punct"), Arc(9, 7, "det"),
    ...          Arc(9, 8, "compound"), Arc(1, 9, "obj")]
    >>> enhanced, tree = mend(tokens, basic, basic)
    >>> [a for a in tree if a.dep == 9]
    [Arc(head=5, dep=9, label='appos')]
    """
    children: dict[int, list[int]] = defaultdict(list)
    for arc in basic:
        children[arc.head].append(arc.dep)
    moved: dict[tuple[int, int], int] = {}  # (old head, dependent) -> the name it describes
    for arc in basic:
        if arc.label not in _SET_OFF_LABELS:
            continue
        first = min(_subtree(children, arc.dep))
        name = first - 2
        article = first + 1 if tokens[first].pos == "RB" else first  # "then the country's commander"
        if (name <= arc.head or tokens[article].lemma not in ("the", "a") or article == arc.dep
                or tokens[first - 1].text != "," or not tokens[name].pos.startswith("NNP")):
            continue
        moved[(arc.head, arc.dep)] = _name_head(basic, name)
    titled = {(arc.head, arc.dep) for arc in basic
              if arc.label == "dep" and arc.head >= 0 and tokens[arc.head].pos in ("NN", "NNS")
              and tokens[arc.dep].pos.startswith("NNP") and min(_subtree(children, arc.dep)) == arc.head + 1}
    if not moved and not titled:
        arcs, basic = arcs, basic
    else:
        arcs, basic = _moved(arcs, moved, titled), _moved(basic, moved, titled)
    lone = _lone_indirect_objects(basic)
    based = _based(tokens, basic)
    return (_participles(_possessed(tokens, _direct(arcs, lone)), based),
            _participles(_possessed(tokens, _direct(basic, lone)), based))


def _based(tokens: list[Token], basic: list[Arc]) -> dict[int, int]:
    """The participles "based" that the parser made a place's ``case`` marker: participle -> place."""
    return {a.dep: a.head for a in basic if a.label == "case" and tokens[a.dep].lemma == "base"
            and tokens[a.dep].pos == "VBN" and a.head > a.dep}


def _participles(arcs: list[Arc], based: dict[int, int]) -> list[Arc]:
    if not based:
        return arcs
    places = {place: participle for participle, place in based.items()}
    out = []
    for arc in arcs:
        if arc.label == "case" and arc.dep in based:
            continue
        if arc.dep in places and arc.label.startswith("nmod") and arc.head >= 0:
            participle = places[arc.dep]
            out += [Arc(arc.head, participle, "acl"), Arc(participle, arc.dep, "obl" + arc.label[4:])]
            continue
        out.append(arc)
    return out


def _lone_indirect_objects(basic: list[Arc]) -> set[tuple[int, int]]:
    with_object = {a.head for a in basic if a.label == "obj"}
    return {(a.head, a.dep) for a in basic if a.label == "iobj" and a.head not in with_object}


def _direct(arcs: list[Arc], lone: set[tuple[int, int]]) -> list[Arc]:
    return [Arc(a.head, a.dep, "obj") if a.label == "iobj" and (a.head, a.dep) in lone else a for a in arcs]


def _possessed(tokens: list[Token], arcs: list[Arc]) -> list[Arc]:
    """Each ``dep`` of a name that follows the name's "'s" becomes the head the name possesses."""
    owners = {a.head for a in arcs if a.label == "case" and tokens[a.dep].text in ("'s", "’s", "'", "’")
              and a.dep == a.head + 1}
    owned = {(a.head, a.dep) for a in arcs if a.label == "dep" and a.head in owners and a.dep > a.head + 1
             and tokens[a.head].pos.startswith("NNP") and tokens[a.dep].pos in ("NN", "NNS")}
    if not owned:
        return arcs
    out = [a for a in arcs if (a.head, a.dep) not in owned
           and not (a.dep in {head for head, _ in owned} and a.label != "case")]
    for owner, noun in owned:
        out.append(Arc(noun, owner, "nmod:poss"))
        out.extend(Arc(a.head, noun, a.label) for a in arcs if a.dep == owner and a.label != "case")
    return out


def _moved(arcs: list[Arc], moved: dict[tuple[int, int], int], titled: set[tuple[int, int]]) -> list[Arc]:
    out = [Arc(a.head, a.dep, "appos") if a.label == "dep" and (a.head, a.dep) in titled else a
           for a in arcs if not (a.label in _SET_OFF_LABELS and (a.head, a.dep) in moved)]
    return out + [Arc(name, dep, "appos") for (_, dep), name in moved.items()]


def _subtree(children: dict[int, list[int]], top: int) -> set[int]:
    seen, stack = {top}, [top]
    while stack:
        for child in children.get(stack.pop(), ()):
            if child not in seen:
                seen.add(child)
                stack.append(child)
    return seen


def _name_head(basic: list[Arc], word: int) -> int:
    """The head of the name ``word`` ends ("France" in "Stade de France" hangs on "Stade")."""
    heads = {a.dep: a for a in basic}
    while word in heads and heads[word].label in _NAME_PARTS and heads[word].head >= 0:
        word = heads[word].head
    return word
