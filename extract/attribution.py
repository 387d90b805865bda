"""Who asserts each candidate, and whether it is reported, claimed or denied.

Read from the dependency parse, in this order:

- **Reported speech.** A candidate whose predicate sits inside what a party says (a clausal
  complement or a parenthetical of a reporting verb such as "said", "claimed", "told",
  "concluded") is *claimed* by that verb's subject; "according to X" makes it claimed by X, even
  when the sentence names the outlet that relays it ("According to Reuters, officials concluded
  that …" is asserted by the officials).
- **Naming.** "X named Y as the organiser of Z": what the "as" phrase says is claimed by X.
- **Accusations.** "X accused Y of V-ing Z": the accusation itself is reported; what V says is
  claimed by X, with Y as its subject when V has none of its own.
- **Parentheticals and reporting nouns.** "Ukraine, the FSB alleged, organised it" and "the FSB's
  claim that Ukraine organised it" are claimed by the FSB as "the FSB said that …" is.
- **Hedges.** "allegedly", "reportedly", a passive "is believed" or "was accused" with no agent:
  claimed by the last party that spoke in the two sentences before, when the sentence names none.
- **What nobody asserts.** A question, a condition ("if Ukraine had organised it"), an open
  question ("it is unclear whether …") or the want of evidence ("no evidence that …") asserts
  nothing below it: no relation. A guess ("Ukraine may have organised it") is a claim when a
  party says it, and no relation when only the text does.
- **Denials.** Inside a denial ("X denied that …", "X rejected the accusation", "X denied any
  involvement in …") the candidate is *denied* by X and ``denies`` the most recent claim of the
  same fact, or else the most recent claim about X. A denial that answers no claim is not kept:
  the facts format needs the claim it denies.
- **Blame.** A party claiming that another carried out, prepared, assisted, supported or killed
  also accuses it; that accusation is proposed as well, as the ontology models it.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from extract.entities import NOT_ORGANISATIONS, Recognition, acted_for
from extract.nlp.document import Annotated, Sentence, Token
from extract.predicates import Predicates
from extract.relations import Candidate, accusing_verbs, sides_of
from graph.ontology import get_ontology

__all__ = ["attribute"]

# Arcs through which a clause belongs to what the word above it says or denies.
_CLAUSE_LABELS = ("ccomp", "parataxis", "xcomp", "advcl", "acl", "csubj", "obj", "conj", "dep", "obl")
# A subject belongs to the clause of a word that only says it is: "said that there was Ukrainian
# involvement" ("there" the expletive of "was"), "said that Ukrainian involvement was clear"
# ("was" the copula of "clear"); the subject of any other verb is who acts, not what is said.
_BEING = ("expl", "cop")
_MAX_DEPTH = 6
# Arcs that say what an accusation is about ("blamed X for Y", "accused X of V-ing").
_GROUNDS = ("obl:for", "obl:of", "obl:over", "advcl", "obl:in")
# Named-entity classes of a time expression, which is no ground of an accusation
_TIMES = ("DATE", "TIME", "DURATION", "SET")


def attribute(doc: Annotated, recognition: Recognition, candidates: list[Candidate],
              predicates: Predicates) -> list[Candidate]:
    """Set status and ``asserted_by`` on each candidate; add denials' links and blame; drop what cannot stand."""
    out: list[Candidate] = []
    speakers: list[tuple[int, str]] = []  # (sentence, proposal) of each party that spoke
    unanswered: list[Candidate] = []  # denials whose claim is not found yet
    for candidate in candidates:
        sentence = doc.sentences[candidate.sentence]
        speaker = _frame(sentence, recognition, predicates, candidate)
        if speaker is _UNASSERTED:
            continue  # a question, a condition, a guess nobody makes: not a relation
        if candidate.by_name:  # "X said the Russian embassy …": the embassy is Russia's by its name, not by X's word
            if not candidate.negated:  # "no Russian troops": none to be Russia's
                out.append(candidate)
            continue
        hedged = speaker is _HEDGED
        if hedged:
            speaker = None
        if candidate.negated and (speaker is None or speaker[0] != "said"):
            continue  # "did not attack", said by nobody: not a relation
        if speaker is not None:
            kind, party, subject_for = speaker
            if subject_for is not None and candidate.subject == party:
                continue  # "X accused Y of ...": X is not the subject of what it says Y did
            if kind == "said" and candidate.negated:  # "X said it had not been involved": X denies it
                kind = "denied"
            if kind == "said":
                if party != candidate.subject or candidate.type in predicates.blames:
                    candidate.status, candidate.asserted_by = "claimed", party
                    candidate.notes.append(f"claimed: said by {recognition.proposals[party].name}")
            else:
                candidate.status, candidate.asserted_by = "denied", party
                candidate.notes.append(f"denied by {recognition.proposals[party].name}")
        elif hedged or _hedged(sentence, candidate, predicates):
            recent = [p for s, p in speakers if candidate.sentence - 2 <= s <= candidate.sentence]
            if recent and recent[-1] != candidate.subject:
                candidate.status, candidate.asserted_by = "claimed", recent[-1]
                candidate.notes.append(f"hedged; claimed by the last party that spoke, "
                                       f"{recognition.proposals[recent[-1]].name}")
            else:
                candidate.notes.append("hedged, but nobody in the sentences before says it")
        for party in _speakers(sentence, recognition, predicates):
            speakers.append((candidate.sentence, party))
        if candidate.status == "denied":
            claim = _answered(out, candidate)
            if claim is None:
                unanswered.append(candidate)
                continue
            _link_denial(candidate, claim)
        out.append(candidate)
    out.extend(_accusation_contents(doc, recognition, predicates, out))
    for candidate in unanswered:  # a denial of what an accusation accuses of ("pointed the finger at X")
        if (claim := _answered(out, candidate)) is not None:
            _link_denial(candidate, claim)
            out.append(candidate)
    out.extend(_denials_of_statements(doc, recognition, predicates, out))
    out.extend(_blame(out, predicates))
    out.extend(_owned_deeds(out, recognition, predicates))
    # a relation that a party in its sentence claims is that claim, not also the text's own ("unsealed
    # charges against X over his alleged role in a plot", "the government of Prime Minister Aznar
    # blamed ETA for the bombings", whose accuser only the accusation found)
    claimed = {(c.sentence, c.triple) for c in out if c.status == "claimed"}
    return [c for c in out if c.status != "reported" or (c.sentence, c.triple) not in claimed]


