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
- **a gerund after a preposition, taken for an adjective.** "France joined Britain in blaming
  Russia" and "helped Sweden by sharing intelligence" come back with "blaming" an ``amod`` of
  "Russia" and "Russia" the verb's ``obl:in``. A gerund that qualifies so the noun whose
  preposition stands right before it is the clause the preposition brings (``advcl``, the
  preposition its ``case`` as the parser gives it when it reads such a clause right), and the
  noun its object.
- **an organisation's name set off after an "of" phrase, given to the head.** "eleven officers of
  Russia's military intelligence service, the GRU," comes back with "the GRU" in apposition to
  "officers". An organisation's name (tagged so) describes no people: in apposition to a word that
  is no organisation, right after the comma that ends that word's "of" phrase, it describes the
  noun of that phrase. (A person's name keeps its head: "the head of the FSB, Alexander Bortnikov".)
- **a person's name set off after a role's phrase, given to the phrase's body.** "A spokeswoman
  for the Federal Prosecutor's Office, Ines Peterson, said" comes back with "Ines Peterson" in
  apposition to "Office". A person's name describes no body: in apposition to a word that is no
  person, whose phrase hangs on a role noun (tagged a title: spokeswoman, head, lawyer), it is
  the role's holder.
- **an adjective after a verb's object, taken for the object's own.** "held Ukraine responsible
  for the attack" comes back with "responsible" an ``amod`` of "Ukraine". An adjective after the
  noun it qualifies, that noun the object of a verb, says what the verb makes or finds the
  object: it is the verb's ``xcomp``, as in "found him guilty".
- **a date at the head of a sentence, taken for the subject's number.** "In 2020 Hashem Abedi was
  convicted …" and "In 2017 Estonia and Latvia attributed …" come back with the year a ``nummod``
  of the name and the name the verb's ``obl:in``, so the verb has no subject. A name so governed
  by a verb that has none, right after a preposition and a date, is that verb's subject, and the
  date the verb's.
- **a participle at the end, taken for the object's.** "A suicide attack destroyed the embassy,
  killing 29 people" comes back with "killing" an ``acl`` of "embassy", so the embassy killed
  them. A participle in -ing after a comma that ends its verb's object, its clause running to the
  end of the sentence, says what the verb's clause did: it is the verb's ``advcl``.
- **a quantifier taken for a relative clause's subject.** "the United States and Britain, which
  both deny involvement" comes back with "both" the subject of "deny" and the antecedents its
  objects (enhanced++ gives the relative pronoun's role to them). "both", "all" or "each" as the
  subject of a relative clause only counts the antecedents: they are the subject (the pronoun in
  the tree), and the quantifier an ``advmod``.
- **a speaker at the end, taken for an apposition.** "Petrov is an officer of the GRU, the FSB
  said" comes back with "the FSB" in apposition to "the GRU" and the whole clause the subject of
  "said". A clause (a word with a copula, or a verb) as the subject of a verb, with an apposition
  right before that verb after a comma, is what the verb's subject says: the apposition is the
  subject, the clause its complement.
- **a clause's subject taken for the verb's object.** "Soylu said the Kurdistan Workers Party
  (PKK) was responsible for the bombing" comes back with "Party" the object of "said" and
  "responsible" its ``xcomp``, as if he had said the party. A complement with a finite copula
  ("was", "is") is a clause of its own, never an ``xcomp``: the object before it is its subject,
  and it is the verb's ``ccomp``.
- **a result taken for the object's adjective.** "Coulibaly shot dead Clarissa Jean-Philippe"
  comes back with "dead" an ``amod`` of the name. A resultative ("dead") right after its verb,
  hung on the verb's object, says what the verb made of it: the verb's ``xcomp``.
- **a participle after its noun taken for a clausal subject.** "A commission led by William Young
  will report" comes back with "led" the ``csubj`` of "report" and "commission" its subject.
  A past participle with no auxiliary so placed modifies the noun before it (``acl``), and that
  noun is the subject of the verb.
- **the one blamed taken for what the thing blamed is on.** "Russia blamed the attack on Ukraine"
  comes back with "on Ukraine" hung on "attack", an attack on Ukraine. After "blame" (or "pin")
  and its object, "on" names who is blamed: the verb's ``obl:on``.
- **a participle with its agent after a noun, taken for a clause of its own.** "the first
  attacks in Iran claimed by the Islamic State group" comes back with "claimed" a ``parataxis``
  whose subject is "attacks", as if the attacks had claimed something. A past participle with no
  auxiliary, a "by" phrase and the noun right before it as its subject modifies that noun
  (``acl``), which takes the participle's place.
- **an object two verbs share, given to the first alone.** "Yamagami shot and killed Abe" comes
  back with "Abe" the object of "shot" only, so nothing was killed. An object after two verbs
  joined by "and", the second with none of its own, is the second's too (in enhanced++, which
  shares a subject so already).
- **a noun taken for a verb before the noun it modifies.** "killed in a US drone strike" and "A
  US drone strike killed him" come back with "drone" a verb (VB), "US" its subject and "strike"
  its object, the phrase torn apart. A base-form verb with no auxiliary, hanging unlabelled
  (``dep``) or as the root, whose object is the very next word and whose subject (if any) the
  word before it, is a noun inside one noun phrase: the last noun is its head, in the place the
  first had (or, at the root, the subject of the verb that the parser made its ``acl``); the
  others are its compounds. Its tag is mended too (``NN``; ``VBD`` for that verb), as it is
  where the parser made the word an adjective of the next ("a drone strike").
- **a noun before its infinitive, taken for the infinitive's subject.** "The plot to kill
  Gurpatwant Singh Pannun was disrupted by the FBI" comes back with "plot" the subject of "kill"
  and "kill" the clausal subject of "disrupted", so nothing was disrupted and the plot killed. An
  infinitive with "to" (and no "for") that is a clausal subject and has a noun before it as its
  subject is that noun's clause (``acl``), and the noun the subject of the verb.
- **a verb tagged a noun.** "The United States and the European Union already list Hamas as a
  terrorist organisation" comes back with "list" tagged a noun (NN), though the parser made it the
  clause's head with a subject and an object. A common noun (not a name) with both is a verb: its
  tag is mended (``VBP``; ``VBZ`` for "lists").
- **a name taken for the head of the noun phrase it modifies.** "was killed in a U.S. drone strike
  on his convoy" comes back with "U.S." the verb's ``obl:in`` and "strike" an unlabelled ``dep``
  of it, so nothing was killed in a strike. A name with an article before it whose ``dep`` is a
  noun after it (with only that noun's compounds between) is that noun's compound: the noun takes
  the name's place, with the article and the preposition.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable

from extract.nlp.document import Arc, Sentence, Token

__all__ = ["mend"]

#: What the parser makes of a description set off after a name, besides an apposition.
_SET_OFF_LABELS = ("obj", "dep")
#: The labels by which the words of one name hang together.
_NAME_PARTS = ("compound", "flat", "flat:name")

Arcs = tuple[list[Arc], list[Arc]]  # (enhanced++, basic)


def mend(tokens: list[Token], arcs: list[Arc], basic: list[Arc]) -> tuple[list[Token], list[Arc], list[Arc]]:
    """The tokens, enhanced and basic arcs with the parser's known errors mended (see the module),
    each mend in turn on what the one before left.

    >>> words = "Police searched a flat in Molenbeek , the Brussels district".split()
    >>> tokens = [Token(i, w, w.lower(), "NNP" if w[0].isupper() else "NN", "O", 0, 0)
    ...           for i, w in enumerate(words)]
    >>> basic = [Arc(1, 0, "nsubj"), Arc(-1, 1, "root"), Arc(3, 2, "det"), Arc(1, 3, "obj"),
    ...          Arc(5, 4, "case"), Arc(1, 5, "obl:in"), Arc(1, 6, "punct"), Arc(9, 7, "det"),
    ...          Arc(9, 8, "compound"), Arc(1, 9, "obj")]
    >>> tokens, enhanced, tree = mend(tokens, basic, basic)
    >>> [a for a in tree if a.dep == 9]
    [Arc(head=5, dep=9, label='appos')]
    """
    mends: tuple[Callable[[list[Token], list[Arc], list[Arc]], Arcs], ...] = (
        _set_off_descriptions, _titled_names, _lone_indirect_objects, _possessives, _based_participles,
        _trailing_speakers, _gerunds_taken_for_adjectives, _organisations_after_of,
        _people_after_a_role, _predicative_adjectives, _dated_subjects, _final_participles,
        _floating_quantifiers, _finite_complements, _resultatives, _participial_subjects, _blamed_on,
        _shared_objects, _reduced_relatives, _infinitives_taken_for_subjects, _names_taken_for_heads)
    tokens, arcs, basic = _nouns_taken_for_verbs(tokens, arcs, basic)
    tokens = _verbs_taken_for_nouns(tokens, basic)
    for step in mends:
        arcs, basic = step(tokens, arcs, basic)
    return tokens, arcs, basic


#: Dependents of a verb that only a verb has: it really is one ("will drone on", "to drone").
_VERBAL = ("aux", "aux:pass", "mark", "cop", "expl")
#: Dependents of the first noun that go with the phrase to its new head ("a", "in", "deadly").
_PHRASE_PARTS = ("det", "case", "amod", "nummod", "nmod:poss")


def _nouns_taken_for_verbs(tokens: list[Token], arcs: list[Arc],
                           basic: list[Arc]) -> tuple[list[Token], list[Arc], list[Arc]]:
    for verb, token in enumerate(tokens):
        noun = verb + 1
        if token.pos != "VB" or noun >= len(tokens) or tokens[noun].pos not in ("NN", "NNS"):
            continue
        head = next((a for a in basic if a.dep == verb), None)
        if head is not None and head.label == "amod" and head.head == noun:  # "a drone strike": only the tag
            arcs, basic = (_relabelled(graph, {head: Arc(noun, verb, "compound")}) for graph in (arcs, basic))
            tokens = [dataclasses.replace(t, pos="NN") if t.i == verb else t for t in tokens]
            continue
        deps = [a for a in basic if a.head == verb]
        subjects = [a.dep for a in deps if a.label.startswith("nsubj")]
        if (head is None or head.label not in ("dep", "root", "ROOT") or any(a.label in _VERBAL for a in deps)
                or Arc(verb, noun, "obj") not in basic or any(s != verb - 1 for s in subjects)):
            continue
        first = verb - 1 if verb and tokens[verb - 1].pos.startswith(("NN", "JJ")) else None
        if head.label == "dep":
            first_head = next((a for a in basic if a.dep == first), None) if first is not None else None
            if first is None or first_head is None or first_head.head != head.head or first in subjects:
                continue
            place = {first: noun}  # the last noun hangs where the first did
            clause = None
        else:
            clause = next((a.dep for a in basic if a.head == noun and a.label == "acl" and tokens[a.dep].verb
                           and a.dep > noun), None)
            if clause is None:
                continue
            place = {}
        arcs = _noun_phrase(arcs, tokens, verb, noun, first, place, clause)
        basic = _noun_phrase(basic, tokens, verb, noun, first, place, clause)
        tokens = [dataclasses.replace(t, pos="NN") if t.i == verb else
                  dataclasses.replace(t, pos="VBD") if t.i == clause and t.pos == "VBN" else t for t in tokens]
    return tokens, arcs, basic


def _verbs_taken_for_nouns(tokens: list[Token], basic: list[Arc]) -> list[Token]:
    heads = {label: {a.head for a in basic if a.label == label} for label in ("nsubj", "obj")}
    verbs = {i for i in heads["nsubj"] & heads["obj"] if i >= 0 and tokens[i].pos in ("NN", "NNS")}
    return [dataclasses.replace(t, pos="VBZ" if t.pos == "NNS" else "VBP") if t.i in verbs else t for t in tokens]


def _noun_phrase(arcs: list[Arc], tokens: list[Token], verb: int, noun: int, first: int | None,
                 place: dict[int, int], clause: int | None) -> list[Arc]:
    """``arcs`` with the words ``first`` (if any), ``verb`` and ``noun`` made one noun phrase
    headed by ``noun``: see :func:`_nouns_taken_for_verbs`."""
    out = []
    for arc in arcs:
        if arc.dep == verb:  # its own arc: a compound of the head (the root arc goes to the clause)
            out.append(Arc(noun, verb, "compound"))
            if clause is not None:
                out.append(Arc(arc.head, clause, arc.label))
        elif arc.head == verb and arc.dep == noun:
            if clause is not None:
                out.append(Arc(clause, noun, "nsubj"))
        elif arc.dep == first and arc.head == verb:  # the verb's subject
            out.append(Arc(noun, first, "compound"))
        elif arc.dep in place:  # the first noun's place, taken by the head; the first its compound
            out.append(Arc(arc.head, place[arc.dep], arc.label))
            out.append(Arc(noun, arc.dep, "compound"))
        elif arc.head == first and arc.dep < first and arc.label.partition(":")[0] in _PHRASE_PARTS + ("nmod",):
            out.append(Arc(noun, arc.dep, arc.label))
        elif arc.head == verb:  # "in January 2020", a full stop: the noun's (at the root, the clause's)
            label = arc.label.replace("obl", "nmod", 1) if clause is None else arc.label
            out.append(Arc(clause if clause is not None else noun, arc.dep, label))
        elif arc.head == noun and arc.dep == clause:
            continue  # the acl that was the sentence's verb
        else:
            out.append(arc)
    return list(dict.fromkeys(out))


def _relabelled(arcs: list[Arc], changed: dict[Arc, Arc]) -> list[Arc]:
    """``arcs`` with each arc of ``changed`` replaced by its mended one (in either graph: an arc
    of the tree is in enhanced++ too, unless enhanced++ refined its label)."""
    return [changed.get(a, a) for a in arcs]


def _set_off_descriptions(tokens: list[Token], arcs: list[Arc], basic: list[Arc]) -> Arcs:
    tree = Sentence(0, tokens, basic, basic, [])
    changed: dict[Arc, Arc] = {}
    for arc in basic:
        if arc.label not in _SET_OFF_LABELS:
            continue
        first = tree.subtree(arc.dep).start
        name = first - 2
        article = first + 1 if tokens[first].pos == "RB" else first  # "then the country's commander"
        if (name <= arc.head or tokens[article].lemma not in ("the", "a") or article == arc.dep
                or tokens[first - 1].text != "," or not tokens[name].pos.startswith("NNP")):
            continue
        changed[arc] = Arc(_name_head(basic, name), arc.dep, "appos")
    return _relabelled(arcs, changed), _relabelled(basic, changed)


def _titled_names(tokens: list[Token], arcs: list[Arc], basic: list[Arc]) -> Arcs:
    tree = Sentence(0, tokens, basic, basic, [])
    changed = {a: Arc(a.head, a.dep, "appos") for a in basic
               if a.label == "dep" and a.head >= 0 and tokens[a.head].pos in ("NN", "NNS")
               and tokens[a.dep].pos.startswith("NNP") and tree.subtree(a.dep).start == a.head + 1}
    return _relabelled(arcs, changed), _relabelled(basic, changed)


def _lone_indirect_objects(tokens: list[Token], arcs: list[Arc], basic: list[Arc]) -> Arcs:
    with_object = {a.head for a in basic if a.label == "obj"}
    changed = {a: Arc(a.head, a.dep, "obj") for a in basic
               if a.label == "iobj" and a.head not in with_object}
    return _relabelled(arcs, changed), _relabelled(basic, changed)


def _possessives(tokens: list[Token], arcs: list[Arc], basic: list[Arc]) -> Arcs:
    return _possessed(tokens, arcs), _possessed(tokens, basic)


def _possessed(tokens: list[Token], arcs: list[Arc]) -> list[Arc]:
    """Each ``dep`` of a name that follows the name's "'s" becomes the head the name possesses
    (read in each graph: enhanced++ hangs the noun's conjuncts on the name too)."""
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


def _based_participles(tokens: list[Token], arcs: list[Arc], basic: list[Arc]) -> Arcs:
    based = {a.dep: a.head for a in basic if a.label == "case" and tokens[a.dep].lemma == "base"
             and tokens[a.dep].pos == "VBN" and a.head > a.dep}  # participle -> place
    return _participles(arcs, based), _participles(basic, based)


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


def _trailing_speakers(tokens: list[Token], arcs: list[Arc], basic: list[Arc]) -> Arcs:
    tree = Sentence(0, tokens, basic, basic, [])
    changed: dict[Arc, Arc] = {}
    for said in (a for a in basic if a.label == "nsubj" and a.dep < a.head and tokens[a.head].verb):
        clause = said.dep
        if not (tokens[clause].verb or tree.children(clause, "cop")):
            continue
        speaker = next((a for a in basic if a.label == "appos" and clause < a.dep < said.head
                        and tree.subtree(a.dep).stop == said.head
                        and tokens[tree.subtree(a.dep).start - 1].text == ","), None)
        if speaker is not None:
            changed[speaker] = Arc(said.head, speaker.dep, "nsubj")
            changed[said] = Arc(said.head, clause, "ccomp")
    return _relabelled(arcs, changed), _relabelled(basic, changed)


def _gerunds_taken_for_adjectives(tokens: list[Token], arcs: list[Arc], basic: list[Arc]) -> Arcs:
    gerunds = {a.head: a.dep for a in basic if a.label == "amod" and tokens[a.dep].pos == "VBG"
               and any(c.head == a.head and c.dep == a.dep - 1 and c.label == "case" and tokens[c.dep].pos == "IN"
                       for c in basic)}  # noun -> gerund
    return _clauses(arcs, gerunds), _clauses(basic, gerunds)


def _clauses(arcs: list[Arc], gerunds: dict[int, int]) -> list[Arc]:
    """Each noun of ``gerunds`` the object of its gerund, the gerund in the noun's place."""
    if not gerunds:
        return arcs
    out = []
    for arc in arcs:
        if arc.head in gerunds and arc.dep in (gerunds[arc.head], gerunds[arc.head] - 1):
            gerund = gerunds[arc.head]
            out.append(Arc(gerund, arc.head, "obj") if arc.dep == gerund else Arc(gerund, arc.dep, "case"))
        elif arc.dep in gerunds and arc.label.startswith(("obl", "nmod")):
            preposition = arc.label.partition(":")[2]
            out.append(Arc(arc.head, gerunds[arc.dep], "advcl" + (":" + preposition if preposition else "")))
        else:
            out.append(arc)
    return out


def _organisations_after_of(tokens: list[Token], arcs: list[Arc], basic: list[Arc]) -> Arcs:
    tree = Sentence(0, tokens, basic, basic, [])
    changed: dict[Arc, Arc] = {}
    for arc in basic:
        if arc.label != "appos" or tokens[arc.dep].ner != "ORGANIZATION" or tokens[arc.head].ner == "ORGANIZATION":
            continue
        comma = tree.subtree(arc.dep).start - 1
        if tokens[comma].text != ",":
            continue
        nearer = next((n for n in tree.children(arc.head, "nmod") if tree.subtree(n).stop == comma
                       and tokens[n].noun and any(tokens[c].lemma == "of" for c in tree.children(n, "case"))), None)
        if nearer is not None:
            changed[arc] = Arc(nearer, arc.dep, "appos")
    return _relabelled(arcs, changed), _relabelled(basic, changed)


def _people_after_a_role(tokens: list[Token], arcs: list[Arc], basic: list[Arc]) -> Arcs:
    changed: dict[Arc, Arc] = {}
    for arc in basic:
        if arc.label != "appos" or tokens[arc.dep].ner != "PERSON" or tokens[arc.head].ner in ("PERSON", "TITLE"):
            continue
        role = next((a.head for a in basic if a.dep == arc.head and a.label.startswith("nmod") and a.head >= 0
                     and tokens[a.head].ner == "TITLE" and tokens[a.head].noun), None)
        if role is not None:
            changed[arc] = Arc(role, arc.dep, "appos")
    return _relabelled(arcs, changed), _relabelled(basic, changed)


def _predicative_adjectives(tokens: list[Token], arcs: list[Arc], basic: list[Arc]) -> Arcs:
    objects = {a.dep: a.head for a in basic if a.label == "obj" and a.head >= 0 and tokens[a.head].verb}
    changed = {arc: Arc(objects[arc.head], arc.dep, "xcomp") for arc in basic
               if arc.label == "amod" and arc.head in objects and arc.dep > arc.head and tokens[arc.dep].pos == "JJ"}
    return _relabelled(arcs, changed), _relabelled(basic, changed)


def _dated_subjects(tokens: list[Token], arcs: list[Arc], basic: list[Arc]) -> Arcs:
    tree = Sentence(0, tokens, basic, basic, [])
    found: dict[int, tuple[int, int, int, str]] = {}  # name -> (verb, date, preposition, subject label)
    for arc in basic:
        name, verb = arc.dep, arc.head
        if arc.label != "obl" or verb < 0 or not tokens[verb].verb or not tokens[name].pos.startswith("NNP") \
                or tree.children(verb, "nsubj") or tree.children(verb, "csubj"):
            continue
        first = tree.subtree(name).start
        date = first + 1
        if not (date < name and tokens[first].pos == "IN" and tokens[date].ner == "DATE"
                and Arc(name, date, "nummod") in basic and Arc(name, first, "case") in basic):
            continue
        passive = any(a.head == verb and a.label == "aux:pass" for a in basic)
        found[name] = (verb, date, first, "nsubj:pass" if passive else "nsubj")
    if not found:
        return arcs, basic
    return _dated(arcs, found, tokens, enhanced=True), _dated(basic, found, tokens, enhanced=False)


def _dated(arcs: list[Arc], found: dict[int, tuple[int, int, int, str]], tokens: list[Token], *,
           enhanced: bool) -> list[Arc]:
    """The names of ``found`` (and, in enhanced++, their conjuncts) their verb's subjects, each
    date the verb's, with the preposition."""
    conjuncts = {a.dep: a.head for a in arcs if enhanced and a.label.startswith("conj") and a.head in found}
    out = []
    for arc in arcs:
        owner = arc.dep if arc.dep in found else conjuncts.get(arc.dep)
        if owner is not None and arc.head == found[owner][0] and arc.label.startswith("obl"):
            out.append(Arc(arc.head, arc.dep, found[owner][3]))
        elif arc.head in found and arc.dep in found[arc.head][1:3]:
            verb, date, preposition, _ = found[arc.head]
            if arc.dep == date:
                out.append(Arc(verb, date, "obl:" + tokens[preposition].lemma if enhanced else "obl"))
            else:
                out.append(Arc(date, preposition, "case"))
        else:
            out.append(arc)
    return out


def _final_participles(tokens: list[Token], arcs: list[Arc], basic: list[Arc]) -> Arcs:
    tree = Sentence(0, tokens, basic, basic, [])
    verbs = {a.dep: a.head for a in basic if a.label == "obj" and a.head >= 0 and tokens[a.head].verb}  # object -> verb
    last = len(tokens) - 1 if tokens and tokens[-1].pos == "." else len(tokens)
    changed = {a: Arc(verbs[a.head], a.dep, "advcl") for a in basic
               if a.label == "acl" and a.head in verbs and tokens[a.dep].pos == "VBG" and a.dep > a.head
               and tokens[tree.subtree(a.dep).start - 1].text == "," and tree.subtree(a.dep).stop == last}
    return _relabelled(arcs, changed), _relabelled(basic, changed)


#: Quantifiers that float after the subject they count: "which both deny it", "who all denied it".
_FLOATING_QUANTIFIERS = frozenset({"both", "all", "each"})


def _floating_quantifiers(tokens: list[Token], arcs: list[Arc], basic: list[Arc]) -> Arcs:
    changed_enhanced: dict[Arc, Arc] = {}
    changed_basic: dict[Arc, Arc] = {}
    for arc in arcs:
        if arc.label != "nsubj" or tokens[arc.dep].lemma not in _FLOATING_QUANTIFIERS:
            continue
        verb = arc.head
        antecedent = next((a.head for a in arcs if a.label == "acl:relcl" and a.dep == verb and a.head >= 0), None)
        pronoun = next((a.dep for a in arcs if a.label == "ref" and a.head == antecedent), None)
        if antecedent is None or pronoun is None:
            continue
        changed_enhanced[arc] = Arc(verb, arc.dep, "advmod")
        changed_enhanced.update({a: Arc(verb, a.dep, "nsubj") for a in arcs if a.head == verb and a.label == "obj"
                                 and a.dep < pronoun})  # the antecedents given the pronoun's role
        changed_basic.update({a: Arc(verb, a.dep, "advmod" if a.dep == arc.dep else "nsubj") for a in basic
                              if a.head == verb and (a.dep == arc.dep or a.dep == pronoun)})
    return _relabelled(arcs, changed_enhanced), _relabelled(basic, changed_basic)


#: A copula's tags that make its clause finite ("was responsible", not "to be responsible").
_FINITE = ("VBD", "VBZ", "VBP")


def _finite_complements(tokens: list[Token], arcs: list[Arc], basic: list[Arc]) -> Arcs:
    changed: dict[Arc, Arc] = {}
    dropped: set[Arc] = set()
    for arc in basic:
        if arc.label != "xcomp" or arc.head < 0 or not any(
                a.head == arc.dep and a.label == "cop" and tokens[a.dep].pos in _FINITE for a in basic):
            continue
        subject = next((a for a in basic if a.head == arc.head and a.label == "obj" and a.dep < arc.dep), None)
        if subject is None or any(a.head == arc.dep and a.label.startswith("nsubj") for a in basic):
            continue
        changed[arc] = Arc(arc.head, arc.dep, "ccomp")
        changed[subject] = Arc(arc.dep, subject.dep, "nsubj")
        dropped |= {a for a in arcs if a.head == arc.dep and a.dep == subject.dep and a.label == "nsubj:xsubj"}
    return [a for a in _relabelled(arcs, changed) if a not in dropped], _relabelled(basic, changed)


#: Adjectives that say what a verb made of its object ("shot dead X").
_RESULTS = frozenset({"dead"})


def _resultatives(tokens: list[Token], arcs: list[Arc], basic: list[Arc]) -> Arcs:
    objects = {a.dep: a.head for a in basic if a.label == "obj" and a.head >= 0 and tokens[a.head].verb}
    tree = Sentence(0, tokens, basic, basic, [])
    changed = {a: Arc(objects[a.head], a.dep, "xcomp") for a in basic
               if a.label == "amod" and a.head in objects and tokens[a.dep].lemma in _RESULTS
               and a.dep == objects[a.head] + 1 and tree.subtree(a.head).start == a.dep}
    return _relabelled(arcs, changed), _relabelled(basic, changed)


def _participial_subjects(tokens: list[Token], arcs: list[Arc], basic: list[Arc]) -> Arcs:
    changed: dict[Arc, Arc] = {}
    for arc in basic:
        if arc.label != "csubj" or tokens[arc.dep].pos != "VBN" or any(
                a.head == arc.dep and a.label.startswith("aux") for a in basic):
            continue
        noun = next((a for a in basic if a.head == arc.dep and a.label == "nsubj" and a.dep < arc.dep
                     and tokens[a.dep].noun), None)
        if noun is not None:
            changed[arc] = Arc(noun.dep, arc.dep, "acl")
            changed[noun] = Arc(arc.head, noun.dep, "nsubj")
    return _relabelled(arcs, changed), _relabelled(basic, changed)


#: Verbs whose object's "on" phrase is theirs: "blamed the attack on X", "pinned the bombing on X".
_BLAMING = frozenset({"blame", "pin"})


def _blamed_on(tokens: list[Token], arcs: list[Arc], basic: list[Arc]) -> Arcs:
    objects = {a.dep: a.head for a in basic if a.label == "obj" and a.head >= 0 and tokens[a.head].lemma in _BLAMING}
    changed_enhanced = {a: Arc(objects[a.head], a.dep, "obl:on") for a in arcs
                        if a.label == "nmod:on" and a.head in objects}
    changed_basic = {a: Arc(objects[a.head], a.dep, "obl") for a in basic if a.label == "nmod" and a.head in objects
                     and any(c.head == a.dep and c.label == "case" and tokens[c.dep].lemma == "on" for c in basic)}
    return _relabelled(arcs, changed_enhanced), _relabelled(basic, changed_basic)


def _reduced_relatives(tokens: list[Token], arcs: list[Arc], basic: list[Arc]) -> Arcs:
    tree = Sentence(0, tokens, basic, basic, [])
    changed: dict[Arc, Arc] = {}
    for arc in basic:
        participle = arc.dep
        if arc.label not in ("parataxis", "dep") or tokens[participle].pos != "VBN" or any(
                a.head == participle and a.label.startswith(("aux", "cop")) for a in basic):
            continue
        noun = next((a for a in basic if a.head == participle and a.label == "nsubj" and tokens[a.dep].noun
                     and tree.subtree(a.dep).stop == participle), None)
        by = any(a.head == participle and a.label.startswith("obl") and any(
            c.head == a.dep and c.label == "case" and tokens[c.dep].lemma == "by" for c in basic) for a in basic)
        if noun is not None and by:
            changed[arc] = Arc(arc.head, noun.dep, arc.label)
            changed[noun] = Arc(noun.dep, participle, "acl")
    return _relabelled(arcs, changed), _relabelled(basic, changed)


def _infinitives_taken_for_subjects(tokens: list[Token], arcs: list[Arc], basic: list[Arc]) -> Arcs:
    changed: dict[Arc, Arc] = {}
    controlled: list[Arc] = []  # in enhanced++, the noun stays the infinitive's (controlled) subject
    for arc in basic:
        verb = arc.dep
        if not arc.label.startswith("csubj") or arc.head < 0 \
                or [tokens[a.dep].lemma for a in basic if a.head == verb and a.label == "mark"] != ["to"]:
            continue
        noun = next((a for a in basic if a.head == verb and a.label == "nsubj" and a.dep < verb
                     and tokens[a.dep].noun), None)
        if noun is not None:
            changed[arc] = Arc(noun.dep, verb, "acl")
            changed[noun] = Arc(arc.head, noun.dep, "nsubj:pass" if arc.label == "csubj:pass" else "nsubj")
            controlled.append(Arc(verb, noun.dep, "nsubj:xsubj"))
    return _relabelled(arcs, changed) + controlled, _relabelled(basic, changed)


def _names_taken_for_heads(tokens: list[Token], arcs: list[Arc], basic: list[Arc]) -> Arcs:
    taken = [(a.head, a.dep) for a in basic
             if a.label == "dep" and 0 <= a.head < a.dep and tokens[a.head].pos.startswith("NNP")
             and tokens[a.dep].pos in ("NN", "NNS")
             and any(d.head == a.head and d.label == "det" and d.dep < a.head for d in basic)
             and all(Arc(a.dep, k, "compound") in basic for k in range(a.head + 1, a.dep))]
    for name, noun in taken:
        arcs, basic = _name_as_compound(arcs, name, noun), _name_as_compound(basic, name, noun)
    return arcs, basic


def _name_as_compound(arcs: list[Arc], name: int, noun: int) -> list[Arc]:
    """``arcs`` with ``noun`` in the place of ``name``, and ``name`` its compound: see
    :func:`_names_taken_for_heads`."""
    out = []
    for arc in arcs:
        if arc.dep == name:
            out.append(Arc(arc.head, noun, arc.label))
        elif arc.head == name and arc.dep == noun:
            out.append(Arc(noun, name, "compound"))
        elif arc.head == name and arc.dep < name and arc.label.partition(":")[0] in ("det", "case"):
            out.append(Arc(noun, arc.dep, arc.label))
        else:
            out.append(arc)
    return list(dict.fromkeys(out))


def _shared_objects(tokens: list[Token], arcs: list[Arc], basic: list[Arc]) -> Arcs:
    added = [Arc(conj.dep, obj.dep, "obj") for conj in arcs if conj.label.startswith("conj") and conj.head >= 0
             and tokens[conj.head].verb and tokens[conj.dep].verb and conj.head < conj.dep
             for obj in arcs if obj.head == conj.head and obj.label == "obj" and obj.dep > conj.dep
             if not any(a.head == conj.dep and a.label in ("obj", "ccomp", "xcomp") for a in arcs)]
    return arcs + [a for a in added if a not in arcs], basic


def _name_head(basic: list[Arc], word: int) -> int:
    """The head of the name ``word`` ends ("France" in "Stade de France" hangs on "Stade")."""
    heads = {a.dep: a for a in basic}
    while word in heads and heads[word].label in _NAME_PARTS and heads[word].head >= 0:
        word = heads[word].head
    return word
