"""Status and attribution: who says what, and who denies it.

A sentence with a reporting cue ("X said", "according to X", "…, said X"; ``reporting.said`` in
the lexicon) has a speaker. Its candidate relations become *claimed* by the speaker, except those
whose subject is the speaker (what a party says it did, or whom it accuses, the article reports)
and structural ones (who leads or works for what, said in an apposition).

A hedge ("allegedly", "without providing evidence") without a speaker makes the sentence's
relations claimed by the last party that spoke in the two sentences before; if none spoke, they
stay reported, and the reason says so.

A denial ("X denied", "rejected by X", "X said … had nothing to do with") makes a *denied*
relation for each denier: the same subject, type and object as the most recent claim it answers
(in the same sentence or the three before), preferring a claim about a party the denial names,
then one about the denier.
"""
from __future__ import annotations

from graph.ontology import Ontology
from extract.cues import match_cue
from extract.lexicon import Lexicon
from extract.mentions import Recognition
from extract.relations import Candidate, sentence_items, without_appositions
from extract.sentences import Sentence

__all__ = ["attribute"]

_WINDOW = 3


def attribute(text: str, sentences: list[Sentence], recognition: Recognition, candidates: list[Candidate],
              lexicon: Lexicon, *, structural: set[str], ontology: Ontology) -> list[Candidate]:
    """Set status and ``asserted_by`` on ``candidates`` and return them with the denials added."""
    proposals = recognition.proposals
    by_sentence: dict[int, list[Candidate]] = {}
    for candidate in candidates:
        by_sentence.setdefault(candidate.sentence, []).append(candidate)
    speakers: dict[int, str] = {}
    out: list[Candidate] = []
    for sentence in sentences:
        mentions = recognition.mentions.get(sentence.index, [])
        items, _ = sentence_items(sentence, mentions)
        variants = [items] + [v for v in [without_appositions(items)] if v is not None]
        speaker = _first_slot(lexicon.said, variants, mentions)
        here = by_sentence.get(sentence.index, [])
        accuser = next((c.subject for c in here if c.type == lexicon.accusation and c.status == "reported"), None)
        if speaker is not None:
            speakers[sentence.index] = speaker
        lowered = text[sentence.start:sentence.end].casefold().replace("’", "'")
        hedge = next((h for h in lexicon.hedges if _has_phrase(lowered, h)), None)
        asserted = {c.triple for c in here if c.asserted_by is not None}
        here = [c for c in here if c.asserted_by is not None or c.triple not in asserted]
        for candidate in here:
            if candidate.status != "reported" or candidate.derived or candidate.type in structural:
                continue
            if speaker is not None:
                if speaker == candidate.subject:
                    candidate.notes.append(f"reported: {proposals[speaker].name} speaks of what it did itself")
                    continue
                candidate.status, candidate.asserted_by = "claimed", speaker
                candidate.notes.append(f"claimed: {proposals[speaker].name} says so (a reporting verb)")
                candidate.confidence = round(candidate.confidence - 0.05, 2)
            elif hedge is not None:
                earlier = accuser or next((speakers[i] for i in range(sentence.index - 1, sentence.index - 3, -1)
                                           if i in speakers), None)
                if candidate.type == lexicon.accusation:
                    continue  # the accusation is reported; what it says is the claim
                if earlier is not None and earlier != candidate.subject:
                    candidate.status, candidate.asserted_by = "claimed", earlier
                    candidate.notes.append(f"claimed: hedged (“{hedge}”), given to the last speaker, "
                                           f"{proposals[earlier].name}")
                    candidate.confidence = round(candidate.confidence - 0.15, 2)
                else:
                    candidate.notes.append(f"hedged (“{hedge}”) but no speaker found: left reported")
                    candidate.confidence = round(candidate.confidence - 0.2, 2)
        out.extend(here)
        out.extend(_accusations(here, recognition, lexicon, ontology))

        # a denial in reported speech is the speaker's ("X said Kyiv had nothing to do with it")
        if speaker is not None and any(_has_phrase(lowered, w) for w in lexicon.denial_words):
            deniers = [speaker]
        else:
            deniers = _all_slots(lexicon.denials, variants, mentions)
        named = {m.proposal for m in mentions}
        for denier in deniers:
            target = _answered_claim(out, sentence.index, named - {denier}, denier)
            if target is None:
                continue
            out.append(Candidate(target.subject, target.type, target.object, sentence.index, sentence.start,
                                 sentence.end, f"a denial by {proposals[denier].name} in sentence "
                                 f"{sentence.index + 1}, answering the claim of sentence {target.sentence + 1}",
                                 round(min(target.confidence, 0.5), 2), status="denied", asserted_by=denier,
                                 denies=target))
    return out


def _accusations(here: list[Candidate], recognition: Recognition, lexicon: Lexicon,
                 ontology: Ontology) -> list[Candidate]:
    """X claims that Y carried out (prepared, assisted, backed) something: X also accused Y."""
    proposals = recognition.proposals
    done = {(c.subject, c.object) for c in here if c.type == lexicon.accusation}
    out = []
    for claim in here:
        if claim.status != "claimed" or claim.type not in lexicon.blames or claim.asserted_by is None:
            continue
        accuser, accused = claim.asserted_by, claim.subject
        if accuser == accused or (accuser, accused) in done or not ontology.allows(
                lexicon.accusation, proposals[accuser].kind, proposals[accused].kind):
            continue
        done.add((accuser, accused))
        out.append(Candidate(accuser, lexicon.accusation, accused, claim.sentence, claim.start, claim.end,
                             f"{proposals[accuser].name} claims {proposals[accused].name} "
                             f"{claim.type.lower().replace('_', ' ')} it: an accusation", round(claim.confidence - 0.05, 2)))
    return out


def _has_phrase(lowered: str, phrase: str) -> bool:
    import re

    return re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", lowered) is not None


def _first_slot(cues, variants, mentions) -> str | None:
    found = _all_slots(cues, variants, mentions)
    return found[0] if found else None


def _all_slots(cues, variants, mentions) -> list[str]:
    hits: list[tuple[int, str]] = []
    for variant in variants:
        for cue in cues:
            for match in match_cue(cue, variant):
                for n in match.slots.get("A", ()):
                    hits.append((match.first, mentions[n].proposal))
    hits.sort()
    return list(dict.fromkeys(key for _, key in hits))


def _answered_claim(done: list[Candidate], index: int, named: set[str], denier: str) -> Candidate | None:
    claims = [c for c in done if c.status == "claimed" and index - _WINDOW <= c.sentence <= index
              and c.asserted_by != denier]
    for prefer in (lambda c: c.subject in named, lambda c: c.subject == denier, lambda c: c.sentence < index):
        chosen = [c for c in claims if prefer(c)]
        if chosen:
            return chosen[-1]
    return None