def _owned_deeds(candidates: list[Candidate], recognition: Recognition, predicates: Predicates) -> list[Candidate]:
    """A party that says it did an event claims responsibility for it: "Islamic State said it was
    behind the attack" (`owned_deeds`), reported as the text reports any claim of responsibility."""
    have = {c.triple for c in candidates}
    out = []
    for c in candidates:
        if c.status != "claimed" or c.asserted_by != c.subject or c.type not in predicates.owned_deeds \
                or recognition.proposals[c.object].kind != "Event":
            continue
        triple = (c.subject, predicates.owned_deed_claim, c.object)
        if triple in have:
            continue
        have.add(triple)
        out.append(replace(c, type=predicates.owned_deed_claim, status="reported", asserted_by=None, denies=None,
                           how=c.how + "; a party saying it did it claims responsibility", notes=[]))
    return out


def _accusation_contents(doc: Annotated, recognition: Recognition, predicates: Predicates,
                         done: list[Candidate]) -> list[Candidate]:
    """"Iran blamed Israel" with nothing said of what: Israel is accused of the event in view."""
    out = []
    for accusation in [c for c in done if c.type == predicates.accusation and c.status == "reported"]:
        said = any(c.sentence == accusation.sentence and c.subject == accusation.object
                   and c.asserted_by == accusation.subject for c in done)
        sentence = doc.sentences[accusation.sentence]
        # "in the first hours" says when, not what; "Moscow, for its part, blamed": a phrase before the
        # verb is an aside, the grounds follow it ("blamed X for Y")
        grounds = [d for a in sentence.child_arcs(accusation.predicate) if a.label.startswith(_GROUNDS)
                   for d in [a.dep] if sentence.tokens[d].ner not in _TIMES and d > accusation.predicate]
        if grounds:  # "blamed for ammunition shortages": of that, unless it is an event
            event = next((recognition.at(sentence.index, d) for d in grounds if recognition.at(sentence.index, d)
                          and recognition.proposals[recognition.at(sentence.index, d) or ""].kind == "Event"), None)
        else:
            event = next((k for i, k in recognition.event_mentions if i == accusation.sentence), None) \
                or recognition.event_before(accusation.sentence)
        if said or event is None:
            continue
        out.append(replace(accusation, subject=accusation.object, type=predicates.accusation_implies, object=event,
                           status="claimed",
                           asserted_by=accusation.subject, confidence=accusation.confidence - 0.2,
                           how=accusation.how + f"; what {recognition.proposals[accusation.subject].name} accuses "
                               f"{recognition.proposals[accusation.object].name} of is the event in view",
                           notes=[], date=None))
    return out


def _ancestors(sentence: Sentence, i: int) -> list[tuple[int, str, int]]:
    """(ancestor, label of the arc just below it, child on the way) up the clause chain."""
    out, here, seen = [], i, {i}
    for _ in range(_MAX_DEPTH):
        arcs = [a for a in sentence.head_arcs(here) if a.head >= 0 and a.head not in seen
                and (a.label.split(":")[0] in _CLAUSE_LABELS or a.label.startswith("nsubj") and any(
                    b.label in _BEING for b in sentence.child_arcs(a.head)))]
        if not arcs:
            break
        arc = arcs[0]
        out.append((arc.head, arc.label, here))
        seen.add(arc.head)
        here = arc.head
    return out


def _subject_of(sentence: Sentence, recognition: Recognition, predicates: Predicates, i: int) -> str | None:
    """The party that says, claims or denies: a capital that speaks is its state ("Tehran denied"),
    and one unnamed who speaks for a party is that party ("Britain's foreign secretary said",
    ``speaking_for``). Never the subject of a passive: in "Ukraine was accused by Russia" Russia
    accuses, and in "Israel is believed to have …" nobody is named."""
    return next(_subjects_of(sentence, recognition, predicates, i), None)


def _subjects_of(sentence: Sentence, recognition: Recognition, predicates: Predicates, i: int) -> Iterator[str]:
    """Each party that says, claims or denies, as :func:`_subject_of` finds the first ("Ukraine and
    the United States denied it": both)."""
    for label in ("nsubj", "obl:agent", "nsubj:xsubj"):
        for arc in sentence.child_arcs(i):
            if arc.label != label:
                continue
            key = recognition.at(sentence.index, arc.dep)
            if key is None:  # "The head of Ukraine's military intelligence, Kyrylo Budanov, said": Budanov
                key = next((k for d in sentence.children(arc.dep, "appos")
                            if (k := recognition.at(sentence.index, d)) is not None), None)
            if key is None and sentence.tokens[arc.dep].lemma in predicates.speaking_for:
                key = next(iter(acted_for(sentence, arc.dep, lambda d: recognition.at(sentence.index, d))), None)
                # "a source in the SBU told Reuters": a body's (not a place's: "a source in Kyiv")
                key = key or next((k for d in sentence.children(arc.dep, "nmod:in")
                                   if (k := recognition.at(sentence.index, d)) is not None
                                   and recognition.proposals[k].kind not in NOT_ORGANISATIONS), None)
            if key is None and (bodies := predicates.voices.get(sentence.tokens[arc.dep].lemma)) is not None:
                key = recognition.named_before(sentence.index, bodies)  # "the judges found": the court
            if key is not None:
                yield recognition.capitals.get(key, key)
    if (inverted := _inverted_speaker(sentence, i)) is not None \
            and (key := recognition.at(sentence.index, inverted)) is not None:
        yield recognition.capitals.get(key, key)
    if sentence.tokens[i].pos == "VBG" and not sentence.children(i, "nsubj"):
        # "Peskov went further, alleging that …", "…, saying that": the clause's own subject
        for arc in sentence.head_arcs(i):
            if arc.head >= 0 and arc.label.split(":")[0] in ("advcl", "xcomp", "conj", "dep") \
                    and sentence.tokens[arc.head].verb:
                yield from _subjects_of(sentence, recognition, predicates, arc.head)
                return


def _inverted_speaker(sentence: Sentence, i: int) -> int | None:
    """The speaker after the verb in '"…," said Garland', which the parser takes for the verb's
    complement: a name right after a verb with no subject, which follows the quote's end.

    >>> from extract.nlp.document import Arc, Token
    >>> words = ['"', "Police", "came", ",", '"', "said", "Garland", "."]
    >>> tokens = [Token(k, w, w.lower(), "VBD" if w in ("came", "said") else "NNP", "O", 0, 0)
    ...           for k, w in enumerate(words)]
    >>> arcs = [Arc(2, 1, "nsubj"), Arc(5, 2, "dep"), Arc(-1, 5, "root"), Arc(5, 6, "xcomp")]
    >>> _inverted_speaker(Sentence(0, tokens, arcs, arcs, []), 5)
    6
    """
    if i == 0 or sentence.tokens[i - 1].text not in _QUOTE_ENDS or sentence.children(i, "nsubj"):
        return None
    return next((a.dep for a in sentence.child_arcs(i) if a.label in ("xcomp", "obj", "dep") and a.dep == i + 1
                 and sentence.tokens[a.dep].pos.startswith("NNP")), None)


def _passive(sentence: Sentence, i: int) -> bool:
    """Whether the verb is in the passive ("is believed", "was reported")."""
    return any(a.label in ("nsubj:pass", "aux:pass") for a in sentence.child_arcs(i))


#: What ends a quotation before its speaker: '"…," said X', "'…,' X said".
_QUOTE_ENDS = frozenset({'"', "''", "'", "”", "’", ","})

#: What :func:`_frame` answers for a statement nobody asserts, and for one said by nobody named.
_UNASSERTED = ("unasserted", "", None)
_HEDGED = ("hedged", "", None)


def _frame(sentence: Sentence, recognition: Recognition, predicates: Predicates,
           candidate: Candidate) -> tuple[str, str, str | None] | None:
    """("said" | "denied", the party, accused party or None) of the nearest frame above the predicate;
    :data:`_UNASSERTED` when what stands above it asserts nothing (a question, a condition, a guess),
    :data:`_HEDGED` when a passive says it with nobody named ("is widely believed to have …")."""
    chain = [(candidate.predicate, "", candidate.predicate), *_ancestors(sentence, candidate.predicate)]
    doubted = False  # "had no reason to believe that", "did not say that": what follows is not asserted
    asked = sentence.tokens[-1].text == "?"
    guessed = False  # "may have organised": asserted only by a party that says it
    if (accusal := _accused_of(sentence, recognition, predicates, candidate.predicate)) is not None:
        return accusal
    if (held := _on_suspicion_of(sentence, recognition, predicates, candidate.predicate)) is not None:
        return held  # "police arrested two men on suspicion of spying": the police suspect them
    # what is told of the grounds of an accusation is no part of it: "blamed X for the bombings,
    # which killed 250 people"; nor is a clause beside it with a subject of its own: "blamed X for
    # the bombings as Islamic State claimed responsibility"
    beside_accusation = False
    for head, label, child in chain:
        if label.startswith("conj") and any(a.label.startswith("nsubj") for a in sentence.child_arcs(child)):
            break  # "Iran denied it, and Kanaani condemned the strikes": a clause of its own, not Iran's
        beside_accusation = beside_accusation or label == "acl:relcl" or (
            label.startswith("advcl:") and label not in _GROUNDS
            and any(a.label.startswith("nsubj") for a in sentence.child_arcs(child)))
        for arc in sentence.child_arcs(head):
            if arc.label in ("obl:according_to", "nmod:according_to"):
                key = recognition.at(sentence.index, arc.dep)
                if key is not None:
                    return "said", key, None
        if aside := _parenthetical(sentence, recognition, predicates, head):
            return "said", aside, None
        if _unasserting(sentence, predicates, head, child):
            return _UNASSERTED
        guessed = guessed or any(a.label == "aux" and sentence.tokens[a.dep].lemma in predicates.speculative
                                 for a in sentence.child_arcs(head))
        if head == candidate.predicate:
            continue
        doubted = doubted or _negates(sentence, head, predicates)
        lemma = sentence.tokens[head].lemma
        if lemma in predicates.reporting_nouns and sentence.tokens[head].noun \
                and label.split(":")[0] in ("ccomp", "acl"):  # "the FSB's claim that …"
            owner = next((k for a in sentence.child_arcs(head) if a.label in ("nmod:poss", "nmod:by", "nmod:from")
                          for k in [recognition.at(sentence.index, a.dep)] if k is not None), None)
            if owner is not None:
                return ("denied" if doubted else "said"), recognition.capitals.get(owner, owner), None
        party = _subject_of(sentence, recognition, predicates, head)
        if lemma in predicates.owning_verbs and label == "obj" and sentence.tokens[head].verb:
            if doubted:  # "Israel has never confirmed its role in the killing": neither said nor denied
                return _UNASSERTED
            if party is not None:  # "Israel acknowledged its role in the killing"
                return "said", party, None
        if party is None and lemma in predicates.accusing_verbs and (held := _suspected_by(
                sentence, recognition, predicates, head)) is not None:
            return held  # "the FSB detained two men suspected of spying": the FSB suspects them
        if party is None and lemma in predicates.denial_verbs and sentence.tokens[head].verb:
            return _UNASSERTED  # "His lawyers denied that X was a member": denied by no one named, asserted by none
        if party is None:
            if (lemma in predicates.reporting_verbs or lemma in predicates.accusing_verbs) and _passive(sentence, head):
                # "Israel is widely believed to have …", "X was accused of …": by nobody named; "X has
                # not been accused of …": by nobody at all
                return _UNASSERTED if doubted else _HEDGED
            continue
        if lemma in predicates.denial_verbs:
            # of several who deny ("the United States and Britain, which both deny involvement"),
            # each denies its own part
            deniers = list(_subjects_of(sentence, recognition, predicates, head))
            return "denied", candidate.subject if candidate.subject in deniers else party, None
        if lemma in predicates.accusing_verbs and label.split(":")[0] in ("advcl", "obl", "acl", "xcomp") \
                and not beside_accusation:
            accused = next((recognition.at(sentence.index, d) for d in sentence.children(head, "obj")
                            if recognition.at(sentence.index, d)), None)
            return "said", party, accused
        if lemma in predicates.reporting_verbs and label.split(":")[0] in ("ccomp", "parataxis", "xcomp", "dep"):
            return ("denied" if doubted else "said"), party, None
        # "named Y as the organiser", "identified the killer as Y"
        if lemma in predicates.naming_verbs and (label == "obl:as"
                                                 or label == "obj" and sentence.children(head, "obl:as")):
            return ("denied" if doubted else "said"), party, None
    return _UNASSERTED if asked or guessed else None


def _accused_of(sentence: Sentence, recognition: Recognition, predicates: Predicates,
                i: int) -> tuple[str, str, str | None] | None:
    """"A court convicted X of espionage", which the parser reads as X's espionage (the deed hangs
    on the accused, the object of the accusing verb): the accuser says it."""
    for arc in sentence.head_arcs(i):
        if arc.label != "nmod:of" or arc.head < 0:
            continue
        for up in sentence.head_arcs(arc.head):
            if up.label == "obj" and up.head >= 0 and sentence.tokens[up.head].lemma in predicates.accusing_verbs \
                    and (party := _subject_of(sentence, recognition, predicates, up.head)) is not None:
                return "said", party, recognition.at(sentence.index, arc.head)
    return None


def _suspected_by(sentence: Sentence, recognition: Recognition, predicates: Predicates,
                  head: int) -> tuple[str, str, str | None] | None:
    """An accusing participle on a noun ("two men suspected of spying", "a man accused of"): the
    party that did something to them suspects them ("the FSB detained …"); with none, a hedge."""
    for arc in sentence.head_arcs(head):  # (the parser's acl, or an amod after the noun)
        if arc.label not in ("acl", "amod") or not 0 <= arc.head < head \
                or sentence.tokens[head].pos not in ("VBN", "VBD"):
            continue
        accused = recognition.at(sentence.index, arc.head)
        for governor in sentence.head_arcs(arc.head):
            if governor.head >= 0 and governor.label in ("obj", "nsubj:pass"):
                party = _subject_of(sentence, recognition, predicates, governor.head)
                if party is not None and party != accused:
                    return "said", party, accused
        return _HEDGED
    return None


def _on_suspicion_of(sentence: Sentence, recognition: Recognition, predicates: Predicates,
                     i: int) -> tuple[str, str, str | None] | None:
    """What an accusing noun a verb takes is of ("arrested two men on suspicion of spying",
    "detained X on charges of"): the verb's subject suspects its object; with no subject named, a
    hedge. (The noun's "of" is no clause, so the frames above the deed do not reach it.)"""
    for verb in accusing_verbs(sentence, predicates, i):
        accused = next((k for d in (*sentence.children(verb, "obj"), *sentence.children(verb, "nsubj:pass"))
                        if (k := recognition.at(sentence.index, d)) is not None), None)
        party = _subject_of(sentence, recognition, predicates, verb)
        if party is not None and party != accused:
            return "said", party, accused
        return _HEDGED
    return None


def _parenthetical(sentence: Sentence, recognition: Recognition, predicates: Predicates, head: int) -> str | None:
    """The party of a reporting verb set inside the clause ("Ukraine, the FSB alleged, organised
    it"), hung on its head or on one of the head's own words, with no statement of its own."""
    for word in (head, *(a.dep for a in sentence.child_arcs(head))):
        for arc in sentence.child_arcs(word):
            verb = sentence.tokens[arc.dep]
            # (or its complement, after the quote: '"Today, police arrested him," Garland said')
            if (arc.label == "parataxis" or arc.label == "ccomp" and arc.dep > word
                and sentence.tokens[sentence.subtree(arc.dep).start - 1].text in _QUOTE_ENDS) \
                    and verb.verb and verb.lemma in predicates.reporting_verbs \
                    and not sentence.children(arc.dep, "ccomp"):
                party = _subject_of(sentence, recognition, predicates, arc.dep)
                if party is not None:
                    return party
    return None


def _unasserting(sentence: Sentence, predicates: Predicates, head: int, child: int) -> bool:
    """Whether ``head`` keeps the clause of ``child`` below it from being asserted: a condition or an
    open question ("if", "whether", "it is unclear"), or evidence said to be wanting ("no evidence that")."""
    token = sentence.tokens[head]
    if any(a.label == "mark" and sentence.tokens[a.dep].lemma in predicates.unasserting
           for a in sentence.child_arcs(child)):
        return True
    if head != child and token.lemma in predicates.unasserting:
        return True
    return head != child and token.lemma in predicates.evidence_nouns and any(
        a.label in ("det", "advmod", "neg") and sentence.tokens[a.dep].lemma in predicates.negations
        for a in sentence.child_arcs(head))


def _negates(sentence: Sentence, head: int, predicates: Predicates) -> bool:
    """Whether a clause above a statement negates it: "did not say", "never believed", "had no
    reason to believe", "found no evidence that", "neither confirmed nor denied", "declined to
    confirm"."""
    if any(a.label == "xcomp" and sentence.tokens[a.head].lemma in predicates.refusals
           for a in sentence.head_arcs(head) if a.head >= 0):
        return True
    for arc in sentence.child_arcs(head):
        lemma = sentence.tokens[arc.dep].lemma
        if arc.label in ("advmod", "neg", "cc:preconj") and lemma in predicates.negations:
            return True
        if arc.label == "obj" and any(a.label == "det" and sentence.tokens[a.dep].lemma in predicates.negations
                                      for a in sentence.child_arcs(arc.dep)):
            return True
    return False


def _speakers(sentence: Sentence, recognition: Recognition, predicates: Predicates) -> list[str]:
    out = []
    for token in sentence.tokens:
        if token.lemma in predicates.reporting_verbs and token.verb:
            party = _subject_of(sentence, recognition, predicates, token.i)
            if party is not None:
                out.append(party)
    return out


def _hedged(sentence: Sentence, candidate: Candidate, predicates: Predicates) -> bool:
    span = sentence.subtree(candidate.predicate)
    return any(sentence.tokens[i].lemma in predicates.hedges for i in span)


def _link_denial(denial: Candidate, claim: Candidate) -> None:
    """A denial denies the statement it answers, and states the same fact, in the claim's direction."""
    denial.denies = claim
    denial.subject, denial.type, denial.object = claim.triple


def _answered(done: list[Candidate], denial: Candidate) -> Candidate | None:
    """The statement a denial answers: the same fact (claimed, or reported by the text), else the
    latest claim of another type between the same two ("was behind" denied by "had nothing to do
    with"), else the latest claim about the denier."""
    for earlier in reversed(done):
        if earlier.status != "denied" and earlier.triple == denial.triple:
            return earlier
    claims = [c for c in reversed(done) if c.status == "claimed" and c.sentence >= denial.sentence - 4]
    for claim in claims:  # "X was behind the attack … Y said X had nothing to do with the attack"
        if (claim.subject, claim.object) == (denial.subject, denial.object) and claim.asserted_by != denial.asserted_by:
            return claim
    for claim in claims:
        if claim.subject == denial.asserted_by and claim.asserted_by != denial.asserted_by:
            return claim
    return None


def _denials_of_statements(doc: Annotated, recognition: Recognition, predicates: Predicates,
                           done: list[Candidate]) -> list[Candidate]:
    """"X denied the accusation / any involvement": a denial of the latest claim about X."""
    out = []
    for sentence in doc.sentences:
        for token in sentence.tokens:
            if token.lemma not in predicates.denial_verbs or not token.verb:
                continue
            objects = [sentence.tokens[d].lemma for d in sentence.children(token.i, "obj")]
            if not any(o in predicates.denial_objects for o in objects):
                continue
            for denier in dict.fromkeys(_subjects_of(sentence, recognition, predicates, token.i)):
                out.extend(_denial_of_claim(sentence, token, denier, recognition, done))
    return out


def _denial_of_claim(sentence: Sentence, token: Token, denier: str, recognition: Recognition,
                     done: list[Candidate]) -> list[Candidate]:
    """The denier's denial of the latest claim about it, in this sentence or the four before (none
    if it denied something in this sentence already)."""
    if any(c.sentence == sentence.index and c.status == "denied" and c.asserted_by == denier for c in done):
        return []
    # about the denier: its subject, or either end of what two do together ("X had contacts with
    # Russia. Russia denied it.")
    claims = [c for c in reversed(done) if c.status == "claimed" and c.asserted_by != denier
              and sentence.index - 4 <= c.sentence <= sentence.index
              and any(end == denier or recognition.proposals[end].state is not None
                      and recognition.proposals[end].state == recognition.proposals[denier].state
                      for end in ((c.subject, c.object) if get_ontology().relations[c.type].symmetric
                                  else (c.subject,)))]
    if not claims:
        return []
    claim = claims[0]
    return [replace(claim, status="denied", asserted_by=denier, denies=claim, sentence=sentence.index,
                    start=sentence.start, end=sentence.end, predicate=token.i, date=None,
                    how=f"“{token.text}” in sentence {sentence.index + 1} answers a claim",
                    confidence=0.5, notes=[f"denied by {recognition.proposals[denier].name}"])]


def _blame(candidates: list[Candidate], predicates: Predicates) -> list[Candidate]:
    out = []
    have = {(c.subject, c.type, c.object) for c in candidates}
    sides = sides_of(candidates, predicates)
    for c in candidates:
        if c.status != "claimed" or c.type not in predicates.blames or c.asserted_by is None:
            continue
        triple = (c.asserted_by, predicates.accusation, c.subject)
        if triple in have or sides.get(c.asserted_by, {c.asserted_by}) & sides.get(c.subject, {c.subject}):
            continue  # a party owning to what its own did accuses nobody ("Italy's interior minister" of its police)
        have.add(triple)
        out.append(replace(c, subject=c.asserted_by, type=predicates.accusation, object=c.subject,
                           status="reported", asserted_by=None, denies=None, confidence=c.confidence - 0.1,
                           how=c.how + "; the party that claims it accuses the other",
                           notes=[]))
    return out
