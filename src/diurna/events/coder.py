"""Events stage: PLOVER event type and mode, CAMEO code, actors, recipients, status.

The coder reads the dependency parse of the language stage, the actor mentions of the actors
stage and the statements of the statements stage. For each trigger (a verb, a nominalisation or,
inside a statement, an evaluative adjective listed in ``data/plover.yaml``) it finds

- the actors: the subject (or the passive agent), the "of"/"by"/possessive/adjectival holder of a
  nominal event ("an attack of X", "the Iranian deployment"), the subject of a light verb
  ("launch an attack"), plus their conjuncts ("Iran and the SAA");
- the recipients: the object, or the phrase after on/against/towards/at/with/to/from;
- the status: ``denied`` (inside a denial), ``speculative`` (modal, future, planning, condition,
  "unclear if", "likely"), ``claimed`` (inside a statement: the speaker becomes ``source``),
  else ``asserted``; ``negated`` for "did not attack", "no attack".

Event coders that fit a spaCy pipeline (PETRARCH2, hypnos, the POLECAT/NGEC classifiers) either
need the Stanford CoreNLP parse, a CAMEO verb dictionary we cannot ship, or trained models that
are not available offline; so the rules are written here, on spaCy's parse, and the lexicon is
data (``plover.yaml``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from diurna.events.arguments import context_parties
from diurna.events.casualties import without_retold_casualties
from diurna.events.heads import trigger_head
from diurna.events.ontology import Ontology, Trigger, load_ontology
from diurna.intervals import FirstCovering
from diurna.language.spacy_stage import preposition_objects as _pobjs
from diurna.language.spacy_stage import tokens_where
from diurna.language.wordnet import is_person_noun, never_people
from diurna.model import Document, Event, Mention, Quote, Span, Status, actor_code
from diurna.statements.mentions import (
    MentionFinder,
    Resolve,
    default_resolve,
    is_pronoun,
    pronoun_person,
)
from diurna.statements.quotes import (
    OBJECT_STATEMENTS,
    is_speech_verb,
    misread_apposition,
    subject_of,
)

if TYPE_CHECKING:
    from diurna.actors.dictionary import ActorDictionary

# Verbs whose object noun is an event the verb's subject carries out.
LIGHT_VERBS = frozenset({
    "launch", "carry", "conduct", "stage", "mount", "hold", "wage", "make", "begin", "start",
    "continue", "resume", "step", "escalate", "intensify", "perform", "execute", "unleash",
    "undertake", "commit", "organize", "organise", "lead", "join", "attend", "host", "impose",
    "issue", "deliver", "provide", "send", "give", "offer", "announce", "order", "plan",
    "have", "pay", "file", "express", "voice", "reiterate", "reaffirm", "show", "lend",
    "extend", "bring", "lodge", "level", "open", "form", "forge",
})
# Verbs that make their "as"-phrase an evaluation by the subject ("described the idea as
# absurd", "called the call improper"): the evaluation is the subject's verbal act.
DESCRIBE_VERBS = frozenset({"describe", "call", "characterize", "characterise", "label",
                            "brand", "term", "dismiss", "deem", "denounce", "portray", "slam"})
# A negated judgement of truth or feasibility rejects what is judged ("is not true", "is not
# feasible"): REJECT in docs/annotation-events.md (denying an accusation, refusing a request).
NEGATED_REJECT_ADJ = frozenset({"true", "accurate", "correct", "right", "feasible", "possible",
                                "acceptable", "credible", "factual", "valid", "realistic"})
# Nouns whose clause is a notion, not a reported event ("the idea that the U.S. is training").
NOTION_NOUNS = frozenset({"idea", "notion", "theory", "possibility", "rumor", "rumour",
                          "speculation", "suggestion", "hypothesis", "myth", "conspiracy",
                          "fear", "prospect", "need", "question",
                          # standing rules, not acts: "its policy of requiring employees to sign"
                          "policy", "practice", "habit", "tradition"})
# The parts of speech :meth:`_DocCoder.match` and :meth:`_DocCoder._modal_demand` code a word of:
# ``code`` visits only these words, so a trigger of another part of speech must be added here.
TRIGGER_POS = frozenset({"VERB", "AUX", "NOUN", "PROPN", "ADJ"})
# Types whose negated claim by a third party is a denial of an accusation (status "denied").
DENIABLE_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN", "PROTEST"})
# Verbs of compliance whose negation is a refusal ("will not accept", "refused to comply"):
# REJECT whatever the object (docs/annotation-events.md: "did not accept" is REJECT).
COMPLY_VERBS = frozenset({"accept", "tolerate", "comply", "obey", "heed", "agree", "budge",
                          "recognize", "recognise", "negotiate", "cooperate", "yield", "bow"})
# Proposals whose refusal is one REJECT ("did not accept the offer of talks"); a refused
# accusation or attack ("deflected attacks") is an event of its own.
PROPOSAL_TYPES = frozenset({"AGREE", "REQUEST", "DEMAND", "CONSULT", "SUPPORT", "CONCEDE",
                            "AID", "COOPERATE", "RETREAT"})
# Material acts whose "to"-purpose is not an event of its own (working *with* someone to do
# X is not among them: X is the joint act).
PURPOSE_HEAD_TYPES = frozenset({"AID", "ASSAULT", "COERCE", "MOBILIZE"})
# Acts that happen when done as the purpose of another ("surrounded the Statehouse to call for
# better pay": the call is made by being there).
PURPOSE_EVENT_TYPES = frozenset({"DEMAND", "REQUEST", "ACCUSE", "PROTEST"})
# Interactions with no direction: of coordinated parties, the first named is the actor and the
# others are the recipients.
SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
# Fights with no direction: "Israel and Hezbollah have exchanged fire", "X and Y clashed".
MUTUAL_FIGHTS = frozenset({"exchange", "clash", "fight", "battle", "skirmish", "clashes"})
# Causes of death that are no one's act, and what is given when nothing material is.
NATURAL_CAUSES = frozenset({"plague", "disease", "virus", "flu", "influenza", "outbreak",
                            "illness", "cancer", "epidemic", "pandemic", "storm", "earthquake",
                            "flood", "hurricane", "typhoon", "cyclone", "tornado", "famine",
                            "drought", "heat", "cold", "wildfire", "landslide",
                            "avalanche", "tsunami", "accident", "crash", "overdose"})
# Verbs whose object is told, asked or made to do the infinitive after it ("pressed X to Y").
OBJECT_CONTROL_VERBS = frozenset({"press", "pressure", "order", "tell", "instruct", "direct",
                                  "command", "urge", "ask", "advise", "invite", "beg",
                                  "encourage", "permit", "allow", "force", "compel", "warn",
                                  "persuade", "push", "lobby", "implore", "require", "call"})
# Verbs of response whose "with"-phrase is the responder's act ("retaliated with tariffs").
RESPONSE_VERBS = frozenset({"retaliate", "respond", "react", "reply", "answer", "counter",
                            "hit", "strike"})
# Verbs that put a party on a list ("added Chinese firms to a trade blacklist").
LISTING_VERBS = frozenset({"add", "put", "place"})
# Verbs of a responsibility claim: "claimed / took / accepted responsibility for the attack".
RESPONSIBILITY_VERBS = frozenset({"claim", "take", "accept", "assume", "bear", "admit"})
# Nouns that refer back to an accusation.
ACCUSATION_NOUNS = frozenset({"charge", "accusation", "allegation", "claim"})
# Verbs whose event-noun object does not happen: prevented, or refused permission.
PREVENT_VERBS = frozenset({"prevent", "avert", "avoid", "forestall", "preempt", "thwart",
                           "cancel", "scrap", "postpone", "abandon"})  # "the visit was cancelled"
PERMIT_VERBS = frozenset({"allow", "permit", "tolerate", "accept", "authorize", "authorise"})
# Verbs whose object (or passive subject) is the one who did the act in their "with"/"of"
# phrase, and verbs whose subject owns up to it.
ACCUSING_VERBS = frozenset({"charge", "accuse", "convict", "indict", "suspect", "arrest", "jail",
                            "sentence", "acquit", "try", "find", "prosecute", "detain"})
CONFESS_VERBS = frozenset({"confess", "admit", "plead"})
# What a bare noun can charge one with ("arrested for the killing"); a noun of another type after
# "for" is more often the occasion ("arrested for a phone call"), so only a clause ("accused X of
# funding ...", "of giving support to ...") is read for every type
CRIME_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN", "PROTEST"})
# Attacks and clashes that can be made in words, what only words hit, and who fights in words.
VERBAL_FIGHT_LEMMAS = frozenset({"attack", "assault", "clash", "spar", "battle", "fight"})
VERBAL_TARGETS = frozenset({"record", "policy", "plan", "decision", "remark", "comment",
                            "proposal", "stance", "position", "credibility", "statement",
                            "speech", "claim", "idea", "agenda", "leadership", "handling",
                            "response", "approach", "strategy", "rhetoric", "judgment"})
# Where words are published, and the words that carry an attack: "attacked her on Twitter",
# "in a tweet", "attacked the ambassador, calling her 'bad news'".
MEDIUMS = frozenset({"twitter", "facebook", "instagram", "youtube", "tiktok", "truth", "x",
                     "television", "tv", "radio", "air", "camera", "media", "podcast"})
SPOKEN_FORMS = frozenset({"tweet", "post", "speech", "statement", "interview", "column", "op",
                          "editorial", "letter", "rally", "video", "remark", "broadcast",
                          "briefing", "conference", "hearing", "debate", "message", "thread"})
NAMING_VERBS = frozenset({"call", "say", "describe", "label", "brand", "dub", "dismiss",
                          "accuse", "claim", "suggest", "question", "mock", "deride", "write",
                          "tweet", "argue", "insist"})
# Types of which a statement's own words can be the act, with the speaker as actor.
SAID_ACT_TYPES = frozenset({"DEMAND", "REJECT", "ACCUSE", "THREATEN", "REQUEST"})
# Nouns of amount and trend: "a reduction in violence", "a surge of attacks", "an end to the
# fighting" say how much or whether acts go on, they report none.
TREND_NOUNS = frozenset({"reduction", "decrease", "decline", "drop", "fall", "rise", "increase",
                         "surge", "spike", "upsurge", "uptick", "lull", "end",
                         "halt", "cessation", "pause", "level", "number", "rate", "risk",
                         "threat", "fear", "prospect", "spectre", "specter", "cycle"})
# Weapons and strikes that stand for whoever uses them as the subject of an attack.
WEAPON_NOUNS = frozenset({"airstrike", "strike", "missile", "rocket", "drone", "bomb", "shell",
                          "shelling", "bombardment", "artillery", "warplane", "jet", "gunfire",
                          "fire", "raid", "attack", "barrage", "mortar", "helicopter", "tank"})
# Light verbs that make a "strike" a walkout ("staged a strike"); "carry out", "conduct" and
# "launch" make it an attack.
STRIKE_LIGHT_VERBS = frozenset({"stage", "hold", "call", "begin", "start", "organise", "organize",
                                "join", "end", "announce", "threaten", "continue"})
# Verbs whose object is an act their subject puts forward, not yet done ("proposed talks").
PROPOSE_VERBS = frozenset({"propose", "announce", "unveil", "seek", "threaten", "order",
                           "authorize", "authorise", "approve", "consider", "plan", "weigh",
                           "mull", "prepare", "intend"})
# "held talks by phone", "an attack by air": how, not by whom.
MEANS_NOUNS = frozenset({"phone", "telephone", "video", "videoconference", "videolink", "letter",
                         "email", "mail", "text", "radio", "satellite", "air", "land", "sea",
                         "road", "car", "plane", "boat", "train", "means", "way", "mistake"})
# Where a missile fired at no one lands: a show of force (MOBILIZE/weapons), not an ASSAULT.
OPEN_WATER = frozenset({"sea", "water", "waters", "ocean"})
LAUNCH_VERBS = frozenset({"fire", "launch", "test-fire", "test"})
# Whom one speaks to when making a statement, not holding a meeting.
PRESS_NOUNS = frozenset({"reporters", "journalists", "press", "media", "reporter", "journalist",
                         "newspaper", "broadcaster", "television", "correspondents"})
# Political parties by trade: an individual of these sectors "attacking" a person does it in
# words ("the president attacked the former ambassador"); armed and police sectors do not.
WORDY_SECTORS = frozenset({"GOV", "LEG", "PTY", "MED", "ELI", "OPP", "ACT", "JUD"})
SPEAKER_NOUNS = frozenset({"candidate", "senator", "lawmaker", "legislator", "congressman",
                           "congresswoman", "politician", "democrat", "republican", "rival",
                           "opponent", "debater", "commentator", "critic", "columnist"})
# Amounts and collections: the object of "withheld $391 million in aid" is the aid.
MEASURE_NOUNS = frozenset({"state", "number", "series", "round", "wave", "package", "set", "lot",
                           "batch", "barrage", "volley", "slew", "raft", "flurry", "amount", "sum",
                           "million", "billion", "trillion", "thousand", "hundred", "dozen", "ton",
                           "tonne", "kilogram", "kilo", "pound", "barrel", "shipment", "tranche"})
# Verbs of harm done to people (not to places): a thing as their object is no assault.
PERSON_VICTIM_VERBS = frozenset({"kill", "murder", "shoot", "stab", "wound", "injure", "slay",
                                 "maim", "slaughter", "massacre", "assassinate", "torture",
                                 "abduct", "kidnap", "rape", "behead", "lynch"})
# Entities whose multi-word names hold event words ("United Launch Alliance").
NAME_ENTITIES = frozenset({"ORG", "FAC", "PRODUCT", "WORK_OF_ART", "PERSON"})
# Clause openers of general rules when both clauses are in the present ("When X slaps tariffs").
GENERIC_MARKS = frozenset({"if", "when", "whenever", "once"})
# Antecedents that pick out whatever fits, so a present-simple relative clause on them is
# generic ("anything you ask him to", "anyone who protests"); "something" / "someone" name a
# particular one ("..., something Iran denies") and are not here.
FREE_CHOICE_PRONOUNS = frozenset({"anything", "anyone", "anybody", "everything", "everyone",
                                  "everybody", "nothing", "nobody", "whatever", "whoever",
                                  "whichever"})
FREE_CHOICE_DETS = frozenset({"any", "every", "each", "no", "whatever", "whichever"})
# Dependencies of a noun that is an argument of its clause (a relative clause's antecedent
# under a modal frame: "he will attack enemies who attack Iran").
FRAME_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr", "pobj", "oprd"})
# Verbs that report acts happening, so a bare plural subject is no generic ("Protests erupt").
OCCURRENCE_VERBS = frozenset({"erupt", "continue", "break", "spread", "rage", "resume",
                              "escalate", "begin", "start", "grow", "intensify", "take", "enter",
                              "mount"})
# Nouns for people that are parties even when no dictionary code resolves them.
HUMAN_NOUNS = frozenset({"man", "woman", "men", "women", "person", "child", "boy", "girl", "kid",
                         "teenager", "baby", "resident", "villager", "voter", "victim", "hostage",
                         "family", "passenger", "civilian", "mother", "father", "son",
                         "daughter"})
# Modifiers that make an "attack" a medical one.
MEDICAL_MODIFIERS = frozenset({"heart", "panic", "asthma", "anxiety", "cardiac", "migraine",
                               "allergic", "epileptic", "gout"})
INFO_NOUNS = frozenset({"information", "comment", "detail", "answer", "explanation", "data",
                        "statement", "response", "evidence", "documentation", "update"})
# Actor sectors of public life, and how many of their mentions make a page political news.
PUBLIC_SECTORS = frozenset({"GOV", "MIL", "COP", "REB", "CRM", "LEG", "JUD", "OPP", "PTY", "SPY",
                            "INS", "IGO", "ELI", "PRX"})
POLITICAL_DENSITY = 2.0  # per 1,000 characters: bench/relevance_classifier.py
POLITICAL_MENTIONS = 40
MIN_JUDGED_CHARS = 600
# Verbs whose subject undergoes the event named by their object ("faced criticism").
UNDERGO_VERBS = frozenset({"face", "draw", "receive", "attract", "suffer", "endure", "earn",
                           "escape", "survive"})  # "escaped an assassination attempt"
# Verbs whose complement is wished for, not reported ("would like to see China agree").
WISH_VERBS = frozenset({"see", "like", "love", "hope", "wish", "prefer", "dream"})
# "ready to talk", "willing to help": an offer (AGREE) of an act of these types.
READY_ADJ = frozenset({"ready", "willing", "prepared"})
# "reluctant to deepen the cuts", "unwilling to negotiate": a refusal (REJECT).
RELUCTANT_ADJ = frozenset({"reluctant", "unwilling", "loath", "loth", "hesitant"})
OFFERABLE_TYPES = frozenset({"CONSULT", "COOPERATE", "AID", "RETREAT", "SUPPORT", "CONCEDE",
                             "AGREE"})
# What a source declines to do when it refuses nothing but a reporter's question.
NO_COMMENT = frozenset({"comment", "elaborate", "say", "discuss", "respond", "confirm", "answer",
                        "specify", "identify", "name", "disclose", "speak", "reveal", "detail",
                        "provide", "give", "release", "share", "address"})
# Armed or police bodies: their taking to the streets is a show of force, not a protest.
FORCE_NOUNS = frozenset({"force", "troop", "army", "military", "soldier", "police", "militia",
                         "marine", "unit", "battalion", "brigade", "policeman"})
# Cognition verbs: an evaluation under them is an opinion ("I think it was inappropriate").
OPINION_VERBS = frozenset({"think", "believe", "feel", "guess", "suppose", "find", "consider"})
# Collective actions that are a protest when a crowd does them ("protesters gathered").
CROWD_VERBS = frozenset({"gather", "assemble", "march", "rally", "chant", "converge", "parade",
                         "demonstrate", "mass", "flood", "occupy", "storm", "besiege"})
# Cooperative acts whose negated future is a refusal ("we will not withdraw").
REFUSABLE_TYPES = frozenset({"RETREAT", "AID", "COOPERATE", "AGREE", "CONCEDE", "CONSULT"})
# What is seized when a seizure takes ground, not goods (COERCE seize, CAMEO 192).
GROUND_NOUNS = frozenset({"town", "city", "village", "territory", "area", "base", "airport",
                          "position", "district", "region", "control", "province", "hill",
                          "field", "capital", "border", "crossing", "outpost", "stronghold"})
# "did not rule out military action", "refused to rule out force": a threat kept open.
FORCE_NOUNS_OPEN = frozenset({"action", "force", "strike", "attack", "war", "invasion",
                              "intervention", "option", "operation", "retaliation", "response"})
# Auxiliaries of a refusal: "we will not / won't / cannot / would never ...".
REFUSAL_AUX = frozenset({"will", "wo", "would", "can", "ca", "shall", "cannot"})
# Modals of ability: "cannot" / "could not" say what a party is unable to do, which refuses
# something only when it is a demand, offer or proposal that cannot be accepted (cannot_refuses).
ABILITY_AUX = frozenset({"can", "ca", "could", "cannot"})
# Sectors whose "attacks" are words: parties, legislators, media, experts.
VERBAL_SECTORS = frozenset({"PTY", "LEG", "MED", "ELI"})
# Released things that make a release an AID ("aid might be freed").
AID_THEMES = frozenset({"aid", "assistance", "funding", "fund", "money", "loan", "weapon"})
# Types whose clause complement is the thing demanded/offered, not an event of its own.
VERBAL_TYPES = frozenset({"DEMAND", "REQUEST", "THREATEN", "AGREE", "REJECT", "CONCEDE",
                          "ACCUSE", "SUPPORT"})
VERBAL_HEAD_TYPES = frozenset({"DEMAND", "REQUEST", "THREATEN", "AGREE", "REJECT", "CONCEDE"})
# Types whose direct object is what moves or is given, not the recipient.
THEME_OBJECT_TYPES = frozenset({"MOBILIZE", "RETREAT", "PROTEST", "AID"})
DEFAULT_PREPS = frozenset({"on", "against", "at", "towards", "toward", "upon"})
RECIPIENT_PREPS: dict[str, frozenset[str]] = {  # per type; others use DEFAULT_PREPS
    "CONSULT": frozenset({"with", "to"}),  # "talking to Ukraine", "a trip to Beijing"
    "COOPERATE": frozenset({"with"}),
    "AGREE": frozenset({"with", "to"}),
    "AID": frozenset({"to"}) | DEFAULT_PREPS,
    # "apologised to Finland", "paid tribute to the president" (session 40: "to" was missing)
    "SUPPORT": frozenset({"for", "to"}),
    "ASSAULT": frozenset({"from", "with", "into"}) | DEFAULT_PREPS,  # "clashed with police"
    "SANCTION": frozenset({"from", "to"}) | DEFAULT_PREPS,
    "DEMAND": frozenset({"from", "to"}) | DEFAULT_PREPS,  # "diktats to Lam"
    # "pleaded with X", "appealed to X", "a request to X" (round 26: "to" was missing)
    "REQUEST": frozenset({"from", "with", "to"}) | DEFAULT_PREPS,
    "MOBILIZE": frozenset({"against"}),
    "PROTEST": frozenset({"against"}),
    "COERCE": frozenset({"from"}) | DEFAULT_PREPS,
    # "withdrew from Syria" (named places only); "handed over control to an Italian-led unit"
    # (parties only: "returned to Baghdad" names where, not to whom)
    "RETREAT": frozenset({"against", "from", "to"}),
}
NON_ACTOR_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
# Entity labels of a party: a person, an organisation, a state or a people.
PARTY_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Nouns naming what is said, asked, planned or decided, not who (round 34, brief 12AI): as the
# passive subject of a clause an accusation states ("regretted that some of the Flemish demands
# were caricatured") such a noun is what was done to, not the party accused
# (docs/annotation-events.md §6). Elsewhere the gold codes it through a party named on it where
# the act is aimed at that party ("rejected the UN reunification plan" IGOUNO), so it stays.
CONTENT_NOUNS = frozenset({"demand", "request", "call", "plan", "proposal", "offer", "decision",
                           "choice", "statement", "comment", "remark", "speech", "report",
                           "claim", "allegation", "accusation", "rumor", "rumour", "policy",
                           "law", "bill", "resolution", "deal", "agreement", "treaty",
                           "initiative", "idea", "aim", "goal", "record", "stance", "position",
                           "view", "opinion", "agenda", "strategy", "approach", "message"})
# Words that count what a phrase's "of" names ("some of the demands", "dozens of protesters").
COUNTING_WORDS = frozenset({"dozen", "hundred", "thousand", "number", "group", "some", "many"})
# A relative pronoun stands for its antecedent and names no party itself ("Mexico, which ...").
# A word list, not the tagger's WP/WDT as statements.quotes.subject_of reads it: with the tags,
# 6 of the 1,119 events of the two coders on Wikinews dev, dev5 and events.jsonl changed (a
# demonstrative or misparsed "that", tagged DT, became an argument; "what", WP, stopped being
# one), and the swap was to be made only if the output stayed identical (session 22, MISC2).
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
LOCATIVE_PREPS = {"in", "from", "to", "into", "inside", "across", "near", "at", "over", "within",
                  "throughout", "around"}
# Participles whose "by"-agent did the act the noun they describe names ("a coup led by",
# "a rally organised by", "a lawsuit brought by"), unlike a reaction's ("condemned by").
DOER_PARTICIPLES = frozenset({"lead", "organise", "organize", "stage", "launch", "bring", "file",
                              "conduct", "commit", "order", "mount", "carry", "perpetrate",
                              "spearhead", "initiate", "call", "plan"})
# Possessed nouns that name another party ("its allies"), not the possessor's own act/presence.
RELATION_NOUNS = {"ally", "partner", "proxy", "friend", "enemy", "rival", "opponent", "neighbor",
                  "neighbour", "adversary", "counterpart", "supporter", "foe"}
YIELD_OBJECTS = {"demand", "request", "term", "condition", "call", "ultimatum", "pressure"}
# Testimony: a statement reported in it is known only through it ("testified that the
# president had asked ..."): claimed (docs/annotation-events.md, status).
TESTIMONY_CUES = ("testif", "recount", "recall")
MEDIA_WORDS = frozenset({"agency", "news", "newspaper", "paper", "media", "outlet", "television",
                         "tv", "radio", "broadcaster", "daily", "wire", "reuters", "ap", "afp",
                         "xinhua", "tass", "irna", "mehr", "magazine", "channel", "website"})
# Reporting verbs whose object or gerund is known only through the report ("witnesses reported
# hearing gunfire").
REPORTING_HEADS = frozenset({"report", "claim", "allege", "describe", "recount", "recall"})
ALLEGING_CUES = ("charg", "accus", "alleg", "blam", "suspect")
# Verbs whose object names an event the writer reports as a fact: "condemned the attack that
# killed five", "welcomed the ceasefire". Such an object is a statement (quotes stage), but an
# event inside it is not known only through the speaker, so it is not `claimed`
# (docs/annotation-events.md, status). Denials and accusations keep their own status.
PRESUPPOSING_CUES = OBJECT_STATEMENTS - {"deny", "reject", "dismiss", "accuse", "blame"}
# Types whose verbal trigger needs someone (a person or a party) as its actor.
AGENT_TYPES = frozenset({"AGREE", "SUPPORT", "RETREAT", "DEMAND", "CONCEDE", "REQUEST",
                         "REJECT", "THREATEN", "ACCUSE"})
# What a warned party is told it will face ("would face consequences", "pay a heavy price").
THREAT_NOUNS = frozenset({"consequence", "price", "retaliation", "retribution", "punishment",
                          "response", "action", "sanction", "reprisal"})
# Verbs of promising that only introduce a quote ('"...," he vowed') add no event of their own.
VOW_VERBS = frozenset({"vow", "pledge", "promise", "swear"})
# Verbs whose to-infinitive names the act promised, offered or refused, by type: the party that
# act is done to is the event's recipient ("refused to recognize Israel", "offered to cooperate
# with the interim Kyrgyz authorities"), as for a promise.
COMPLEMENT_ACT_VERBS = {"AGREE": VOW_VERBS | {"offer", "agree"},
                        "REJECT": frozenset({"refuse", "decline"})}
# Types whose act a thing object's "with"-party receives ("ruled out any talks with
# Washington", "closed its border with Kyrgyzstan", "agreed to restore ties with Colombia").
WITH_THING_TYPES = frozenset({"AGREE", "REJECT", "COERCE", "CONSULT", "COOPERATE", "SANCTION"})
# Verbs of warning: a threat when the warned-of act is the warner's own ("warned that it would
# retaliate").
WARN_VERBS = frozenset({"warn", "caution"})
# Protest verbs that need a group as subject ("Rublev rallied" is sport, "the index rallied").
GROUP_PROTEST_VERBS = frozenset({"rally", "march", "demonstrate", "chant"})
# Promised actions that make a vow a threat.
THREAT_CONTENT = {"retaliate", "respond", "punish", "attack", "destroy", "crush", "strike",
                  "kill", "hit", "avenge", "fight", "eliminate", "bomb", "invade"}
# Types whose nouns are events only as the object of a light verb ("provided aid").
GOVERNED_NOUN_TYPES = frozenset({"AID"})
# Event nouns coded even when the sentence names no party ("protests in Bolivia").
PARTYLESS_TYPES = frozenset({"PROTEST", "ASSAULT"})
GENERIC_VIOLENCE = {"violence", "fighting", "unrest", "hostility", "riot"}
CROWD_NOUNS = {"protester", "demonstrator", "rioter", "crowd", "mob", "protestor"}
NOUN_HEDGES = {"possible", "planned", "proposed", "potential", "future", "expected", "likely",
               "threatened", "imminent", "upcoming", "prospective", "eventual", "scheduled"}
CLAIM_ADJECTIVES = {"alleged", "reported", "purported", "suspected", "apparent"}
# Prepositions whose clause states what has happened: "after pleading guilty to threatening".
PRESUPPOSING_PREPS = frozenset({"after", "following", "since", "despite"})
# Auxiliaries that give a coordinated verb its own, realis tense.
OWN_TENSE = frozenset({"was", "were", "had", "has", "have", "did", "is", "are"})
PRESUPPOSING_MARKS = {"when", "after", "before", "since", "as", "while", "because", "although",
                      "though", "once", "until"}
CONDITIONAL_MARKS = {"if", "whether", "unless"}
CLAIM_ADVERBS = {"reportedly", "allegedly", "purportedly", "apparently", "supposedly"}
SPEC_ADVERBS = {"possibly", "perhaps", "probably", "maybe", "potentially", "likely"}
# Reporting verbs whose content can carry a speaker's demand ("said X must ...").
SAY_CUES = {"said", "says", "say", "told", "tells", "stressed", "insisted", "added", "stated",
            "declared", "wrote", "tweeted", "warned", "urged", "saying", "telling", "argued"}
NOTHING = {"nothing"}
# "There is no truth to these allegations": a statement denying what is alleged (REJECT).
DENIAL_NOUNS = frozenset({"truth", "basis", "merit", "substance", "foundation"})


@dataclass
class _Draft:
    """One candidate event as the coder's steps refine it (see :meth:`_DocCoder.code`)."""

    tok: Any  # the trigger's head token
    trig: Trigger
    toks: list[Any]  # trigger tokens
    etype: str
    owned: bool = False  # an event noun with its own party ("Beijing's demands")
    speech_act: bool = False  # an evaluation or modal demand: the speaker is the actor
    quote: Quote | None = None
    governor: Any | None = None  # the verb that carries an event noun ("launched an attack")
    a_toks: list[Any] = field(default_factory=list)
    r_toks: list[Any] = field(default_factory=list)
    actors: list[Mention] = field(default_factory=list)
    recips: list[Mention] = field(default_factory=list)
    status: Status = "asserted"
    negated: bool = False
    reasons: set[str] = field(default_factory=set)  # what made it speculative
    kept: bool = False  # an event noun prevented, avoided or refused
    claimant: Mention | None = None  # who claimed responsibility
    mode: str | None = None


class EventCoder:
    """Fill ``doc.events``."""

    name = "events"

    def __init__(self, ontology: str | None = None, resolve: Resolve | None = None,
                 dictionary: ActorDictionary | None = None) -> None:
        self.ontology_path = ontology
        self._resolve = resolve
        # the actor dictionary ``resolve`` reads (the built-ins and the user's files): the learned
        # coder's relevance gate takes its role words from it (diurna.events.gate); None is the
        # built-ins and $DIURNA_ACTORS, what a resolver made without files reads
        self.dictionary = dictionary
        # True keeps an attack's deaths and injuries told again in a later sentence as events
        # of their own (the older guideline of gold/events.jsonl); False drops them
        # (docs/annotation-events.md §2; :mod:`diurna.events.casualties`)
        self.retold_casualties = False

    @property
    def ontology(self) -> Ontology:
        return load_ontology(self.ontology_path)

    def _resolver(self) -> Resolve:
        if self._resolve is None:
            self._resolve = default_resolve()
        return self._resolve

    def doc_coder(self, doc: Document) -> _DocCoder:
        """The rule coder's state for one parsed document."""
        return _DocCoder(doc, self.ontology, MentionFinder(doc, self._resolver()),
                         self.dictionary)

    def __call__(self, doc: Document) -> Document:
        if doc.nlp is None or not doc.text:
            return doc
        coder = self.doc_coder(doc)
        doc.events = self.finished(doc, coder, coder.code())
        return doc

    def finished(self, doc: Document, coder: _DocCoder, events: list[Event]) -> list[Event]:
        """The last steps every coder but the keyword baseline shares, in this order: an
        attack's casualties told again dropped (:meth:`without_retold`), then the parties a
        slot still lacks read from the trigger's clause (:meth:`_DocCoder.with_clause_parties`)
        and from the context (:func:`context_parties`); none adds or drops an event after the
        first."""
        kept = self.without_retold(doc, outside_headings(doc, events))
        return context_parties(doc, coder.with_clause_parties(kept))

    def without_retold(self, doc: Document, events: list[Event]) -> list[Event]:
        """``events`` without an attack's casualties told again (round 22, the guideline's §2),
        unless :attr:`retold_casualties` keeps them. The rule coder, the learned coder and the
        tagger alone (:class:`diurna.events.tagger.TaggerEventCoder`) all call it, so every
        coder but the keyword baseline follows the same rule."""
        if self.retold_casualties:
            return events
        kept = without_retold_casualties(doc, events, self.ontology)
        return events if kept is events else renumbered(doc, kept)


class _DocCoder:
    def __init__(self, doc: Document, onto: Ontology, finder: MentionFinder,
                 dictionary: ActorDictionary | None = None) -> None:
        self.doc = doc
        self.onto = onto
        self.finder = finder
        self.dictionary = dictionary  # see EventCoder.dictionary
        self.parsed = doc.nlp
        # innermost first; statements that are the object of a presupposing verb do not
        # make the events in them claimed
        self.quotes = sorted((q for q in doc.quotes if not self._presupposed(q)),
                             key=lambda q: q.end - q.start)
        self._quote_index: tuple[FirstCovering, FirstCovering, list[int]] | None = None
        self.quotes_by_cue: dict[int, list[Quote]] = {}  # cue start -> statements, in order
        for q in self.quotes:
            if q.cue is not None:
                self.quotes_by_cue.setdefault(q.cue.start, []).append(q)
        self.cue_starts = {q.cue.start for q in doc.quotes if q.cue is not None}
        self.direct_cues = {q.cue.start for q in doc.quotes
                            if q.cue is not None and q.kind == "direct"}
        st = onto.status
        self.spec_aux = set(st.get("speculative_aux", []))
        self.future_aux = set(st.get("future_aux", []))
        self.spec_heads = set(st.get("speculative_heads", []))
        self.spec_adj = set(st.get("speculative_adjectives", []))
        self.denial = set(st.get("denial_verbs", []))
        self.patient_nouns = set(onto.arguments.get("patient_of_nouns", []))
        self.place_nouns = set(onto.arguments.get("place_modified_nouns", []))
        self.non_protest = set(onto.arguments.get("non_protest_modifiers", []))
        self.party_nouns = set(onto.arguments.get("party_nouns", []))
        self.access_verbs = set(onto.arguments.get("access_verbs", []))
        self.person_suffixes = tuple(onto.arguments.get("person_suffixes", []))
        self.thing_nouns = set(onto.arguments.get("thing_nouns", []))
        self.political_nouns = set(onto.arguments.get("political_nouns", []))
        self.person_nouns = self.party_nouns | set(onto.arguments.get("person_nouns", [])) | (
            CROWD_NOUNS)
        self.political_news = self._political_news()

    def _political_news(self) -> bool:
        """Is this page political news? Event coders run a relevance step before coding (POLECAT
        and NGEC use a classifier); ours is the density of dictionary actors of public sectors
        (government, military, police, rebels, legislature, courts, parties, IGOs): at least
        ``POLITICAL_DENSITY`` per 1,000 characters of body, or ``POLITICAL_MENTIONS`` in all.
        On other pages (sports, culture, business, science) only acts with a political party
        are coded, so "Rublev rallied to beat Bautista-Agut" gives nothing."""
        if len(self.doc.text) < MIN_JUDGED_CHARS:
            return True  # a sentence or a brief: too short to judge, so coded in full
        public = public_mentions(self.doc)
        return public >= POLITICAL_MENTIONS or (
            public * 1000 >= POLITICAL_DENSITY * max(len(self.doc.text), 1))

    # ---------------------------------------------------------------- triggers
    def match(self, tok: Any) -> tuple[Trigger, list[Any]] | None:
        """The trigger-lexicon entry ``tok`` opens, with the words of its trigger, or ``None``
        when it is no trigger here (a name's word, a refusal to comment, a kind of act ...)."""
        if refuses_comment(tok):
            return None  # "refused to comment": a reporter's question refused, no event
        if tok.pos_ in {"VERB", "AUX"} and refuses_entry(tok):
            return Trigger("COERCE", tok.lemma_.lower(), "verb", None, "restrict"), [tok]
        lemma = tok.lemma_.lower()
        if tok.dep_ in {"compound", "amod", "npadvmod"} and tok.pos_ != "ADJ":
            return None
        if _in_name(tok):
            return None  # "the Trade Partnership", "United Launch Alliance": a name, not an act
        if tok.pos_ == "VERB" and tok.dep_ not in {"amod", "compound"}:
            if lemma in COMPLY_VERBS and any(c.dep_ == "neg" for c in tok.children) and (
                    not ability_negated(tok) or cannot_refuses(tok)):
                return Trigger("REJECT", lemma, "verb", "not"), [tok]  # "will not accept"
            if lemma == "set" and any(c.dep_ == "prep" and c.lower_ in {"on", "ablaze"} and any(
                    g.lemma_.lower() == "fire" for g in c.children) for c in tok.children) and \
                    any(c.dep_ in {"dobj", "nsubjpass"} and self._is_party(c) or
                        c.lemma_.lower() in self.person_nouns for c in tok.children):
                return Trigger("ASSAULT", lemma, "verb", None, "primitive"), [tok]  # set on fire
            if lemma == "take" and any(c.dep_ == "prep" and c.lower_ == "to" and any(
                    g.lemma_.lower() == "street" for g in c.children) for c in tok.children):
                subj = subject_of(tok)
                if subj is not None and subj.lemma_.lower() in FORCE_NOUNS:
                    return Trigger("MOBILIZE", lemma, "verb", None, "troops"), [tok]
                return Trigger("PROTEST", lemma, "verb", None, "demo"), [tok]  # took to the streets
            if lemma in CROWD_VERBS:
                subj = subject_of(tok)
                if subj is not None and subj.lemma_.lower() in CROWD_NOUNS | {
                        "people", "thousand", "hundred", "student", "worker", "resident"} and \
                        not any(c.dep_ == "nsubjpass" for c in tok.children):
                    return Trigger("PROTEST", lemma, "verb", None, "demo"), [tok]
            if lemma == "plead" and any(c.lower_ == "innocent" or (c.lower_ == "guilty" and any(
                    g.dep_ == "neg" for g in (*c.children, *tok.children))) for c in tok.children):
                return Trigger("REJECT", lemma, "verb"), [tok]  # "pleaded not guilty"
            if lemma == "decline" and any(c.dep_ == "xcomp" and c.lemma_.lower() in NO_COMMENT
                                          for c in tok.children):
                return None  # "declined to comment" refuses nothing
            if lemma in WARN_VERBS and any(
                    (c.dep_ == "xcomp" or _object_infinitive(c)) and any(
                        g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
                    for c in tok.children):
                return Trigger("REQUEST", lemma, "verb"), [tok]  # "warned people to stay away"
            for trig in self.onto.verbs.get(lemma, ()):
                got = self._verb_ok(tok, trig)
                if got is not None:
                    if trig.type == "PROTEST" and not self._protesters(tok, lemma):
                        continue
                    if lemma in PERSON_VICTIM_VERBS and self._thing_victim(tok):
                        continue
                    return trig, got
            if lemma in WARN_VERBS and self._own_future_act(tok):
                return Trigger("THREATEN", lemma, "verb", None, None), [tok]
        if tok.pos_ == "ADJ" and lemma in RELUCTANT_ADJ and tok.dep_ in {"acomp", "ROOT"} and any(
                c.dep_ == "xcomp" for c in tok.children):
            return Trigger("REJECT", lemma, "verb"), [tok]  # "has been reluctant to deepen cuts"
        if tok.pos_ == "ADJ" and lemma in READY_ADJ and any(
                c.dep_ == "xcomp" and any(t.type in OFFERABLE_TYPES
                                          for t in self.onto.verbs.get(c.lemma_.lower(), ()))
                for c in tok.children):
            return Trigger("AGREE", lemma, "verb"), [tok]  # "stands ready to support talks"
        if tok.pos_ in {"NOUN", "PROPN"} or (tok.pos_ == "VERB" and tok.dep_ in {
                "pobj", "dobj", "nsubj", "nsubjpass"}):
            for key in dict.fromkeys((lemma, tok.lower_)):
                for trig in self.onto.nouns.get(key, ()):
                    got = self._noun_ok(tok, trig)
                    if got is not None:
                        return trig, got
        if (tok.pos_ in {"ADJ", "VERB"} and (
                tok.dep_ in {"acomp", "attr", "oprd", "amod", "pobj"} or (
                    tok.dep_ == "conj" and tok.head.dep_ in {"acomp", "attr"}))
                ) or (tok.pos_ == "NOUN" and tok.dep_ in {"attr", "oprd"}):
            # ("was unusual and inappropriate": the second of two predicates too)
            for key in (tok.lower_, lemma):
                for trig in self.onto.adjectives.get(key, ()):
                    return trig, [tok]
        if tok.pos_ == "NOUN" and lemma in DENIAL_NOUNS and any(
                c.dep_ == "det" and c.lower_ == "no" for c in tok.children) and (
                self.quote_at(tok.idx) is not None):
            det = next(c for c in tok.children if c.dep_ == "det")
            return Trigger("REJECT", lemma, "adjective", "not"), [det, tok]  # "no truth to"
        if tok.pos_ == "ADJ" and tok.dep_ in {"acomp", "attr"} and lemma in NEGATED_REJECT_ADJ:
            neg = next((c for c in (*tok.children, *tok.head.children) if c.dep_ == "neg"), None)
            if neg is not None:  # "is not true", "is not feasible"
                return Trigger("REJECT", lemma, "adjective", "not"), [tok, neg]
        return None

    def _thing_victim(self, tok: Any) -> bool:
        """"killed the bill", "shot a video", "killed and eaten a wild rabbit": verbs of harm
        to people whose object is a thing or an animal (WordNet gives the noun no sense of a
        person or group) report no assault. (The object of the last of coordinated verbs is
        shared: "killed and eaten a rabbit".)"""
        objs = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
        if not objs:
            objs = [g for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"
                    for g in c.children if g.dep_ == "dobj"]
        return bool(objs) and all(
            o.pos_ == "NOUN" and not o.ent_type_ and not self._personal(o)
            and never_people(o.lemma_.lower()) and o.lemma_.lower() not in MEASURE_NOUNS
            for o in objs)

    def _verb_ok(self, tok: Any, trig: Trigger) -> list[Any] | None:
        toks = [tok]
        if trig.part is not None:
            part = next((c for c in tok.children if c.dep_ in {"prt", "prep", "advmod"}
                         and c.lower_ == trig.part and 0 < c.i - tok.i <= 2), None)
            if part is None:
                return None
            toks.append(part)
        if trig.objects is None and trig.requires is None:
            return toks
        objs = [_antecedent(tok, c) for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
        if not objs and trig.objects is not None:  # intransitive: "military aid stalled"
            objs = [c for c in tok.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
        if not objs and tok.dep_ == "acl" and tok.tag_ == "VBN":
            objs = [tok.head]  # "the tariffs imposed on Sept. 1"
        if not objs and any(c.dep_ == "auxpass" for c in tok.children):
            subj = subject_of(tok)  # "tried to enter but was caught by police"
            objs = [subj] if subj is not None and subj.i != tok.i else []
        if trig.objects is not None:
            lemmas = {c.lemma_.lower() for c in objs}
            lemmas |= {g.lemma_.lower() for c in objs for g in c.children
                       if g.dep_ in {"compound", "amod"}}
            lemmas |= {g.lemma_.lower() for c in objs for p in c.children if _measure(c)
                       and p.dep_ == "prep" and p.lower_ in {"of", "in"}
                       for g in p.children if g.dep_ == "pobj"}  # "$391 million in aid"
            if lemmas.intersection(trig.objects):
                return toks
            if "@party" in trig.objects and any(self._is_party(c) for c in objs):
                return toks
            if "@place" in trig.objects and any(c.ent_type_ in {"GPE", "LOC"} for c in objs):
                return toks  # "troops left Syria"; not "left the court", "left her intrigued"
        if trig.requires is not None and self._frame_ok(tok, trig.requires, objs):
            return toks
        return None

    def _frame_ok(self, tok: Any, requires: tuple[str, ...], objs: list[Any]) -> bool:
        """``requires``: dependency labels (xcomp, ccomp), prepositions ("for", "with"),
        ``@party`` (the object is a named party) or ``@noobj`` (no object)."""
        deps = {"xcomp" if _object_infinitive(c) else c.dep_ for c in tok.children}
        # "mark": the parser sometimes hangs a preposition as a clause marker ("pleaded with")
        preps = {c.lower_ for c in tok.children if c.dep_ in {"prep", "prt", "dative", "mark"}
                 and c.i > tok.i}
        preps |= {g.lower_ for c in tok.children if c.dep_ in {"advcl", "ccomp", "xcomp"}
                  for g in c.children if g.dep_ == "mark" and g.i == tok.i + 1}
        # "discuss investigations with the Ukrainians": the parser hangs "with" on the object
        preps |= {g.lower_ for o in objs for g in o.children if g.dep_ == "prep"}
        for req in requires:
            if req in deps or req in preps:
                return True
            if req == "@party" and any(self._is_party(c) for c in objs):
                return True
            if req == "@noobj" and not objs and not deps & {"ccomp", "xcomp", "dobj"}:
                return True
            if req == "@poss" and any(c.dep_ in {"poss", "nmod"} and self._is_party(c)
                                      for c in tok.children):
                return True  # "Trump's July 25 call"
            if req == "@access" and any(
                    c.dep_ in {"xcomp", "ccomp"} and c.lemma_.lower() in self.access_verbs
                    for c in tok.children):
                return True  # "allowed aid trucks to enter Gaza"
            if req == "@subjunctive" and any(
                    c.dep_ == "ccomp" and _subjunctive(c) for c in tok.children):
                return True  # "insisted that Washington stop interfering": a demand
            if req == "@on_strike" and tok.dep_ == "pobj" and tok.head.lower_ == "on":
                return True  # "went on strike"
        return False

    def _span(self, m: Mention) -> Any | None:
        """The parse tokens of a mention (None when its offsets do not align with them)."""
        return self.parsed.char_span(m.start, m.end, alignment_mode="expand")

    def _political(self, m: Mention) -> bool:
        """An identified party: in the actor dictionary, a state or people ("Syria",
        "Uighurs"), or a common noun for a political, armed or public body ("police",
        "troops", "protesters")."""
        if m.actor is not None:
            return True
        span = self._span(m)
        if span is None:
            return False
        if any(t.ent_type_ in {"NORP", "GPE"} or t.tag_ == "NNPS" for t in span):
            return True  # states and peoples ("Uighurs", "Kurds")
        return self._body_noun(m)

    def _public(self, m: Mention) -> bool:
        """A party of public life, judged strictly for pages that are not political news: a
        state, a dictionary body of a public sector, or a common noun for one ("police"). A
        surname alone ("Ford") or a context-coded civilian ("the man") is not enough there."""
        if m.actor is not None and m.actor.kind != "person":
            code = m.actor.cameo
            if len(code) == 3 or code[:3] == "IGO" or code[3:6] in PUBLIC_SECTORS:
                return True
        return self._body_noun(m)

    def _body_noun(self, m: Mention) -> bool:
        """The mention's head is a common noun of ``arguments.political_nouns`` ("police")."""
        span = self._span(m)
        return span is not None and span.root.pos_ == "NOUN" and (
            span.root.lemma_.lower() in self.political_nouns)

    def _personal(self, tok: Any) -> bool:
        """A party, or a noun for people even without a code ("the opposition leader")."""
        lemma = tok.lemma_.lower()
        return self._is_party(tok) or (tok.pos_ == "NOUN" and lemma not in self.thing_nouns and (
            lemma in self.person_nouns or lemma.endswith(self.person_suffixes)))

    def _is_party(self, tok: Any) -> bool:
        if tok.ent_type_ in PARTY_ENTS or tok.lower_ in {
                "him", "her", "them", "us", "me"}:
            return True
        lemma = tok.lemma_.lower()
        if tok.pos_ == "NOUN" and (lemma in HUMAN_NOUNS or is_person_noun(lemma)):
            return True  # "rescued the girl", "met with voters": people, with or without a code
        if tok.pos_ == "NOUN" and lemma not in self.person_nouns and \
                lemma not in self.political_nouns and (
                    lemma in self.thing_nouns or not lemma.endswith(self.person_suffixes)):
            return False  # "Hong Kong's way of life", "the U.S. border": things, whoever owns them
        m = self.finder.for_token(tok)
        return m.actor is not None

    def _noun_ok(self, tok: Any, trig: Trigger) -> list[Any] | None:
        toks = [tok]
        if trig.part is not None:
            comp = next((c for c in tok.children if c.dep_ in {"compound", "amod", "nmod"}
                         and c.lemma_.lower() == trig.part), None)
            if comp is not None:
                toks.insert(0, comp)
            else:
                before = self.doc.text[max(0, tok.idx - len(trig.part) - 1): tok.idx].lower()
                if before.rstrip(" -") != trig.part and not before.startswith(trig.part):
                    return None
                start = tok.idx - len(before)
                toks.insert(0, self.parsed.char_span(start, tok.idx + len(tok),
                                                     alignment_mode="expand")[0])
        light = tok.head.lemma_.lower() if tok.dep_ == "dobj" else None
        if trig.requires is not None and not self._frame_ok(tok, trig.requires, []) and not (
                light in STRIKE_LIGHT_VERBS if "@on_strike" in trig.requires
                else light in LIGHT_VERBS):
            return None  # "support for X", or "expressed support"; "staged a strike" is a
            # walkout, "carried out strikes" are attacks
        if trig.objects is not None:
            return None
        return toks

    # ---------------------------------------------------------------- mentions
    def mention(self, tok: Any) -> Mention | None:
        """The party ``tok`` names: a pronoun through the quote's speaker ("we" in a direct
        quote), the reporting clause's subject or the nearest fit antecedent; a relative
        pronoun names none; a word without an actor falls back on its possessor's."""
        if is_pronoun(tok):
            listed = self.finder.listed(tok)  # the actors stage may have resolved it already
            if listed is not None and listed.actor is not None:
                return listed
            if tok.lower_ in {"i", "we", "me", "us", "my", "our"}:
                q = self.quote_at(tok.idx, direct_only=True)
                return q.speaker if q is not None else None
            subj = None
            # "X claimed that it had ...": the subject pronoun of the reported clause is X
            clause = tok.head
            if tok.dep_ == "nsubj" and clause.dep_ == "ccomp" and is_speech_verb(clause.head):
                subj = subject_of(clause.head)
            if subj is not None and subj.i != tok.i and not is_pronoun(subj):
                m = self.finder.for_token(subj)
                if m.actor is not None:
                    return m
            return self._antecedent(tok) or self.finder.for_token(tok)
        if tok.lower_ in RELATIVE_PRONOUNS and tok.pos_ != "PROPN":
            return None  # (not "the WHO")
        m = self.finder.for_token(tok)
        if m.actor is None and tok.lemma_.lower() not in RELATION_NOUNS:
            for child in tok.children:
                if child.dep_ == "poss":
                    alt = self.mention(child)
                    if alt is not None and alt.actor is not None:
                        return alt
        return m

    def _antecedent(self, tok: Any) -> Mention | None:
        """Nearest earlier actor mention fit for a 3rd-person pronoun: right person-ness, not a
        place after a locative preposition ("withdraw its troops from Syria saying that its
        presence ...": its = the US)."""
        person = pronoun_person(tok)
        pos = tok.idx
        for _ in range(12):
            m = self.finder.before(pos, person=person)
            if m is None:
                return None
            span = self._span(m)
            head = span.root if span is not None else None
            if head is not None and head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS:
                pos = m.start
                continue
            return m
        return None

    def mentions(self, toks: Iterable[Any]) -> list[Mention]:
        """The mentions of ``toks`` and of their conjuncts, each span once, in order."""
        out: list[Mention] = []
        for tok in toks:
            for t in [tok, *conjuncts(tok)]:
                m = self.mention(t)
                if m is None:
                    continue
                first = self._coordinated_modifier(t, m)
                for x in ([first] if first is not None else []) + [m]:
                    if all((x.start, x.end) != (o.start, o.end) for o in out):
                        out.append(x)
        return out

    def _coordinated_modifier(self, head: Any, m: Mention) -> Mention | None:
        """"the Russian and Syrian defense ministries": the mention of the head phrase starts
        at the second modifier; the first one ("Russian") is a party of its own, and the first
        named."""
        span = self._span(m)
        if span is None:
            return None
        first = span[0]
        if first.dep_ != "conj" or first.head.i >= first.i or first.head.head.i != head.i:
            return None
        got = self.finder.listed(first.head)
        return got if got is not None and got.actor is not None else None

    # ---------------------------------------------------------------- arguments
    def verb_args(self, tok: Any, etype: str) -> tuple[list[Any], list[Any]]:
        """The words of the actors and of the recipients of the verb trigger ``tok`` of type
        ``etype``: its subject (or the one up the tree), "by"-agent, objects and the objects of
        its recipient prepositions."""
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children) or (
            _reduced_passive(tok))
        actors: list[Any] = []
        recips: list[Any] = []
        for c in tok.children:
            if c.dep_ == "nsubj" and not passive:
                if c.lower_ in RELATIVE_PRONOUNS and tok.dep_ == "relcl":
                    actors.append(tok.head)  # "Mexico, which granted him asylum"
                else:
                    actors.append(c)
            elif c.dep_ == "agent":
                actors.extend(g for g in c.children if g.dep_ == "pobj")
            elif c.dep_ == "nsubjpass":
                recips.append(_antecedent(tok, c))  # "hostages who had been held"
            elif c.dep_ == "dative" and c.pos_ in {"PRON", "PROPN", "NOUN"}:
                recips.append(c)  # "granted him asylum"
            elif c.dep_ in {"dobj", "dative"}:
                if self._released(tok):
                    recips.append(c)
                elif self._theme_object(tok, etype):  # "imposed sanctions on Moscow"
                    recips += self.prep_objects(c, etype)
                elif etype == "AID" and self._is_party(c) and (any(
                        x.dep_ in {"nsubj", "agent"} for x in tok.children) or (
                        tok.dep_ == "conj" and subject_of(tok) is not None)):
                    recips.append(c)  # "trained the opposition forces", "admitted refugees"
                elif (etype not in THEME_OBJECT_TYPES or self._released(tok)) and (
                        c.ent_type_ not in NON_ACTOR_ENTS or c.ent_type_ == "CARDINAL"):
                    recips.append(c)
        if not actors and not passive and tok.dep_ == "acl" and tok.head.pos_ in {
                "PROPN", "NOUN"} and (tok.tag_ == "VBD" or (
                    tok.tag_ == "VBN" and any(c.dep_ == "dobj" for c in tok.children))):
            actors.append(tok.head)  # "The Palestinian Authority - which ... - called for";
            # "coalition airstrikes killed 20 civilians" (a participle with an object is finite)
        owner = self._things_owner(tok) if not passive and all(
            a.i == tok.head.i for a in actors) else None
        if owner is not None:
            actors = [owner]  # "issued a statement condemning", "had the opportunity to meet"
        charged = tok.head if tok.dep_ == "conj" and tok.tag_ == "VBG" else tok
        if not actors and not passive and charged.dep_ == "pcomp":
            # ("accused the RSF of killing civilians and blocking aid": both are the RSF's)
            accused = self._accused(charged)
            if accused is not None:
                actors.append(accused)  # the charged did it, not the prosecutors
        if not actors and not passive:
            subj = subject_of(tok)
            if subj is not None and subj.i != tok.i:
                actors.append(subj)
        if passive and not recips and not any(c.dep_ == "nsubjpass" for c in tok.children):
            # "returned home after being deported", "was caught by police and deported"
            subj = _shared_subject(tok)
            if subj is not None and subj.i != tok.i and subj.lower_ not in RELATIVE_PRONOUNS:
                recips.append(subj)
            if not actors and tok.dep_ == "conj":
                actors.extend(_agent_objects(tok.head))
        preps = self.prep_objects(tok, etype)
        if any(self._personal(r) for r in recips):
            # the one acted on is known: "stabbed on a train", "arrested at his home" and
            # "impeached on two counts" say where or why, not whom
            preps = [g for g in preps if g.pos_ in {"PROPN", "PRON"} or self._personal(g)]
        recips += preps
        if etype in {"CONSULT", "COOPERATE"}:  # "discuss investigations with the Ukrainians"
            recips += [g for c in tok.children if c.dep_ == "dobj"
                       for g in self.prep_objects(c, etype)]
        if not recips and etype in {"DEMAND", "REQUEST"}:
            # "pleaded with the administration to reconsider", "demanded that Iran withdraw":
            # the one asked is the subject of the clause asked for
            clauses = [c for c in tok.children if c.dep_ in {"ccomp", "xcomp", "advcl"}]
            clauses += [g for c in tok.children if c.dep_ == "prep" for g in c.children
                        if g.dep_ == "pcomp"]  # "pleaded with [the administration to ...]"
            recips += [g for c in clauses for g in c.children if g.dep_ == "nsubj"
                       and g.lower_ not in {"who", "which", "that", "it"}]
        if not recips and etype == "ACCUSE":
            # "complained that the monitors had left", "alleged that Colombia had violated":
            # the one accused is the subject of the clause the accusation states
            recips += [g for c in tok.children if c.dep_ == "ccomp" for g in _accused_in(c)]
        if not recips and etype in {"THREATEN"}:  # "threatened to kill Rep. Omar"
            recips += [g for c in tok.children if c.dep_ == "xcomp"
                       for g in c.children if g.dep_ == "dobj"]
        blamed = _pobjs([tok], {"on"}) if tok.lemma_.lower() == "blame" else []
        if blamed:
            recips = blamed  # "blaming it on the rebels": the rebels are accused, not "it"
        for a in [x for t in actors for x in (t, *conjuncts(t))]:  # "..., including Iran"
            actors += _pobjs([a], {"including"})
        return actors, recips

    def with_clause_parties(self, events: list[Event]) -> list[Event]:
        """``events`` with a party read from the clause around the trigger in each slot the rule
        steps coded none (:meth:`_clause_recipients`, :meth:`_clause_actors`), kept only when
        it names a coded party.

        Why as a last step over the final events: every coder's later steps (the learned
        coder's features, merging, retelling and casualty checks) read the parties, and these
        readings, made inside the rule steps, added and dropped events on the training
        articles; here they change who did an act to whom and nothing else (round 24,
        docs/events-learned.md)."""
        out: list[Event] = []
        for event in events:
            tok = trigger_head(self.parsed, event.trigger.start, event.trigger.end)
            if tok is not None and event.type == "MOBILIZE":
                event = self._force_moved(tok, event)
            if tok is not None and not any(actor_code(m) for m in event.actors):
                found = self.mentions(self._clause_actors(tok))
                if not any(actor_code(m) for m in found):
                    found = self._document_authors(tok, event.actors)
                if any(actor_code(m) for m in found):
                    event = replace(event, actors=found)
            if tok is not None and not any(actor_code(m) for m in event.recipients):
                found = self.mentions(self._clause_recipients(tok, event.type))
                if any(actor_code(m) for m in found):
                    event = replace(event, recipients=found)
            out.append(event)
        return out

    def _force_moved(self, tok: Any, event: Event) -> Event:
        """MOBILIZE ``event`` with the force a passive trigger moves as its actor, where no one
        is named as moving it: "6,000 African Union troops have been dispatched", "UN troops
        will be sent to Darfur". A show of force has the force (or who sends it) as its actor
        and no recipient (docs/annotation-events.md, MOBILIZE); the verb steps read any passive
        subject as the one acted on."""
        if any(actor_code(m) for m in event.actors) or any(
                c.dep_ == "agent" for c in tok.children):
            return event  # "were sent by the government": the sender acts
        own = [c for c in tok.children if c.dep_ == "nsubjpass"]
        if not own and any(c.dep_ == "auxpass" for c in tok.children):
            # "Military personnel were reported to have been dispatched": up the tree
            up = _shared_subject(tok)
            own = [up] if up is not None and up.i != tok.i else []
        moved = self.mentions(own)
        if not any(actor_code(m) for m in moved):
            return event
        rest = [r for r in event.recipients if not any(_same(r, m) for m in moved)]
        return replace(event, actors=moved, recipients=rest)

    def _document_authors(self, tok: Any, actors: list[Mention]) -> list[Mention]:
        """The mentions of who wrote the document an actor phrase names ("The report accuses ..."):
        the author given at the nearest earlier mention of that document in the article ("In
        an official report issued on Monday, Iraqi authorities demanded ..."). Why: the
        annotators code a report's, statement's or study's acts as its author's, and the later
        mentions name only the document. Only for the document that is the trigger's own
        argument, or of the verb it is joined to ("The report accuses ... and demands"), not
        an act inside what it says ("The report recommends that the US release them")."""
        for m in actors:
            span = self._span(m)
            if span is None:
                continue
            head = span.root
            lemma = head.lemma_.lower()
            own = {tok.i, tok.head.i} if tok.dep_ == "conj" else {tok.i}
            if head.head.i not in own or lemma not in DOCUMENT_NOUNS or not any(
                    c.dep_ == "det" and c.lower_ in {"the", "this", "that"}
                    for c in head.children):
                continue
            start = head.sent.start
            for earlier in reversed(self.parsed[:start]):
                if earlier.lemma_.lower() == lemma and earlier.pos_ == "NOUN":
                    authors = self.mentions(_author_of(earlier))
                    if any(actor_code(a) for a in authors):
                        return authors
        return []

    @staticmethod
    def _clause_actors(tok: Any) -> list[Any]:
        """The "by"-agent of a participle of doing (``DOER_PARTICIPLES``) describing the event
        noun ``tok``: "a rally organised by a coalition of environmental groups", "a coup led
        by Col. Vall"; not "the crackdown, condemned by Britain" (a reaction, not the doer)."""
        if tok.pos_ not in {"NOUN", "PROPN"}:
            return []
        return [g for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"
                and c.lemma_.lower() in DOER_PARTICIPLES for g in _agent_objects(c)]

    def _clause_recipients(self, tok: Any, etype: str) -> list[Any]:
        """The recipient words of trigger head ``tok`` that the verb and noun steps do not read:
        the noun a participle with a "by"-agent describes ("sailors seized by Iran"), who is to
        do the act a demand asks for ("called for Arroyo's resignation", "requires the
        withdrawal of all Syrian forces"), the one a describing verb names ("called Washington
        the enemy of Islam") and the subject of the clause an accusation noun states
        ("accusations that Israel had broken the truce")."""
        if tok.lemma_.lower() in COMPLEMENT_ACT_VERBS.get(etype, ()):
            promised = self._promised_to(tok)
            if promised:
                return promised
        if tok.pos_ not in {"VERB", "AUX"}:
            if etype in {"DEMAND", "REQUEST"}:
                # "requests by Afghans for NATO to spread": the one asked is who is to act,
                # parsed as the subject of a "for"-clause or as a "for"-object beside a
                # to-infinitive on the noun
                asked = [g for c in tok.children if c.dep_ == "acl" and any(
                    m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
                    for g in c.children if g.dep_ == "nsubj" and self._is_party(g)]
                if not asked and any(c.dep_ == "acl" and any(
                        a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                        for c in tok.children):
                    asked = [g for g in _pobjs([tok], {"for"}) if self._is_party(g)]
                if asked:
                    return asked
            if etype == "ACCUSE" and tok.dep_ == "attr" and tok.head.lemma_ == "be":
                # "the separatists are the biggest terrorist threat": the one so named
                return [c for c in tok.head.children if c.dep_ == "nsubj" and self._is_party(c)]
            return self._named_or_charged(tok, etype)
        described = _described_patient(tok)
        if described is not None:  # (people or a party: not "the crackdown, condemned by")
            return [described] if self._personal(described) else []
        aimed = self._aimed_at(tok, etype)
        if aimed:
            return aimed
        if etype not in {"DEMAND", "REQUEST"}:
            return []
        acts = [c for c in tok.children if c.dep_ == "dobj" and c.pos_ == "NOUN"
                and not self._is_party(c)] + _pobjs([tok], {"for"})
        return [p for act in acts for p in self._asked_party(act)]

    def _aimed_at(self, tok: Any, etype: str) -> list[Any]:
        """The parties a verb's thing object is aimed at: "threatened an open war against the
        Iraqi government", "brought charges against him", and for the types of a relation
        between two parties (``WITH_THING_TYPES``) the one it is with: "ruled out any talks
        with Washington". Why: the act is done to them, and the verb step read only the
        object, which names no party; "against" names the one opposed whatever the type."""
        preps = {"against", "with"} if etype in WITH_THING_TYPES else {"against"}
        things = [c for c in tok.children if c.dep_ == "dobj" and not self._is_party(c)]
        return [g for g in _pobjs(things, preps) if self._is_party(g)]

    def _promised_to(self, tok: Any) -> list[Any]:
        """The parties the act a promise, offer or refusal names is done to: "pledged to end
        military operations against Palestinians", "a pledge by Israel to release 900
        Palestinian prisoners", "refuses to recognize Israel", "offered to cooperate with the
        new leaders". Why: the annotators code them as the recipient of the promise (AGREE)
        or refusal (REJECT), as a threat's recipient is the one the threatened act hits; only
        parties, so "pledged to hold talks" names none."""
        acts = [c for c in tok.children if c.dep_ == "xcomp" or (
            c.dep_ in {"acl", "relcl"} and c.pos_ == "VERB"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))]
        objs = [c for act in acts for c in act.children if c.dep_ == "dobj"]
        found = [o for o in objs if self._is_party(o)]
        found += [g for g in _pobjs(acts + objs, {"to", "against", "on", "with"})
                  if self._is_party(g)]
        return found

    def _asked_party(self, act: Any) -> list[Any]:
        """Who is to do ``act``, the noun of an act asked for ("for Arroyo's resignation", "for
        the exile of Saddam", "for an apology from the UK"): its possessor, else its "of"-object
        unless the act is done to that one ("the release of the hostages"), else its
        "from"-object; none when the act names no party."""
        owner = [c for c in act.children if c.dep_ == "poss"]
        if owner:
            return owner
        agents = [g for c in act.children if c.dep_ in {"acl", "relcl"} for g in _agent_objects(c)]
        if any(self._is_party(g) for g in agents):
            return agents  # "called for the decision to be reconsidered by the Commission"
        if act.lemma_.lower() not in self.patient_nouns:
            doer = [g for g in _pobjs([act], {"of"}) if self._is_party(g)]
            if doer:
                return doer
        return [g for g in _pobjs([act], {"from"}) if self._is_party(g)]

    def _named_or_charged(self, tok: Any, etype: str) -> list[Any]:
        """The one a describing verb names as what the event noun ``tok`` says ("Tehran called
        Washington the enemy of Islam", "calls Bush a liar and a failure": the object of
        "call"), or, for an accusation, the subject of the clause it states ("accusations that
        Israel is ...", "charges that Williamson mishandled funds"), as the verb steps read
        "alleged that Colombia had violated"."""
        node = tok
        while node.dep_ == "conj" and node.head.i != node.i:
            node = node.head  # ("a liar and a failure")
        if node.dep_ == "oprd" and node.head.lemma_.lower() in DESCRIBE_VERBS:
            return [c for c in node.head.children if c.dep_ in {"dobj", "nsubjpass"}]
        if etype != "ACCUSE":
            return []
        clauses = [c for c in tok.children if c.dep_ in {"acl", "ccomp"}
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
        return [g for c in clauses for g in c.children if g.dep_ in {"nsubj", "nsubjpass"}
                and g.lower_ not in {"who", "which", "that", "it", "this", "there"}]

    @staticmethod
    def _things_owner(tok: Any) -> Any | None:
        """Who acts through a thing a participle or infinitive describes: the subject of the
        verb whose object the thing is ("Sherpao issued a statement condemning the attack",
        "Putin had the opportunity to meet ...", "Australia will press on with plans to
        withdraw"), as the annotators read it; None when the described noun may be people
        ("protesters carrying signs" are the actors themselves)."""
        noun = tok.head
        if tok.dep_ != "acl" or tok.tag_ not in {"VBG", "VB"} or noun.pos_ != "NOUN" or \
                not never_people(noun.lemma_.lower()):
            return None
        if noun.dep_ == "dobj":
            verb = noun.head
        elif noun.dep_ == "pobj" and noun.head.dep_ == "prep":
            verb = noun.head.head
        else:
            return None
        if verb.pos_ not in {"VERB", "AUX"}:
            return None
        subj = subject_of(verb)
        return subj if subj is not None and subj.lower_ not in {"which", "that", "it"} else None

    def _recipient_heads(self, toks: list[Any], etype: str) -> list[Any]:
        """Refine recipient phrases: "dozens of protesters" -> protesters; an event noun
        ("condemned the attack by gunmen") -> that event's actors; CONSULT keeps only named
        parties ("discussed the crisis" has no recipient)."""
        out: list[Any] = []
        for tok in toks:
            inner = _counted(tok)
            if inner:
                out.extend(inner)
                continue
            got = self.match(tok) if tok.pos_ in {"NOUN", "PROPN"} else None
            if got is not None and got[0].pos == "noun":
                a, _, _ = self.noun_args(tok, got[0].type)
                out.extend(a)
                continue
            if etype == "CONSULT" and not (tok.ent_type_ in PARTY_ENTS
                                           or tok.pos_ in {"PROPN", "PRON"}):
                m = self.mention(tok)
                if m is None or m.actor is None:
                    continue
            out.append(tok)
        return out

    def _released(self, tok: Any) -> bool:
        """Released people are the recipients of a RETREAT/release."""
        got = self.match(tok)
        return bool(got is not None and got[0].mode == "release")

    def _theme_object(self, tok: Any, etype: str) -> bool:
        """The object of an object-constrained trigger ("impose a no-fly zone") is its theme,
        unless it is a party ("summoned the U.S. ambassador")."""
        got = self.match(tok)
        if got is None or got[0].objects is None:
            return False
        objs = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
        return not any(self._is_party(c) for c in objs)

    def prep_objects(self, tok: Any, etype: str) -> list[Any]:
        """The objects of ``tok``'s prepositions that name an ``etype`` event's recipient
        (``RECIPIENT_PREPS``), without mediums ("on television") and places left."""
        preps = RECIPIENT_PREPS.get(etype, DEFAULT_PREPS)
        out: list[Any] = []
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                out.extend(g for g in c.children
                           if g.dep_ == "pobj" and g.ent_type_ not in NON_ACTOR_ENTS and not (
                               c.lower_ == "on" and g.lower_ in MEDIUMS) and not (
                               etype == "COERCE" and c.lower_ == "from"
                               and g.ent_type_ in {"GPE", "LOC", "FAC"}) and not (
                               etype == "RETREAT" and c.lower_ == "from"
                               and g.ent_type_ not in {"GPE", "LOC", "NORP", "ORG"}) and not (
                               etype == "RETREAT" and c.lower_ == "to"
                               and g.ent_type_ in {"GPE", "LOC", "FAC"}))
        return out  # ("deported from Arizona": the place left, not the one deported)

    def noun_args(self, tok: Any, etype: str) -> tuple[list[Any], list[Any], Any | None]:
        """The words of the actors and recipients of the event noun ``tok`` (its possessor,
        modifiers and prepositions, or the parties of the verb that carries it: "held talks",
        "went on strike") and that carrying verb, if any."""
        actors: list[Any] = []
        recips: list[Any] = []
        governor = None
        lemma = tok.lemma_.lower()
        kids = list(tok.children)
        kids += [g for c in kids if c.dep_ == "amod" for g in c.children if g.dep_ == "conj"]
        for c in kids:  # ("international and Palestinian criticism": both modifiers)
            if c.dep_ == "poss":
                actors.append(c)
            elif c.dep_ == "prep" and c.lower_ == "between" and etype in {
                    "CONSULT", "COOPERATE", "ASSAULT", "AGREE", "RETREAT"}:
                for g in c.children:  # "a conversation between Sondland and a top aide"
                    if g.dep_ == "pobj":
                        actors.append(g)
                        recips.extend(conjuncts(g))
            elif c.dep_ == "prep" and c.lower_ == "of" and lemma in self.patient_nouns:
                # "the killing of three demonstrators": the one acted on
                recips.extend(g for g in c.children if g.dep_ == "pobj")
            elif c.dep_ == "prep" and c.lower_ == "of" and actors and etype not in \
                    SYMMETRIC_TYPES:
                # "an Israeli raid of the town", "Beijing's criticism of Washington": with its
                # actor already named by a modifier, the of-phrase is the one acted on
                recips.extend(g for g in c.children if g.dep_ == "pobj")
            elif c.dep_ == "prep" and c.lower_ in {"of", "by"}:
                for g in c.children:
                    if g.dep_ == "pobj" and not (c.lower_ == "by"
                                                 and g.lemma_.lower() in MEANS_NOUNS):
                        actors.append(g)
                        recips += self.prep_objects(g, etype)  # misattached "on X"
            elif (c.dep_ in {"amod", "compound", "nmod"} or (
                    c.dep_ == "conj" and c.head.dep_ == "amod")) and (
                    c.ent_type_ in PARTY_ENTS or (
                        c.pos_ == "PROPN" and c.ent_type_ not in NON_ACTOR_ENTS)):
                if lemma in self.place_nouns and c.ent_type_ in {"GPE", "LOC", "FAC"}:
                    continue  # "the Hong Kong protests": where, not who
                actors.append(c)
        recips = self.prep_objects(tok, etype) + recips
        if etype in {"DEMAND", "REQUEST"} and not actors:
            # "a demand from Prime Minister Karamanlis", "a request from Corby": on the noun,
            # "from" names who asks (on the verb, "demanded an apology from X", the one asked)
            askers = _pobjs([tok], {"from"})
            actors = askers
            recips = [r for r in recips if all(r.i != a.i for a in askers)]
        head = tok.head
        if tok.dep_ == "dobj" and head.lemma_.lower() in UNDERGO_VERBS:
            # "the US faced criticism from the UN": the subject is the one criticised
            subj = subject_of(head)
            if subj is not None:
                recips.append(subj)
            actors += [g for g in _pobjs([tok, head], {"from"}) if all(g.i != a.i for a in actors)]
            return actors, recips, head
        if tok.dep_ == "pobj" and head.lower_ == "under" and head.head.lemma_.lower() in {
                "come", "be", "fall"}:
            # "Brown had come under criticism for ...": the subject is the one criticised
            subj = subject_of(head.head)
            if subj is not None:
                recips.append(subj)
            return actors, recips, head.head
        claimant = _responsibility_claimant(tok)
        if claimant is not None and not actors:
            actors = [claimant]  # "the bombing, for which Al-Qaeda claimed responsibility"
        accused = self._accused(tok) if etype in CRIME_TYPES else None
        if accused is not None and not actors:
            actors = [accused]  # "was charged with kidnapping": the accused is its actor
        if tok.dep_ in {"dobj", "nsubjpass"} and head.lemma_.lower() in LIGHT_VERBS:
            governor = head
            if not actors:
                a, r = self.verb_args(head, etype)
                actors = a
                recips += [x for x in r if x.i != tok.i]
        elif (carrier := self._carrying_verb(tok, etype)) is not None:
            governor = carrier  # "teachers went on strike", "Beijing retaliated with tariffs"
            if not actors:
                subj = subject_of(governor)
                actors = [subj] if subj is not None else []
            if governor.lemma_.lower() in LISTING_VERBS:  # "added Chinese firms to a blacklist"
                recips += [c for c in governor.children if c.dep_ in {"dobj", "nsubjpass"}]
        elif tok.dep_ == "dobj" and head.lemma_.lower() in PROPOSE_VERBS:
            # "the United States is considering new sanctions on Moscow": the one considering
            # would do it (the status stays speculative: see status())
            subj = subject_of(head)
            if not actors and subj is not None and subj.lower_ not in RELATIVE_PRONOUNS:
                actors = [subj]
        elif _claimed_responsibility(tok):
            # "Hamas claimed responsibility for the attack": the claimant is the actor
            governor = tok.head.head.head
            subj = subject_of(governor)
            if not actors and subj is not None and not _nobody(subj):
                actors = [subj]  # ("no group has claimed responsibility": nobody)
        elif tok.dep_ == "pobj" and head.dep_ == "prep" and (etype == "CONSULT" or (
                etype == "ACCUSE" and head.lower_ in {"during", "in", "amid", "after"})):
            # "said during a joint press conference", "arrested six during an investigation"
            verb = head.head
            if verb.pos_ in {"VERB", "AUX"} and not actors:
                subj = subject_of(verb)
                if subj is not None:
                    actors.append(subj)
        return actors, recips, governor

    def _presupposed(self, quote: Quote) -> bool:
        """Is ``quote`` the noun-phrase object of a :data:`PRESUPPOSING_CUES` verb ("condemned
        [the attack on the embassy]")?"""
        if quote.cue is None or quote.kind == "direct":
            return False
        cue = self.parsed.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
        if cue is None or cue.root.lemma_.lower() not in PRESUPPOSING_CUES:
            return False
        return any(c.dep_ == "dobj" and c.left_edge.idx == quote.start
                   for c in cue.root.children)

    # ---------------------------------------------------------------- status
    def quote_at(self, pos: int, *, direct_only: bool = False) -> Quote | None:
        """The innermost quote (a direct one, if ``direct_only``) around character ``pos``:
        the first of :attr:`quotes` (shortest first) that holds it."""
        i = self._first_quote_at(pos, direct_only=direct_only)
        return self.quotes[i] if i is not None else None

    def _first_quote_at(self, pos: int, *, direct_only: bool = False) -> int | None:
        """The position in :attr:`quotes` of :meth:`quote_at`'s answer. Looked up by bisection
        in an index built on first use: a scan of every statement for every candidate word
        took seconds on a page of 1,500 statements (docs/scale.md)."""
        if self._quote_index is None:
            direct = [i for i, q in enumerate(self.quotes) if q.kind == "direct"]
            self._quote_index = (
                FirstCovering([(q.start, q.end) for q in self.quotes]),
                FirstCovering([(self.quotes[i].start, self.quotes[i].end) for i in direct]),
                direct)
        every, directs, direct = self._quote_index
        if not direct_only:
            return every.first(pos)
        j = directs.first(pos)
        return direct[j] if j is not None else None

    def status(self, tok: Any, governor: Any | None, is_cue: bool,
               reasons: set[str] | None = None) -> tuple[Status, bool, Quote | None]:
        """Status, negation and the statement the event is reported in; ``reasons`` collects
        what made it speculative ("future", "modal", "condition", "head", "adjective")."""
        why: set[str] = reasons if reasons is not None else set()
        base = governor if governor is not None else tok
        negated = any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no")
                      for t in (tok, base) for c in t.children)
        negated = negated or any(  # "Not the U.S. nor its allies are preventing ..."
            g.lower_ in {"not", "neither"} and g.dep_ in {"neg", "preconj", "det", "advmod"}
            and g.i < c.i for c in base.children if c.dep_ == "nsubj" for g in c.children)
        speculative = False
        claimed = False
        denied = False
        node = base
        steps = 0
        while steps < 12:
            steps += 1
            for c in node.children:
                low = c.lemma_.lower()
                if c.dep_ == "aux" and low in self.spec_aux:
                    speculative = True
                    why.add("modal")
                if c.dep_ == "aux" and low in self.future_aux:
                    speculative = True
                    why.add("future")
                if c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS:
                    speculative = True
                    why.add("condition")
                if c.dep_ == "mark" and c.lower_ == "for" and any(
                        a.dep_ == "aux" and a.lower_ == "to" for a in node.children):
                    speculative = True  # "an agreement for US troops to begin leaving"
                    why.add("condition")
                if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in CONDITIONAL_MARKS
                                             for g in c.children) and node.i != base.i:
                    speculative = True
                    why.add("condition")
                if c.dep_ == "advmod" and c.lower_ in SPEC_ADVERBS:
                    speculative = True
                    why.add("adverb")
                if c.dep_ == "amod" and node.i == base.i and (
                        low in NOUN_HEDGES or c.lower_ in NOUN_HEDGES):  # "planned" / "plan"
                    speculative = True  # "a possible attack", "the planned withdrawal"
                    why.add("adjective")
                if c.dep_ == "amod" and node.i == base.i and low in CLAIM_ADJECTIVES:
                    claimed = True  # "the alleged attack"
                if c.dep_ == "advmod" and c.lower_ in CLAIM_ADVERBS:
                    claimed = True
                if c.dep_ in {"acomp", "attr"} and c.lemma_.lower() in self.spec_adj and \
                        node.i != base.i:
                    speculative = True
                    why.add("adjective")
            if node.i != base.i and node.lemma_.lower() in self.spec_heads:
                speculative = True
                why.add("head")
            head = node.head
            if head.i == node.i:
                break
            if governor is None and tok.pos_ in {"NOUN", "PROPN"} and node.i == base.i:
                if node.dep_ == "dobj" and (head.lemma_.lower() in self.spec_heads | {
                        "propose", "seek", "threaten"} or (
                        head.lemma_.lower() == "rule" and any(
                            c.lower_ == "out" for c in head.children))):
                    speculative = True  # "officials are considering sanctions": not yet;
                    why.add("head")  # "did not rule out a strike": a possibility
                break  # a bare event noun is not hedged by the clause it is mentioned in
            if node.dep_ == "advcl" and node.tag_ in {"VBP", "VBZ"} and any(
                    g.dep_ == "mark" and g.lower_ in PRESUPPOSING_MARKS for g in node.children
            ) and any(a.dep_ == "aux" and a.lower_ in self.future_aux for a in head.children):
                speculative = True  # "will keep its base after troops leave": not yet
                why.add("time-clause")
                break
            if node.dep_ in {"relcl", "acl"} or (node.dep_ == "advcl" and any(
                    (g.dep_ == "mark" or (g.dep_ == "advmod" and g.i < node.i))
                    and g.lower_ in PRESUPPOSING_MARKS for g in node.children)):
                break  # "when he asked ...", "which was attacked": presupposed, not hedged
            if node.dep_ == "pcomp" and node.head.lower_ in PRESUPPOSING_PREPS:
                break  # "could face prison after pleading guilty to threatening ...": done
            if node.dep_ == "conj" and any(c.dep_ in {"aux", "auxpass"} and c.lower_ in OWN_TENSE
                                           for c in node.children):
                break  # "will deplore that and were repelled when ...": its own tense
            if is_speech_verb(head) and node.dep_ in {"ccomp", "xcomp", "pcomp", "dobj"} and (
                    not misread_apposition(head, node)):
                if head.lemma_.lower() in self.denial and _neither_nor(head):
                    speculative = True  # "neither confirmed nor denied carrying out": unknown
                    why.add("unconfirmed")
                elif head.lemma_.lower() in self.denial:
                    denied = True
                elif head.lemma_.lower() in REPORTING_HEADS and head.i != tok.i and not is_cue:
                    claimed = True  # "witnesses reported hearing gunfire"
                break
            node = head
        if not claimed and tok.pos_ == "NOUN" and governor is None:
            node = tok
            for _ in range(3):  # "reported (hearing) gunfire": the gunfire is reported
                if node.dep_ not in {"dobj", "xcomp"} or node.head.i == node.i:
                    break
                node = node.head
                if node.lemma_.lower() in REPORTING_HEADS:
                    claimed = True
                    break
        # the statements before the first that holds the word do not hold it
        first = self._first_quote_at(tok.idx)
        quote = None if first is None else next((
            q for q in self.quotes[first:] if q.start <= tok.idx < q.end and (
                not is_cue or (q.cue is not None and q.cue.start != tok.idx
                               and (q.cue.text.lower().startswith(ALLEGING_CUES)
                                    or q.cue.text.lower().startswith(TESTIMONY_CUES))))), None)
        # a statement verb is only claimed when it is itself alleged ("charged with threatening")
        if quote is None and is_cue and any(
                q.sources and not self._media(q.sources[0])
                for q in self.quotes_by_cue.get(tok.idx, ())):
            claimed = True  # "the men threatened to kill him, according to the indictment"
        if quote is not None:
            claimed = True
            cue = self.parsed.char_span(quote.cue.start, quote.cue.end,
                                        alignment_mode="expand") if quote.cue else None
            if cue is not None and _neither_nor(cue.root):
                speculative = True  # "would neither confirm nor deny that it had ..."
            elif quote.cue is not None and quote.cue.text.split()[0].lower().startswith(
                    ("den", "refut", "dismiss")):
                denied = True
            if cue is not None and cue.root.pos_ == "NOUN" and cue.root.dep_ == "dobj" and (
                    cue.root.head.lemma_.lower() in self.denial):
                denied = True  # "denied reports that it had suspended aid"
        status: Status = "asserted"
        if denied:
            status = "denied"
        elif speculative:
            status = "speculative"
        elif claimed:
            status = "claimed"
        return status, negated, quote

    # ---------------------------------------------------------------- main
    def _modal_demand(self, tok: Any) -> tuple[Trigger, list[Any]] | None:
        """Inside a statement, "X must / needs to / has to do Y" is the speaker's DEMAND on X
        (the guideline's "must / needs to -> DEMAND"); the trigger is "needs to withdraw"."""
        if tok.pos_ != "VERB":
            return None
        quote = self.quote_at(tok.idx)
        if quote is None or quote.speaker is None:
            return None
        ruling = quote.cue is not None and quote.cue.text.lower().startswith("rul")
        head = tok.head
        subj = subject_of(tok)
        if subj is not None and subj.lower_ in {"i", "we"} and quote.kind == "direct" and any(
                c.dep_ == "neg" for c in tok.children) and any(
                c.dep_ == "aux" and c.lower_ in REFUSAL_AUX for c in tok.children) and \
                tok.lemma_.lower() not in {"know", "say", "think", "see", "be", "have"} and (
                not ability_negated(tok) or cannot_refuses(tok)):
            neg = next(c for c in tok.children if c.dep_ == "neg")
            return Trigger("REJECT", tok.lemma_.lower(), "modal"), [neg, tok]  # "we will not"
        speaker = quote.speaker
        if subj is not None and (subj.lower_ in {"i", "we"} or (is_pronoun(subj) and (
                quote.kind == "indirect" or (speaker is not None and _same(
                    self.mention(subj) or speaker, speaker))))):
            return None  # "they said they need to undertake an assessment": own obligation
        if self._imperative(tok, quote):
            return Trigger("DEMAND", tok.lemma_.lower(), "modal"), [tok]  # chanted "Fund schools"
        if any(c.dep_ == "aux" and c.lower_ == "must" for c in tok.children):
            must = next(c for c in tok.children if c.dep_ == "aux" and c.lower_ == "must")
            if ruling:  # "the court ruled that countries must label ...": a ruling binds
                return Trigger("COERCE", tok.lemma_.lower(), "modal", None, "restrict"), [
                    must, tok]
            return Trigger("DEMAND", tok.lemma_.lower(), "modal"), [must, tok]
        if ruling:
            return None
        if quote.kind == "indirect" and (quote.cue is None or quote.cue.text.split()[0].lower()
                                         not in SAY_CUES):
            return None  # "activists believe X will have to ..." is an opinion, not a demand
        if tok.dep_ == "xcomp" and head.lemma_.lower() in {"need", "have"} and head.pos_ in {
                "VERB", "AUX"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
                                       ) and not any(c.dep_ == "aux" and c.lower_ in {
                                           "will", "would", "may", "might", "could"}
                                           for c in head.children):
            return Trigger("DEMAND", tok.lemma_.lower(), "modal"), [head, tok]
        return None

    def _imperative(self, tok: Any, quote: Quote) -> bool:
        """A quoted command to do an act of the lexicon ("Release the prisoners!", teachers
        chanted "Fund our schools"): the speaker demands it. Only a verb right after an opening
        quote mark, or opening a clause of a direct quote, with no subject or auxiliary, is read
        as an imperative."""
        if tok.tag_ not in {"VB", "VBP"} or tok.lemma_.lower() not in self.onto.verbs:
            return False
        if any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "expl"} for c in tok.children):
            return False
        if self.doc.text[:tok.idx].rstrip()[-1:] in {'"', "“"}:
            return True
        before = self.doc.text[quote.start: tok.idx].strip(" \"'“‘")
        return quote.kind == "direct" and (before == "" or before[-1] in ",;:.!?")

    def code(self) -> list[Event]:
        """Every trigger of the document, through the steps of one candidate event (each step
        may drop it): is it an occurrence at all; its argument phrases; its parties; its status
        and negation; the conventions of docs/annotation-events.md. What is left is an Event."""
        events: list[Event] = []
        seen: set[int] = set()
        coded: dict[int, str] = {}  # trigger token -> type, for elaborations of one act
        sent_spans = {s.start: s for s in self.parsed.sents}
        # (a trigger is a verb, noun, name or adjective: no step codes a word of any other part
        # of speech, so the others, half of a page, are not visited)
        for tok in tokens_where(self.parsed, pos=TRIGGER_POS):
            if tok.i in seen or tok.is_space or tok.is_punct:
                continue
            got = self._modal_demand(tok) or self.match(tok)
            if got is None:
                continue
            d = _Draft(tok, got[0], got[1], got[0].type)
            if not (self._occurrence(d, events) and self._arguments(d, coded)
                    and self._parties(d, events) and self._status(d) and self._conventions(d)):
                continue
            seen.update(t.i for t in d.toks)
            coded[tok.i] = d.etype
            if d.trig.pos == "verb" and d.trig.objects is not None:
                for c in tok.children:  # "imposed sanctions and a travel ban": one act
                    if c.dep_ in {"dobj", "nsubjpass"} and self._consumed(c, d.etype):
                        seen.update(x.i for x in (c, *conjuncts(c)))
            events.append(self._event(d, len(events), sent_spans))
        return events

    def recode(self, rule_at: dict[int, Event], decided: dict[int, str],
               modes: dict[int, str | None] | None = None) -> list[Event]:
        """The events a learned classifier decided on (``decided``: head token index -> type).

        A rule event whose head token is decided keeps its arguments and status, retyped when
        the classifier gives another type; one whose token is not decided is dropped. A decided
        token the rules passed over gets its arguments, parties and status from the rule steps
        (the classifier has already judged that it reports an act of that type). ``modes``
        (head token index -> mode or ``None``), when given, sets the mode of those events."""
        events: list[Event] = []
        coded: dict[int, str] = {}
        sent_spans = {s.start: s for s in self.parsed.sents}
        for i, etype in sorted(decided.items()):
            ev = rule_at.get(i)
            if ev is None:
                ev = self._learned_event(self.parsed[i], etype, events, coded, sent_spans)
            elif ev.type != etype:
                mode = ev.mode if ev.mode in self.onto.types[etype].modes else None
                ev = replace(ev, type=etype, mode=mode, cameo=self.onto.cameo(etype, mode),
                             contexts=list(self.onto.types[etype].contexts))
            if modes is not None and i in modes and modes[i] != ev.mode:
                mode = modes[i]
                ev = replace(ev, mode=mode, cameo=self.onto.cameo(etype, mode))
            coded[i] = etype
            events.append(replace(ev, id=f"{self.doc.id}:{len(events)}"))
        return events

    def _learned_event(self, tok: Any, etype: str, events: list[Event],
                       coded: dict[int, str], sent_spans: dict[int, Any]) -> Event:
        pos = "verb" if tok.pos_ in {"VERB", "AUX"} else (
            "adjective" if tok.pos_ == "ADJ" else "noun")
        index = {"verb": self.onto.verbs, "noun": self.onto.nouns}.get(pos, self.onto.adjectives)
        trig = next((t for t in index.get(tok.lemma_.lower(), ())
                     if t.type == etype and t.part is None), None) or Trigger(
            etype, tok.lemma_.lower(), pos)
        d = _Draft(tok, trig, [tok], etype)
        found = self._arguments(d, coded)
        # an evaluation ("illegal") is its speaker's act (`_parties`): outside an attributed
        # statement there is no speaker, and the phrases around it are kept instead
        if found and (d.trig.pos != "adjective" or (d.quote is not None and
                                                    d.quote.speaker is not None)):
            found = self._parties(d, events)
        else:
            found = False
        if not found and not (d.actors or d.recips):
            d.actors, d.recips = self.mentions(d.a_toks), self.mentions(d.r_toks)
        d.etype = etype  # the rule steps' retyping conventions give way to the classifier
        self._status(d)
        return self._event(d, len(events), sent_spans)

    def _occurrence(self, d: _Draft, events: list[Event]) -> bool:
        """Does the trigger report a particular act, not a demanded, hypothetical, habitual,
        prevented or already reported one?"""
        tok, trig, etype = d.tok, d.trig, d.etype
        # a noun with its own party ("agrees to Beijing's demands") is that party's act
        d.owned = trig.pos == "noun" and any(c.dep_ == "poss" and self._is_party(c)
                                             for c in tok.children)
        # the demanded/offered action is part of the head event, not an event of its own
        if trig.pos != "modal" and not d.owned and self._governed(tok, etype):
            return False
        if trig.pos == "verb" and _neither_nor(tok):
            return False  # "neither confirmed nor denied": no denial, no confirmation
        if trig.pos == "verb" and etype == "ASSAULT" and self._told_by_its_when_clause(tok):
            return False  # "people were injured when police used batons": one act, the police's
        if trig.pos == "verb" and etype == "PROTEST" and self._purpose(tok, etype):
            return False  # "farmers blocked highways ... to protest against prices": one protest
        if trig.pos == "verb" and ((etype not in PURPOSE_EVENT_TYPES and self._purpose(tok))
                                   or self._hypothetical(tok) or self._notion(tok)
                                   or self._habitual(tok) or self._reason(tok)
                                   or _zero_conditional(tok)):
            return False
        if trig.pos == "noun" and tok.dep_ == "appos" and tok.head.pos_ == "PROPN":
            return False  # "Inherent Resolve, the U.S. military operation against IS": a name
        if trig.pos == "noun" and kind_of_act(tok, objects=False, adjectives=False,
                                              statives=True):
            return False  # "Tariffs on consumer products hit customers directly"
        if trig.pos == "noun" and tok.dep_ == "pobj" and tok.head.lower_ in {"in", "of", "to"} \
                and tok.head.head.lemma_.lower() in TREND_NOUNS:
            return False  # "a seven-day reduction in violence": an amount of acts, none of them
        if trig.pos == "verb" and self._addresses_reader(tok):
            return False  # "VISIT the Horse Show", "you are welcome to request a call"
        if tok.dep_ == "pcomp" and tok.head.lower_ == "from" and self.match(
                tok.head.head) is not None:
            return False  # "prevented people from leaving": the prevented act did not happen
        if not d.owned and tok.dep_ == "pobj" and tok.head.dep_ == "prep" and \
                self._is_verbal_head(tok.head.head) and tok.head.lower_ in {"for", "on", "to"}:
            return False
        if trig.pos == "noun" and self._verb_codes_it(tok, etype):
            return False  # "tariffs have been imposed", "tariffs imposed by China": the verb's
        if trig.pos == "noun" and self._back_reference(tok, etype, events):
            return False  # a back-reference to an event already reported
        if etype == "PROTEST" and trig.pos == "noun" and not self._protest_noun(tok):
            return False  # "the market rally", "Trump said at a rally in Louisiana"
        if trig.pos == "noun" and any(c.dep_ == "det" and c.lower_ == "any"
                                      for c in tok.children):
            return False  # "retaliate against any attack": no particular occurrence
        return not (trig.pos == "verb" and etype == "AGREE" and tok.lemma_.lower() in VOW_VERBS
                    and tok.idx in self.direct_cues and not any(
                        c.dep_ in {"xcomp", "dobj"} for c in tok.children))
        # ('"We will not negotiate," the minister vowed': the quote is the act)

    def _arguments(self, d: _Draft, coded: dict[int, str]) -> bool:
        """The actor and recipient phrases (``d.a_toks``, ``d.r_toks``) of a verb, an event
        noun, a modal demand or an evaluation in a statement."""
        tok, trig, etype = d.tok, d.trig, d.etype
        d.speech_act = trig.pos in {"adjective", "modal"}
        d.quote = self.quote_at(tok.idx) if d.speech_act else None
        if trig.pos == "verb":
            d.a_toks, d.r_toks = self.verb_args(tok, etype)
            if etype in SYMMETRIC_TYPES and not d.a_toks:
                # "the agreement between the EU and Britain was signed": its parties
                pair = [g for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}
                        for p in c.children if p.dep_ == "prep" and p.lower_ == "between"
                        for g in p.children if g.dep_ == "pobj"]
                if pair:
                    d.a_toks, d.r_toks = pair[:1], conjuncts(pair[0])
            if not d.a_toks and tok.tag_ == "VBG" and tok.dep_ in {"advcl", "conj", "xcomp"}:
                subj = subject_of(tok.head)  # "the senator said, slamming the administration"
                d.a_toks = [subj] if subj is not None else []
            elif not d.a_toks and tok.tag_ == "VBG" and tok.dep_ == "ROOT":
                # the parser's root for '"...," the senator said, slamming X'
                said = next((c for c in tok.children if c.dep_ == "parataxis"
                             and c.i < tok.i), None)
                subj = subject_of(said) if said is not None else None
                d.a_toks = [subj] if subj is not None else []
            return True
        if trig.pos == "noun":
            d.a_toks, d.r_toks, d.governor = self.noun_args(tok, etype)
            if self._notion(d.governor if d.governor is not None else tok):
                return False  # "discussed a need for Ukraine to launch investigations"
            # "military aid to X" is a mention; "sent aid to X" is the act
            return not (etype in GOVERNED_NOUN_TYPES and d.governor is None)
        if trig.pos == "modal":
            said = self.quote_at(tok.idx)
            if said is not None and said.cue is not None and any(
                    coded.get(t.i) == etype for t in self.parsed
                    if said.cue.start <= t.idx < said.cue.end):
                return False  # "insisted that the US must cancel tariffs": one demand
            subj = subject_of(tok)
            d.a_toks, d.r_toks = [], [subj] if subj is not None else []
            if etype == "REJECT":  # "we will not accept X": the speaker refuses
                d.r_toks = [c for c in tok.children if c.dep_ == "dobj"]
            if d.r_toks and d.r_toks[0].dep_ == "nsubj" and d.r_toks[0].lower_ in RELATIVE_PRONOUNS:
                d.r_toks = [d.r_toks[0].head.head]
            return True
        return self._evaluation_arguments(d, coded)

    def _said_act(self, d: _Draft) -> Mention | None:
        """The speaker, when the words of a statement are themselves the demand or rejection
        and name no one who makes it (docs/annotation-events.md §4): a predicate noun ("…
        is an important condition to any deal", the ministry said) or an agentless passive
        rejection ("the allegation has been completely debunked," Grisham said)."""
        if d.etype not in SAID_ACT_TYPES:
            return None
        quote = self.quote_at(d.tok.idx)
        if quote is None or quote.speaker is None or (
                quote.cue is not None and quote.cue.start <= d.tok.idx < quote.cue.end):
            return None
        tok = d.tok
        if d.trig.pos == "noun" and tok.dep_ in {"attr", "acomp"} and tok.head.lemma_ == "be":
            return quote.speaker
        passive = any(c.dep_ == "auxpass" for c in tok.children)
        if d.trig.pos == "verb" and d.etype == "REJECT" and passive and not any(
                c.dep_ == "agent" for c in tok.children):
            return quote.speaker
        return None

    def _evaluation_arguments(self, d: _Draft, coded: dict[int, str]) -> bool:
        """An evaluative adjective or noun: the subject's act when a describing verb governs it
        ("described the call as improper"), else the speaker's inside a statement."""
        tok, trig, etype, quote = d.tok, d.trig, d.etype, d.quote
        verb = self._described(tok)
        if verb is not None and self._elaborates(verb, etype, coded):
            return False  # "rejected the claims as false", "pushed back, calling it false"
        if verb is not None:  # "described the call as improper": the subject's act
            d.speech_act = False
            d.a_toks = [s for s in [subject_of(verb)] if s is not None]
            d.r_toks = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
            return True
        judged = _pobjs([tok], {"of"}) if etype in {"ACCUSE", "SUPPORT"} and tok.dep_ == \
            "acomp" and trig.part is None else []
        if judged:  # "opposition politicians were critical of Harper": the subject's judgement
            d.speech_act = False
            subj = subject_of(tok.head)
            d.a_toks = [subj] if subj is not None else []
            d.r_toks = judged
            return True
        if quote is None or quote.speaker is None or self._justification(quote) or (
                self._adj_status(tok)[1] and trig.part != "not"):
            return False  # a negated evaluation ("no longer views them as illegal") is none
        if self._opinion(tok):
            return False  # "this brutal crackdown", "I thought it was inappropriate"
        if quote.cue is not None and any(coded.get(t.i) == etype for t in self.parsed
                                         if quote.cue.start <= t.idx < quote.cue.end):
            return False  # "alleging that the call was inappropriate": one accusation
        if etype == "ACCUSE" and tok.dep_ == "amod" and tok.head.lower_ in NOTHING:
            # "insisted he had done nothing wrong": denying an accusation is a REJECT
            d.etype = "REJECT"
            d.trig = Trigger("REJECT", trig.lemma, trig.pos, "not", None)
            d.toks = [tok.head, tok]
            d.a_toks, d.r_toks = [], []
            return True
        pred = tok.head
        d.r_toks = [c for c in pred.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if tok.dep_ == "amod":
            d.r_toks = [pred]
        d.a_toks = []
        return True

    def _parties(self, d: _Draft, events: list[Event]) -> bool:
        """Resolve the phrases to actor and recipient mentions, and drop what has no party the
        guidelines accept (or no public one on a page that is not political news)."""
        tok, trig, etype, a_toks, r_toks = d.tok, d.trig, d.etype, d.a_toks, d.r_toks
        if etype == "ASSAULT" and len(a_toks) == 1 and a_toks[0].lemma_.lower() in WEAPON_NOUNS:
            # "Saudi-led coalition airstrikes killed ...": the weapon's owner did it
            owners = [c for c in a_toks[0].children if c.dep_ in {"compound", "amod", "poss",
                                                                   "nmod"}]
            owned = [m for m in self.mentions(owners) if m.actor is not None]
            d.a_toks = a_toks = owners if owned else []  # a weapon alone is no party
        actors = self.mentions(a_toks)
        if trig.pos == "verb" and etype in AGENT_TYPES | {"AID", "COOPERATE"} and \
                self._thing_subject(a_toks, actors):
            return False  # "the script called for ...", "a trade war offers Trump ..."
        heads = self._recipient_heads(r_toks, etype)
        recips = self.mentions(heads)
        if any(self._owned_thing(h) for h in heads):
            # "Turkey closed its borders": the actor's own thing is not a recipient
            own_codes = {actor_code(a) for a in actors} - {None}
            recips = [r for r in recips if actor_code(r) not in own_codes]
        if not any(r.actor is not None for r in recips) and etype in {
                "REJECT", "ACCUSE", "SUPPORT", "CONCEDE"}:
            recips = (self._authors(heads) or self._referred_actors(r_toks, events)
                      or recips)
        if d.speech_act:
            assert d.quote is not None and d.quote.speaker is not None
            actors = [d.quote.speaker]
        elif not actors and (said := self._said_act(d)) is not None:
            actors = [said]  # "said that removing tariffs is an important condition"
        actors = [m for m in actors if not any(_same(m, r) for r in recips)] or actors
        recips = [r for r in recips if not any(_same(r, a) for a in actors)]
        mutual = etype in SYMMETRIC_TYPES or (etype == "ASSAULT" and trig.lemma in MUTUAL_FIGHTS)
        if mutual and not recips and len(actors) > 1 and actor_code(
                actors[0]) is not None and any(actor_code(a) not in {None, actor_code(actors[0])}
                                               for a in actors[1:]):
            actors, recips = actors[:1], actors[1:]  # "Washington and the Taliban held talks"
        if len(recips) > 1 and any(r.actor is not None for r in recips):
            recips = [r for r in recips if r.actor is not None]
        d.actors, d.recips = actors, recips
        parties = (*actors, *recips)
        if not self.political_news and not any(self._public(m) for m in parties):
            return False  # a sports, culture or business page: only acts of public parties (a
            # party-less "strike" or "explosion" there is a game's or a galaxy's)
        if etype in {"RETREAT", "CONCEDE"} and not any(self._political(m) for m in parties):
            return False  # "the withdrawal was too little": whose, and from whom, is unknown
        if _poll_opinion(tok):
            return False  # "41% thought that he would have to resign": an opinion, no act
        if not actors and not recips and not (
                etype in PARTYLESS_TYPES and trig.pos == "noun" and (
                    not any(e.type == etype for e in events) or self._situated(tok))):
            return False  # PLOVER needs a party, except a first or situated "protests in X"
        if etype == "ASSAULT" and trig.lemma in GENERIC_VIOLENCE and actors and self._crowd(
                a_toks if trig.pos == "noun" else [t for t in a_toks if t.dep_ == "nsubj"]):
            d.etype = etype = "PROTEST"  # violence by protesters
            d.trig = trig = Trigger("PROTEST", trig.lemma, trig.pos, trig.part, "riot")
        if etype == "ASSAULT" and trig.lemma in VERBAL_FIGHT_LEMMAS and (
                (actors and all((actor_code(a) or "")[3:6] in VERBAL_SECTORS for a in actors))
                or self._verbal_fight(tok, a_toks, r_toks)):
            d.etype = etype = "ACCUSE"  # "Republican attacks on him"
            d.trig = trig = Trigger("ACCUSE", trig.lemma, trig.pos, None, "disapprove")
        if etype in {"CONSULT", "COOPERATE"} and actors and recips and actor_code(
                actors[0]) is not None and actor_code(actors[0]) == actor_code(recips[0]):
            return False  # routine business inside one actor
        if etype == "CONSULT" and recips and all(
                (actor_code(r) or "")[3:6] == "MED" or r.text.lower().split()[-1] in PRESS_NOUNS
                for r in recips):
            return False  # "speaking to reporters", "told the press": a statement, no meeting
        if etype == "CONSULT" and trig.pos == "noun" and trig.mode == "multilateral" and \
                not recips and len(actors) < 2 and not any(
                    c.lower_ == "joint" for c in tok.children):
            return False  # "said during a conference at the university": a venue
        if etype == "ASSAULT" and trig.pos == "noun" and any(
                c.dep_ in {"compound", "amod"} and c.lemma_.lower() in MEDICAL_MODIFIERS
                for c in tok.children):
            return False  # "a heart attack", "panic attacks"
        if etype == "ASSAULT" and trig.pos == "verb" and any(
                t.lemma_.lower() in NATURAL_CAUSES for t in a_toks):
            return False  # "plague has killed millions": a disease is no one's attack
        if etype == "AID" and any(g.lemma_.lower() in INFO_NOUNS for c in tok.children
                                  if c.dep_ == "prep" and c.lower_ == "with"
                                  for g in c.children):
            return False  # "did not provide PolitiFact with further information"
        if etype == "THREATEN" and trig.pos == "noun" and not any(
                a.actor is not None for a in actors):
            return False  # "make threats", "under threat of starvation": no one's threat
        # "the Russian ministry's allegations" after its accusation
        return not (trig.pos == "noun" and self._repeated(tok, etype, actors, events))

    def _status(self, d: _Draft) -> bool:
        """Status, negation and the statement the event is reported in."""
        tok, trig, etype = d.tok, d.trig, d.etype
        is_cue = any(t.idx in self.cue_starts for t in d.toks)
        if d.speech_act or trig.pos == "adjective":
            d.status, negated = self._adj_status(tok)
            d.negated = negated and trig.part != "not" and etype != "REJECT"
        else:
            d.status, negated, d.quote = self.status(tok, d.governor, is_cue, d.reasons)
            d.negated = negated and trig.part != "not"  # the refusal is the event
            if etype == "REJECT" and trig.part == "not" and d.status == "speculative" and \
                    d.reasons <= {"future", "modal"} and any(
                        c.dep_ == "aux" and c.lower_ in {"will", "would", "wo", "'ll"}
                        for c in tok.children):
                # "said they would not comply": the refusal is made, not possible
                d.status = "claimed" if d.quote is not None else "asserted"
        if etype == "REJECT" and trig.lemma == "rule" and trig.part == "out" and d.negated:
            return False  # "has not ruled out retaliation": nothing refused, something possible
        d.kept = trig.pos == "noun" and self._kept_from_happening(tok)
        if d.kept:
            d.negated = True  # "avoided direct criticism", "would not allow clashes"
            if any(c.dep_ == "aux" and c.lemma_.lower() in self.spec_aux | self.future_aux
                   for c in tok.head.children):
                d.status = "speculative"  # refused for the future: "would not allow"
        if trig.pos == "noun" and _claimed_responsibility(tok) and d.actors and not d.negated:
            d.status, d.claimant = "claimed", d.actors[0]  # known through the actor's claim
        d.mode = trig.mode or self.onto.mode_from_cues(etype, self._cue_lemmas(tok, d.governor))
        if d.mode is None and etype == "ASSAULT":
            d.mode = weapon_mode(tok, self.onto)  # "a suicide bomber has killed"
        return True

    def _conventions(self, d: _Draft) -> bool:
        """The type, mode and status conventions of docs/annotation-events.md."""
        tok, trig, quote, actors, reasons = d.tok, d.trig, d.quote, d.actors, d.reasons
        if d.negated and d.etype == "SUPPORT":
            return False  # "does not support forced relocations": an opinion, no act
        if d.negated and trig.pos == "verb" and ability_negated(tok) and (
                d.etype in {"AGREE", "CONCEDE", "COOPERATE"} or (
                    d.etype in REFUSABLE_TYPES and reasons & {"future", "modal"})) and \
                not cannot_refuses(tok):
            return False  # "could not agree on verdicts", "could not be extradited": unable
        if d.negated and d.etype in {"AGREE", "CONCEDE", "COOPERATE"}:
            if trig.pos == "verb" and reasons & {"future", "modal"}:
                d.status = "asserted"  # "would not declare a ceasefire": refused, not maybe
            d.etype, d.mode, d.negated = "REJECT", None, False  # "did not accept" is a REJECT
        if d.etype == "RETREAT" and d.mode == "release" and any(
                c.lemma_.lower() in AID_THEMES for c in tok.children
                if c.dep_ in {"dobj", "nsubjpass"}):
            d.etype, d.mode = "AID", None  # "U.S. aid might be freed": aid is given
            d.recips = [m for m in d.recips if not any(
                _same(m, self.finder.for_token(c)) for c in tok.children
                if c.dep_ in {"dobj", "nsubjpass"})]
        if d.etype == "AGREE" and trig.pos == "verb" and any(
                g.lemma_.lower() in YIELD_OBJECTS for c in tok.children
                if c.dep_ == "prep" and c.lower_ == "to" for g in c.children):
            d.etype, d.mode = "CONCEDE", None  # "agrees to Beijing's demands" gives in
        if d.etype == "AGREE" and trig.pos == "verb" and any(
                c.dep_ in {"xcomp", "ccomp"} and c.lemma_.lower() in THREAT_CONTENT
                for c in tok.children):
            d.etype, d.mode = "THREATEN", "violence"  # "vowed to retaliate"
        if d.negated and d.etype in REFUSABLE_TYPES and reasons & {"future", "modal"} and \
                trig.pos == "verb":
            d.etype, d.mode, d.negated, d.status = "REJECT", "yield", False, "asserted"
            # "we will not withdraw": a refusal (docs/annotation-events.md, REJECT)
        own = bool(quote is not None and actors and self._is_speaker(actors[0], quote))
        if (d.etype in {"AID", "COOPERATE", "RETREAT"} and trig.pos == "verb" and reasons and (
                reasons == {"future"} or (own and reasons <= {"future", "modal"}))):
            d.etype, d.mode, d.status = "AGREE", None, "asserted"  # "will provide": a promise
        if d.status in {"claimed", "denied"} and quote is not None and actors and (
                self._is_speaker(actors[0], quote)):
            if d.negated:
                d.status = "denied"  # the actor says it did not do it
            elif d.etype in VERBAL_TYPES or self._own_spokesperson(quote, actors, tok.sent):
                d.status = "asserted"  # the statement is the act itself / an own report
        elif d.status == "claimed" and quote is not None and self._own_spokesperson(
                quote, actors, tok.sent):
            d.status = "asserted"  # "Officers arrested X, a police spokesman said"
        elif d.status == "claimed" and d.negated and d.etype in DENIABLE_TYPES and not d.kept:
            d.status = "denied"  # "X is not preventing people from leaving", a source said
        if d.etype == "PROTEST" and trig.lemma == "protest" and actors and _official(actors[0]):
            # "The Philippines protested to China", "lodged a protest with Japan": a state's
            # protest is made in words, a disapproval (CAMEO 111), not a demonstration
            d.etype, d.mode = "ACCUSE", "disapprove"
            if not d.recips:
                holders = [tok, tok.head] if trig.pos == "noun" else [tok]
                d.recips = self.mentions(_pobjs(holders, {"to", "with", "against"}))
        if d.etype == "ASSAULT" and trig.pos == "verb" and tok.lemma_.lower() in LAUNCH_VERBS \
                and not any(r.actor is not None for r in d.recips) and any(
                    g.lemma_.lower() in OPEN_WATER for g in _pobjs([tok], None)):
            # "fired two ballistic missiles into the sea": a show of force at no one
            d.etype, d.mode, d.recips = "MOBILIZE", "weapons", []
        if d.etype in {"MOBILIZE", "SANCTION"} and actors and (
                own_code := actor_code(actors[0])) and (
                d.etype == "MOBILIZE" or d.mode in {"withdraw", "expel"}):
            # "Serbia put its army on high alert", "recalled its ambassador from Somalia": the
            # force or envoy moved is the actor's own, an expelled envoy never is; the one
            # left or expelled to is named by "from"
            d.recips = [r for r in d.recips if (actor_code(r) or "")[:3] != own_code[:3]] or [
                m for m in self.mentions(_pobjs(
                    [tok, *(c for c in tok.children if c.dep_ == "dobj")], {"from"}))
                if m.actor is not None]
        if d.etype == "COERCE" and d.mode == "confiscate" and any(
                c.lemma_.lower() in GROUND_NOUNS for c in tok.children if c.dep_ == "dobj"):
            d.mode = "seize"  # "seized two more towns": ground, not goods
        if d.etype == "REJECT" and self._threat_kept_open(tok):
            # "refused to rule out military action", "did not rule out a strike"
            d.etype, d.mode, d.negated = "THREATEN", "violence", False
        if d.status == "denied":
            d.negated = True  # denied: said not to have happened (docs/annotation-events.md)
        return True

    def _threat_kept_open(self, tok: Any) -> bool:
        """A refusal or negation of "rule out" whose object is force: the act stays threatened."""
        lemma = tok.lemma_.lower()
        rule_out = tok if lemma == "rule" else next(
            (c for c in tok.children if c.dep_ == "xcomp" and c.lemma_.lower() == "rule"), None)
        if rule_out is None or not any(c.lower_ == "out" for c in rule_out.children):
            return False
        refused = rule_out is not tok or any(c.dep_ == "neg" for c in tok.children)
        return refused and any(c.lemma_.lower() in FORCE_NOUNS_OPEN for c in rule_out.children
                               if c.dep_ == "dobj")

    def _event(self, d: _Draft, n: int, sent_spans: dict[int, Any]) -> Event:
        sent = d.tok.sent
        contexts = list(self.onto.types[d.etype].contexts)
        for t in sent:
            ctx = self.onto.context_cues.get(t.lemma_.lower())
            if ctx and ctx not in contexts:
                contexts.append(ctx)
        quote = d.quote
        return Event(
            id=f"{self.doc.id}:{n}",
            type=d.etype,
            trigger=self.doc.span(min(t.idx for t in d.toks),
                                  max(t.idx + len(t) for t in d.toks)),
            sentence=self._sent_span(sent_spans.get(sent.start, sent)),
            mode=d.mode,
            contexts=contexts,
            cameo=self.onto.cameo(d.etype, d.mode),
            actors=d.actors,
            recipients=d.recips,
            status=d.status,
            negated=d.negated,
            source=d.claimant or (quote.speaker if quote is not None and d.status in {
                "claimed", "denied"} else None),
        )

    def _repeated(self, tok: Any, etype: str, actors: list[Mention],
                  events: list[Event]) -> bool:
        """A definite event noun ("the ministry's allegations", "the attack") whose actor already
        has an event of this type in the article is a back-reference to it."""
        dets = {c.lower_ for c in tok.children if c.dep_ in {"det", "poss"}} | {
            "poss" for c in tok.children if c.dep_ == "poss"}
        if not dets & {"the", "poss"}:
            return False
        codes = {c[:3] for c in (actor_code(a) for a in actors) if c}
        if not codes:
            return False
        return any(e.type == etype
                   and codes & {c[:3] for c in (actor_code(a) for a in e.actors) if c}
                   for e in events)

    def _opinion(self, tok: Any) -> bool:
        """An evaluation that qualifies an event noun ("this brutal crackdown": the manner of
        an event already coded) or sits under a verb of cognition ("thought it was
        inappropriate"): no verbal act of its own."""
        if tok.dep_ == "amod":
            got = self.match(tok.head) if tok.head.pos_ == "NOUN" else None
            return got is not None and got[0].pos == "noun"
        pred = tok.head
        return pred.dep_ == "ccomp" and pred.head.lemma_.lower() in OPINION_VERBS

    def _authors(self, toks: list[Any]) -> list[Mention]:
        """"condemned the move announced by Pompeo", "welcomed Washington's decision": whoever
        made the thing judged is the party judged."""
        for tok in toks:
            if tok.pos_ != "NOUN" or self._is_party(tok):
                continue
            cands = [c for c in tok.children if c.dep_ == "poss"]
            cands += [g for c in tok.children if c.dep_ == "acl" for g in _agent_objects(c)]
            cands += _pobjs([tok], {"by"})
            found = [m for m in self.mentions(cands) if m.actor is not None]
            if found:
                return found
        return []

    def _referred_actors(self, toks: list[Any], events: list[Event]) -> list[Mention]:
        """"rejected these accusations": the parties of the accusation reported earlier (the
        latest event of the noun's type) are the ones rejected."""
        for tok in toks:
            got = self.match(tok) if tok.pos_ == "NOUN" else None
            if got is not None and got[0].pos == "noun":
                etype = got[0].type
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() in ACCUSATION_NOUNS:
                etype = "ACCUSE"  # "a charge Islamabad denies"
            else:
                continue
            earlier = [e for e in events if e.type == etype and e.actors]
            if earlier:
                return list(earlier[-1].actors)
        return []

    def _own_spokesperson(self, quote: Quote, actors: list[Mention], sent: Any) -> bool:
        """An official reporting an act of the same country's police reports it as fact
        (police-blotter style: "Officers arrested X, Harris said"), unless the sentence hedges
        it ("reportedly")."""
        spk = quote.speaker
        if spk is None:
            return False
        if any(t.lower_ in CLAIM_ADVERBS for t in sent):
            return False  # "officers reportedly located ...": the report is hedged
        a = actor_code(actors[0]) if actors else None
        b = actor_code(spk)
        # police reports: an official of the same country reporting a police act
        return (a is not None and b is not None and a[3:6] == "COP" and a[:3] == b[:3]
                and b[3:6] in {"GOV", "COP"})

    def _situated(self, tok: Any) -> bool:
        """An event noun with its own place or date ("protests in Tehran on Friday") is a
        particular occurrence, not a back-reference."""
        around = list(tok.children)
        if tok.dep_ in {"nsubj", "nsubjpass", "dobj"}:  # "protests were held last year in X"
            around += [c for c in tok.head.children if c.i != tok.i]
        for c in around:
            if c.ent_type_ in {"DATE", "TIME"}:
                return True
            if c.dep_ == "prep" and c.lower_ in {"in", "at", "near", "outside", "across",
                                                 "on"} and any(
                    t.ent_type_ in {"GPE", "LOC", "FAC", "DATE", "TIME"}
                    for g in c.children if g.dep_ == "pobj" for t in g.subtree):
                return True  # "gunfire near the fuel facility in Senkata"
        return False

    def _crowd(self, toks: list[Any]) -> bool:
        """Protesters, or a part of them ("a radical minority of protesters")."""
        return any(t.lemma_.lower() in CROWD_NOUNS or any(
            g.lemma_.lower() in CROWD_NOUNS for c in t.children
            if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj")
            for t in toks)

    def _verb_codes_it(self, tok: Any, etype: str) -> bool:
        """The event noun is the object of a verb that codes the same act, which comes later in
        the sentence: "Tariffs have been imposed on X", "tariffs imposed by China"; or an attack
        that is the subject of its own harm verb ("The drone strike killed ...")."""
        return self.coding_verb(tok, etype) is not None

    def coding_verb(self, tok: Any, etype: str) -> Any | None:
        """The verb that codes the event noun ``tok``'s act (:meth:`_verb_codes_it`), if any."""
        if any(c.dep_ == "poss" for c in tok.children):
            return None  # "accept its offer": the offer is its maker's own act
        verbs = [c for c in tok.children if c.dep_ == "acl" and c.pos_ == "VERB"]
        if tok.dep_ in {"nsubjpass", "dobj"} and tok.head.pos_ == "VERB":
            verbs.append(tok.head)
        if tok.dep_ == "nsubj" and tok.head.pos_ == "VERB" and tok.lemma_.lower() in WEAPON_NOUNS:
            verbs.append(tok.head)  # "The drone strike killed a commander": one attack
        for verb in verbs:
            got = self.match(verb)
            if got is not None and got[0].type == etype and got[0].pos == "verb":
                return verb
        return None

    def _back_reference(self, tok: Any, etype: str, events: list[Event]) -> bool:
        """"this crackdown", "the call" after the call was reported: not a new event."""
        dets = {c.lower_ for c in tok.children if c.dep_ in {"det", "poss"}}
        if dets & {"this", "that", "these", "those"} or any(
                c.dep_ in {"amod", "predet"} and c.lower_ == "such" for c in tok.children):
            return True  # "this crackdown", "the biggest such protest"
        if not dets and tok.tag_ == "NNS" and self._same_act_named(tok, etype, events):
            return True  # "Negotiations between the club and his agents intensified, with
            # talks continuing into the night": two words for one act
        if not dets & {"the", "its", "their", "his", "her"}:
            return False
        lemma = tok.lemma_.lower()
        for e in events:
            if e.type == etype and e.trigger.text.lower().split()[-1].startswith(lemma[:4]):
                return True
        return False

    def _same_act_named(self, tok: Any, etype: str, events: list[Event]) -> bool:
        """An event of the same type was coded from a noun earlier in the same sentence."""
        sent = tok.sent
        for e in events:
            if e.type == etype and sent.start_char <= e.trigger.start < tok.idx:
                span = self.parsed.char_span(e.trigger.start, e.trigger.end,
                                             alignment_mode="expand")
                if span is not None and span.root.pos_ in {"NOUN", "PROPN"}:
                    return True
        return False

    def _is_speaker(self, m: Mention, quote: Quote) -> bool:
        spk = quote.speaker
        if spk is None:
            return False
        if _same(m, spk):
            return True
        if m.actor is not None and spk.actor is not None and m.actor.kind == "person" and (
                spk.actor.kind == "person") and m.actor.id != spk.actor.id:
            return False  # one person testifying about another's act
        a, b = actor_code(m), actor_code(spk)
        # the same state speaking for itself: "Iran said it would ..." (IRN / IRNGOV), not an
        # officer about the president (USAMIL / USAGOV)
        return a is not None and b is not None and a[:3] == b[:3] and (
            a[3:6] == b[3:6] or not a[3:6] or not b[3:6])

    def _justification(self, quote: Quote) -> bool:
        """"called on the US to withdraw ... saying its presence is illegal": the evaluation
        justifies a coded statement and is not an event of its own."""
        if quote.cue is None:
            return False
        span = self.parsed.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
        if span is None:
            return False
        cue = span[0]
        if cue.dep_ in {"advcl", "xcomp", "conj"}:
            got = self.match(cue.head)
            return got is not None and got[0].type in VERBAL_TYPES
        return False

    def _adj_status(self, tok: Any) -> tuple[Status, bool]:
        """A statement's own act (evaluation, "must"): asserted, speculative if hedged."""
        pred = tok.head if tok.dep_ != "amod" else tok
        negated = any(c.dep_ == "neg" or c.lower_ == "longer" for c in (
            *pred.children, *tok.children, *pred.head.children))
        return "asserted", negated

    def _governed(self, tok: Any, etype: str) -> bool:
        """The act asked for, offered or refused, up a chain of complements: "threatened to
        assault and murder X", "called on X to let Y deliver aid"."""
        node = tok
        for _ in range(6):
            if node.dep_ == "conj" and node.head.i != node.i:
                node = node.head
                continue
            if node.dep_ in {"xcomp", "ccomp", "pcomp"} or _object_infinitive(node):
                head = node.head
            elif node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.lower_ in {
                    "for", "on", "to"}:
                head = node.head.head
            elif node.dep_ == "dobj" and (node.head.lemma_.lower() in LIGHT_VERBS or (
                    node.pos_ == "NOUN" and etype in PROPOSAL_TYPES
                    and self._is_refusal(node.head))):
                head = node.head  # "did not accept the offer of talks": what is refused
            elif node.dep_ == "dobj" and node.pos_ == "NOUN" and self._asks(node.head):
                head = node.head  # "demanded the release of X": the release is demanded
            elif node.dep_ == "acl" and node.head.pos_ == "NOUN":
                head = node.head  # "its offer to provide free flu shots"
            else:
                return False
            if head.dep_ == "prep":
                head = head.head
            if self._is_verbal_head(head):
                return True
            node = head
        return False

    def _consumed(self, obj: Any, etype: str) -> bool:
        """The listed object of a trigger is part of its event ("imposed sanctions"), unless
        it is another party's act of its own ("deflected attacks by Republicans")."""
        got = self.match(obj) if obj.pos_ == "NOUN" else None
        return got is None or got[0].type == etype or got[0].type in PROPOSAL_TYPES

    @staticmethod
    def _carrying_verb(tok: Any, etype: str) -> Any | None:
        """The verb whose subject does what an event noun in its phrase names: "teachers went on
        strike", "added Chinese firms to a blacklist", "Beijing retaliated with tariffs"."""
        prep = tok.head
        if tok.dep_ != "pobj":
            return None
        verb = prep.head
        lemma = verb.lemma_.lower()
        if prep.lower_ == "on" and lemma in {"go", "be", "remain", "stay"} and etype == "PROTEST":
            return verb
        if prep.lower_ in {"to", "on"} and lemma in LISTING_VERBS:
            return verb
        if prep.dep_ == "prep" and prep.lower_ == "with" and lemma in RESPONSE_VERBS:
            return verb
        return None

    def _accused(self, tok: Any) -> Any | None:
        """The one charged with, accused of, convicted of or confessing to the act ``tok``
        names ("the man was charged with kidnapping", "found him guilty of murder", "the
        suspect confessed to the killing"), whatever the act's type ("accused the US of
        funding the coalition"), or the act that is the means of the charged one ("accused
        Israel of committing war crimes by targeting civilian infrastructure")."""
        if tok.dep_ == "pcomp" and tok.head.lower_ == "by" and tok.head.head.dep_ == "pcomp":
            tok = tok.head.head  # "of committing war crimes by targeting ..."
        prep = tok.head
        if tok.dep_ not in {"pobj", "pcomp"} or prep.lower_ not in {"with", "of", "for", "to"}:
            return None  # (pcomp: "charged two men with kidnapping a businesswoman")
        verb = prep.head
        if verb.lemma_.lower() in {"guilty", "innocent"}:
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                return subj  # "found [him guilty] of murder": a small clause
            verb = verb.head  # "found him guilty of murder"
        lemma = verb.lemma_.lower()
        if lemma in CONFESS_VERBS:
            return subject_of(verb)
        if lemma not in ACCUSING_VERBS:
            return None
        return next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}), None)

    def _verbal_fight(self, tok: Any, a_toks: list[Any], r_toks: list[Any]) -> bool:
        """An attack or clash in words: on a thing only words can hit ("attacked Bloomberg's
        record"), over a topic ("clashed over health care"), or by speakers by trade
        ("the candidates clashed")."""
        if any(t.lemma_.lower() in VERBAL_TARGETS for t in r_toks):
            return True
        if any(c.dep_ == "prep" and c.lower_ in {"over", "about"} for c in tok.children):
            return True
        if self._in_words(tok):
            return True
        if tok.lemma_.lower() != "assault" and any(
                self._wordy_person(a) for a in a_toks) and any(self._one_person(t) for t in r_toks):
            return True  # "the president attacked the former ambassador"
        return any(t.lemma_.lower() in SPEAKER_NOUNS or (t.dep_ == "compound" and (
            t.lemma_.lower() in SPEAKER_NOUNS)) for a in a_toks for t in (a, *a.children))

    @staticmethod
    def _in_words(tok: Any) -> bool:
        """Is the act done in words: "on Twitter", "in a tweet", "…, calling her 'bad news'"?"""
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "on" and any(
                    g.lower_ in MEDIUMS for g in c.children if g.dep_ == "pobj"):
                return True
            if c.dep_ == "prep" and c.lower_ in {"in", "during", "at"} and any(
                    g.lemma_.lower() in SPOKEN_FORMS for g in c.children if g.dep_ == "pobj"):
                return True
            if c.dep_ in {"advcl", "xcomp", "conj"} and c.tag_ == "VBG" and (
                    c.lemma_.lower() in NAMING_VERBS):
                return True
        return False

    def _wordy_person(self, tok: Any) -> bool:
        """One person of a political trade ("Trump", "the president", "a senator"): not a
        state, a force or a group, whose attacks are physical."""
        if tok.tag_ in {"NNS", "NNPS"} or tok.lower_ in {"they", "we", "them"}:
            return False
        mention = self.finder.for_token(tok)
        code = actor_code(mention) if mention is not None else None
        if not code or code[3:6] not in WORDY_SECTORS:
            return False
        return tok.lower_ in {"he", "she"} or self._one_person(tok)

    def _one_person(self, tok: Any) -> bool:
        """A single person: a person name (by the parser or the actors stage) or a singular
        person noun ("the former ambassador")."""
        if tok.tag_ in {"NNS", "NNPS"}:
            return False
        if tok.ent_type_ == "PERSON" or (tok.pos_ == "NOUN" and is_person_noun(tok.lemma_.lower())):
            return True
        mention = self.finder.for_token(tok)
        return mention is not None and (mention.label == "PERSON" or (
            mention.actor is not None and mention.actor.kind == "person"))

    def _kept_from_happening(self, tok: Any) -> bool:
        """An event noun that is prevented, avoided or refused ("avoided direct criticism",
        "will not tolerate clashes"): it did not happen, so it is coded as negated."""
        if tok.dep_ not in {"dobj", "nsubjpass"}:
            return False
        verb = tok.head
        lemma = verb.lemma_.lower()
        if lemma in PREVENT_VERBS:
            return True
        return lemma in PERMIT_VERBS and any(
            c.dep_ == "neg" or (c.dep_ == "aux" and c.lemma_.lower() in self.spec_aux | (
                self.future_aux)) for c in verb.children)

    def _addresses_reader(self, tok: Any) -> bool:
        """An imperative, or an act of "you", outside any quote: the page speaks to its reader
        (advertising, service lines), it reports no event. Inside quotes these are demands
        (see :meth:`_imperative`)."""
        if self.quote_at(tok.idx) is not None:
            return False
        subj = subject_of(tok)
        if subj is not None and subj.i != tok.i:
            return subj.lower_ == "you"
        return tok.tag_ == "VB" and tok.dep_ == "ROOT" and not any(
            c.dep_ in {"aux", "auxpass"} for c in tok.children)

    def _habitual(self, tok: Any) -> bool:
        """A present-simple verb in a relative clause on an antecedent that is no particular
        thing or party is generic: "forces who kill protesters", "anything you ask him to",
        "he will attack enemies who attack Iran" (docs/annotation-events.md: not coded). On a
        particular antecedent the clause reports an act ("an ad ... which accuses Hagan",
        "accusations of treason, which he denies"; round 21, docs/events-learned.md)."""
        if tok.dep_ != "relcl" or not _bare_present(tok):
            return False
        antecedent = tok.head
        return _bare_plural(antecedent) or _free_choice(antecedent) or _in_modal_frame(
            antecedent)

    def _reason(self, tok: Any) -> bool:
        """"deported for violating visa norms": the reason for an arrest, deportation or
        charge is the allegation behind it, not an event of its own."""
        if tok.dep_ != "pcomp" or tok.head.lower_ != "for":
            return False
        got = self.match(tok.head.head)
        return got is not None and got[0].type in {"COERCE", "ACCUSE", "SANCTION"}

    @staticmethod
    def _elaborates(verb: Any, etype: str, coded: dict[int, str]) -> bool:
        """The describing verb is itself the coded act, or a participle hanging on it ("pushed
        back on the report, calling it false"): one act, not two."""
        if coded.get(verb.i) == etype:
            return True
        return verb.tag_ == "VBG" and verb.dep_ in {"advcl", "xcomp", "conj"} and coded.get(
            verb.head.i) == etype

    def _protesters(self, tok: Any, lemma: str) -> bool:
        """A rally or march is a protest when a group does it, not a player or an index
        ("Rublev rallied to beat ...", "the Nifty has been rallying")."""
        if lemma not in GROUP_PROTEST_VERBS:
            return True
        subj = subject_of(tok)
        return subj is None or subj.ent_type_ == "NORP" or (
            subj.pos_ == "NOUN" and subj.tag_ == "NNS")

    def _protest_noun(self, tok: Any) -> bool:
        """Not a protest: a rally of a market or a campaign ("the market rally"), or the
        venue of a speech ("Trump said at a rally in Louisiana"), or the manner of another act
        ("recalled its ambassador in protest at the port deal")."""
        if tok.lower_ == "protest" and tok.dep_ == "pobj" and tok.head.lower_ == "in" and not any(
                c.dep_ in {"det", "poss", "amod"} for c in tok.children):
            return False
        if any(c.dep_ in {"compound", "amod", "nmod", "poss"} and c.lemma_.lower() in
               self.non_protest for c in tok.children):
            return False
        if any(c.dep_ == "prep" and c.lower_ in {"in", "of"} and any(
                g.dep_ == "pobj" and g.lemma_.lower() in self.non_protest for g in c.children)
               for c in tok.children):
            return False  # "the rally in bank stocks"
        head = tok.head
        return not (tok.lemma_.lower() == "rally" and tok.dep_ == "pobj" and head.lower_ in {
            "at", "during"} and head.head.pos_ in {"VERB", "AUX"} and not any(
                c.dep_ == "prep" and c.lower_ in {"against", "for"} for c in tok.children))
        # "endorsed the candidate at a rally in Kentucky": the venue of another act

    def _own_future_act(self, tok: Any) -> bool:
        """"Iran warned that it would retaliate": a warning whose clause is the warner's own
        future act is a threat (docs/annotation-events.md, THREATEN); "warned that the economy
        would slow" is a forecast."""
        subj = subject_of(tok)
        for c in tok.children:
            if c.dep_ == "ccomp" and any(t.lemma_.lower() in THREAT_NOUNS and t.dep_ == "dobj"
                                         and t.head.lemma_.lower() in {"face", "pay", "suffer"}
                                         for t in c.subtree):
                return True  # "warned that Tehran would face consequences"
            if c.dep_ != "ccomp" or not any(a.dep_ == "aux" and a.lower_ in {
                    "will", "would", "'ll", "wo", "shall"} for a in c.children):
                continue
            inner = next((g for g in c.children if g.dep_ == "nsubj"), None)
            if inner is None:
                continue
            if inner.lower_ in {"we", "i"}:
                return True
            if subj is not None and is_pronoun(inner) and inner.i > subj.i:
                own = self.mention(inner)
                said = self.mention(subj)
                if own is not None and said is not None and (_same(own, said) or (
                        actor_code(own) is not None and actor_code(own) == actor_code(said))):
                    return True
            if subj is not None and not is_pronoun(inner) and (
                    c.lemma_.lower() in THREAT_CONTENT | {"act", "hit", "target"}):
                # "Araghchi warned that Tehran would respond decisively", "the minister
                # warned that police would act firmly": the warner's own state will do it
                own, said = self.mention(inner), self.mention(subj)
                if own is not None and said is not None and own.actor is not None and \
                        said.actor is not None and own.actor.country and \
                        own.actor.country == said.actor.country:
                    return True
        return False

    def _thing_subject(self, a_toks: list[Any], actors: list[Mention]) -> bool:
        """The only actor is a common noun for a thing: no entity, no dictionary actor, not a
        word for people or a party."""
        if len(a_toks) != 1 or any(m.actor is not None for m in actors):
            return False
        tok = a_toks[0]
        lemma = tok.lemma_.lower()
        if tok.lower_ in {"that", "this", "which", "what"} and tok.pos_ == "PRON":
            return True  # "That would help Trump's constituency"
        if tok.pos_ != "NOUN" or tok.ent_type_ or tok.dep_ not in {"nsubj", "nsubjpass", "pobj"}:
            return False
        if lemma in self.person_nouns or tok.lower_ in self.person_nouns or any(
                c.ent_type_ in PARTY_ENTS for c in tok.children):
            return False
        # a word for people by its ending ("investigators", "the pope's envoy" aside)
        return lemma in self.thing_nouns or not lemma.endswith(self.person_suffixes) or (
            lemma.endswith("ment"))

    def _owned_thing(self, tok: Any) -> bool:
        """A recipient phrase whose head is a thing, not a party, and whose only party is a
        possessive pronoun ("closed its borders", "eased the pressure on its economy"): the
        owner is not named as the one acted on."""
        if tok.pos_ != "NOUN" or tok.ent_type_ or tok.lemma_.lower() in self.party_nouns:
            return False  # the head itself names a party ("its forces")
        mods = [c for c in tok.children if c.dep_ not in {"det", "punct", "prep", "relcl", "acl"}]
        return bool(mods) and all(c.dep_ == "poss" and c.lower_ in {"its", "their"}
                                  for c in mods)

    @staticmethod
    def _media(m: Mention) -> bool:
        """A news outlet: a speech act credited to it is reported as fact
        (docs/annotation-events.md: "Velayati said …, according to Mehr" is asserted)."""
        code = actor_code(m) or ""
        words = {w.strip(".,").lower() for w in m.text.split()}
        return code[3:6] == "MED" or bool(words & MEDIA_WORDS)

    def _asks(self, tok: Any) -> bool:
        got = self.match(tok) if tok.pos_ == "VERB" else None
        return got is not None and got[0].type in {"DEMAND", "REQUEST"}

    def _is_refusal(self, tok: Any) -> bool:
        got = self.match(tok) if tok.pos_ == "VERB" else None
        return got is not None and got[0].type == "REJECT"

    def _told_by_its_when_clause(self, tok: Any) -> bool:
        """An agentless passive harm ("were injured") whose "when"/"as" clause is an attack by
        a named agent: the clause tells the same act, with its actor."""
        if not any(c.dep_ in {"auxpass", "nsubjpass"} for c in tok.children) or any(
                c.dep_ == "agent" for c in tok.children):
            return False
        for clause in tok.children:
            if clause.dep_ != "advcl" or not any(
                    c.dep_ in {"mark", "advmod"} and c.lower_ in {"when", "as"}
                    for c in clause.children):
                continue
            got = self.match(clause)
            if got is not None and got[0].type == "ASSAULT" and subject_of(clause) is not None:
                return True
        return False

    def _purpose(self, tok: Any, head_type: str | None = None) -> bool:
        """"used firearms to disperse protests", "training forces to fight IS": the purpose of
        a coded act (of ``head_type``, when given) is not an event of its own."""
        if tok.dep_ not in {"xcomp", "advcl"} or tok.head.i == tok.i:
            return False
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return False
        head = tok.head
        if is_speech_verb(head) or head.lemma_.lower() in self.spec_heads:
            return False
        got = self.match(head)
        return got is not None and got[0].type in (
            PURPOSE_HEAD_TYPES if head_type is None else {head_type})

    @staticmethod
    def _hypothetical(tok: Any) -> bool:
        """A wish, a precondition or a kind of act, not an occurrence: "would like to see China
        agree", "before the administration would agree", "any bill that cut funding". (Acts
        under "if" or "whether" are coded as speculative: docs/annotation-events.md counts
        considered events.)"""
        marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
        if marks & {"before", "until"} and any(c.dep_ == "aux" and c.lower_ in {
                "would", "could", "might"} for c in tok.children):
            return True
        if tok.dep_ == "relcl" and any(c.dep_ == "det" and c.lower_ in {"any", "every"}
                                       for c in tok.head.children):
            return True  # "would veto any bill that cut funding": a kind of act, none done
        return tok.dep_ in {"xcomp", "ccomp"} and tok.head.lemma_.lower() in WISH_VERBS

    def _notion(self, tok: Any) -> bool:
        """Inside the clause of "the idea that ...", "a need for ...": not a reported event."""
        node = tok
        for _ in range(5):
            head = node.head
            if head.i == node.i:
                return False
            if node.dep_ in {"acl", "ccomp", "appos", "advcl", "pobj"} and head.pos_ == "NOUN" \
                    and head.lemma_.lower() in NOTION_NOUNS:
                return True  # ("advcl": the parser's reading of "a need for X to ...")
            if node.dep_ in {"pobj", "pcomp"} and head.dep_ == "prep" and \
                    head.head.lemma_.lower() in NOTION_NOUNS:
                return True
            if node.dep_ in {"ROOT"} or is_speech_verb(head):
                return False
            node = head
        return False

    def _described(self, tok: Any) -> Any | None:
        """The describing verb of an evaluation "described X as ADJ" (the parser hangs the
        "as" phrase in several places): the nearest earlier describe-verb ancestor, with an
        "as" right before the adjective."""
        if tok.pos_ not in {"ADJ", "NOUN", "VERB"}:
            return None
        if tok.dep_ == "oprd" and tok.head.lemma_.lower() in DESCRIBE_VERBS:
            return tok.head  # "called the move a provocation"
        before = [t for t in tok.doc[max(tok.sent.start, tok.i - 4): tok.i]]
        if not any(t.lower_ == "as" for t in before):
            return None
        node = tok
        for _ in range(6):
            if node.head.i == node.i:
                return None
            node = node.head
            if node.pos_ == "VERB" and node.lemma_.lower() in DESCRIBE_VERBS:
                return node
        verb = next((t for t in reversed(list(tok.doc[tok.sent.start: tok.i]))
                     if t.pos_ == "VERB" and t.lemma_.lower() in DESCRIBE_VERBS), None)
        return verb

    def _is_verbal_head(self, tok: Any) -> bool:
        """A demand/offer/refusal whose complement is the act asked for (not coded apart); a
        denial's complement is a denied event and is coded."""
        if tok is None or tok.lemma_.lower() in self.denial:
            return False
        got = self.match(tok)
        return got is not None and got[0].type in VERBAL_HEAD_TYPES

    def _cue_lemmas(self, tok: Any, governor: Any | None) -> set[str]:
        """Words that can select a mode: the trigger, its object, complement and instrument
        ("with drones") with their compounds and modifiers."""
        lemmas = {tok.lemma_.lower()}
        for t in (tok, governor):
            if t is None:
                continue
            for c in t.children:
                picked = []
                if c.dep_ in {"dobj", "xcomp", "ccomp", "compound", "amod", "nmod", "nsubjpass",
                              "pcomp"}:
                    picked.append(c)
                elif c.dep_ == "prep" and c.lower_ in {"with", "by", "of", "for", "in"}:
                    picked.extend(g for g in c.children if g.dep_ in {"pobj", "pcomp"})
                for p in picked:
                    lemmas.add(p.lemma_.lower())
                    lemmas.update(g.lemma_.lower() for g in p.children
                                  if g.dep_ in {"compound", "amod", "dobj", "nmod", "prt"})
        return lemmas

    def _sent_span(self, sent: Any) -> Span:
        start, end = sent.start_char, sent.end_char
        text = self.doc.text
        while end > start and text[end - 1].isspace():
            end -= 1
        return self.doc.span(start, end)


def _antecedent(verb: Any, arg: Any) -> Any:
    """The noun a relative pronoun stands for when ``verb`` heads the relative clause
    ("hostages who had been held" -> hostages); else ``arg`` itself."""
    if arg.lower_ in {"who", "whom", "which", "that"} and arg.pos_ != "PROPN" and (
            verb.dep_ == "relcl"):
        return verb.head
    return arg


def conjuncts(tok: Any) -> list[Any]:
    """The nouns, names and pronouns coordinated with ``tok``, down the chain of ``conj``
    ("Iran, Russia and Turkey")."""
    out = []
    stack = [c for c in tok.children if c.dep_ == "conj"]
    while stack:
        c = stack.pop(0)
        if c.pos_ in {"NOUN", "PROPN", "PRON"}:
            out.append(c)
            stack.extend(g for g in c.children if g.dep_ == "conj")
    return out


def public_mentions(doc: Document) -> int:
    """Mentions the actors stage resolved to a body of public life (``PUBLIC_SECTORS``): what
    the relevance step counts."""
    return sum(1 for m in doc.mentions if m.actor is not None and (
        (m.actor.sector or "") in PUBLIC_SECTORS or m.actor.cameo[3:6] in PUBLIC_SECTORS))


# Verbs whose subject, a share of those polled, holds the clause below as a view: wider than
# OPINION_VERBS (cognition, for an evaluation), since a poll also reports what people want,
# expect, say or agree with.
POLL_VERBS = frozenset({"think", "believe", "feel", "want", "expect", "say", "agree"})
SHARE_WORDS = frozenset({"%", "percent", "per", "cent"})


def _counted(tok: Any) -> list[Any]:
    """What a counting word or number counts: "some of the demands" -> demands, "dozens of
    protesters" -> protesters; [] when ``tok`` counts nothing (or names no "of"-phrase)."""
    if tok.ent_type_ in {"CARDINAL", "QUANTITY"} or tok.lemma_.lower() in COUNTING_WORDS:
        return _pobjs([tok], {"of"})
    return []


def _content(tok: Any) -> bool:
    """``tok`` (or what it counts) is a common noun naming what is said, asked or decided
    (``CONTENT_NOUNS``: "the Flemish demands", "some of the demands", "the plan"), not a party.
    Why a word list and not WordNet's classes: "concern" and "law" have group senses
    ("a concern" is a firm, "the law" the police), and its class of acts holds "attack" and
    "invasion" beside "decision"; the list names the content nouns the argument steps meet."""
    heads = _counted(tok) or [tok]
    return all(h.pos_ == "NOUN" and h.ent_type_ not in PARTY_ENTS
               and h.lemma_.lower() in CONTENT_NOUNS for h in heads)


def _accused_in(clause: Any) -> list[Any]:
    """The one an accusation stating ``clause`` accuses: its subject ("complained that the
    monitors had left"); but where a passive clause's subject is content ("regretted that some
    of the Flemish demands were caricatured"), that is what was done to, and the accused is the
    clause's "by"-agent, if named (round 34: the gold leaves dev4's such recipient empty)."""
    out: list[Any] = []
    for g in clause.children:
        if g.dep_ not in {"nsubj", "nsubjpass"} or g.lower_ in {
                "who", "which", "that", "it", "this", "there"}:
            continue
        out.extend(_agent_objects(clause) if g.dep_ == "nsubjpass" and _content(g) else [g])
    return out


def _poll_opinion(tok: Any) -> bool:
    """The trigger lies in the clause a poll's share holds as its opinion ("41% thought that he
    would have to resign", "a third of voters believe the minister should quit"): what a share
    of respondents thinks should happen is no one's act (round 26: once the church title
    "archbishop" coded the resigning person, the gate let such an opinion through)."""
    cur = tok
    for _ in range(3):
        if cur.dep_ not in ("ccomp", "xcomp", "conj", "aux") or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.lemma_.lower() in POLL_VERBS:
            return any(c.dep_ == "nsubj" and any(t.lower_ in SHARE_WORDS for t in c.subtree)
                       for c in cur.children)
    return False


def _claimed_responsibility(tok: Any) -> bool:
    """``tok`` is X in "claimed (took, accepted) responsibility/credit for X"."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "for" or prep.head.lemma_.lower() not in {
            "responsibility", "credit"}:
        return False
    return prep.head.head.lemma_.lower() in RESPONSIBILITY_VERBS


def _responsibility_claimant(tok: Any) -> Any | None:
    """The subject of a relative clause that claims ``tok``: "the bombing, for which Al-Qaeda
    claimed responsibility" -> Al-Qaeda (none when nobody is named, "for which no one ...")."""
    for rel in tok.children:
        if rel.dep_ != "relcl" or rel.lemma_.lower() not in RESPONSIBILITY_VERBS:
            continue
        owned = [g for c in rel.children if c.dep_ == "dobj"
                 and c.lemma_.lower() in {"responsibility", "credit"}
                 for p in (*c.children, *rel.children) if p.dep_ == "prep" and p.lower_ == "for"
                 for g in p.children if g.dep_ == "pobj" and g.lower_ == "which"]
        subj = next((c for c in rel.children if c.dep_ == "nsubj"), None)
        if owned and subj is not None and not _nobody(subj):
            return subj
    return None


def _nobody(subj: Any) -> bool:
    """"nobody", "none", "no group": a subject that names no one."""
    return subj.lower_ in {"nobody", "none"} or any(
        c.dep_ == "det" and c.lower_ == "no" for c in subj.children)


def _object_infinitive(tok: Any) -> bool:
    """"pressed Zelensky [to open an investigation]": an infinitive after the object that the
    small parser hangs as an adverbial clause (advcl) instead of a complement (xcomp)."""
    if tok.dep_ != "advcl" or tok.head.i == tok.i or tok.head.lemma_.lower() not in (
            OBJECT_CONTROL_VERBS):
        return False
    if not any(g.dep_ == "aux" and g.lower_ == "to" for g in tok.children) or any(
            g.dep_ == "mark" for g in tok.children):
        return False  # "in order to", "so as to" are purposes
    return any(c.dep_ == "dobj" and c.i < tok.i for c in tok.head.children)


def _measure(tok: Any) -> bool:
    """An amount or a collection whose "of"/"in" phrase says what it is: "$391 million in aid",
    "a new round of tariffs", "a state of emergency"."""
    return tok.ent_type_ in {"MONEY", "QUANTITY", "CARDINAL"} or tok.lemma_.lower() in MEASURE_NOUNS


def _same(a: Mention, b: Mention) -> bool:
    return a.start == b.start and a.end == b.end


def _subjunctive(verb: Any) -> bool:
    """A bare verb after a singular subject ("insisted that Washington stop ..."): the form of
    a demand, not of a report ("insisted that it had done nothing wrong")."""
    if any(g.dep_ in {"aux", "auxpass"} for g in verb.children):
        return False
    subj = next((g for g in verb.children if g.dep_ == "nsubj"), None)
    if subj is None:
        return False
    return verb.tag_ == "VB" or (verb.tag_ == "VBP" and (
        subj.tag_ in {"NN", "NNP"} or subj.lower_ in {"he", "she", "it"}))


def _in_name(tok: Any) -> bool:
    """A capitalised word inside a multi-word name of an organisation, building, product, work
    or person: the word names, it does not report ("Alliance for American Manufacturing").
    Events named as such ("the Falklands War") are EVENT entities and stay triggers."""
    if tok.ent_type_ not in NAME_ENTITIES or not tok.text[:1].isupper():
        return False
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return tok.ent_iob_ == "I" or (nxt is not None and nxt.ent_iob_ == "I")


# What a source may refuse to do with no event when it only answers a reporter: these always,
# the giving verbs (NO_COMMENT's rest) only of information ("declined to give details").
SPEECH_ACTS = NO_COMMENT - {"give", "provide", "release", "share"}


# What is put to a party to accept: turning one down is a refusal even when said with "cannot"
# ("we cannot accept these terms"), the guideline's REJECT of a demand, offer or proposal.
PROPOSED_NOUNS = YIELD_OBJECTS | {"proposal", "offer", "plan", "deal", "agreement", "compromise",
                                  "invitation", "resolution", "settlement", "ruling", "verdict",
                                  "decision", "mediation", "ceasefire", "truce", "proposition"}


def ability_negated(tok: Any) -> bool:
    """Whether the verb ``tok`` is negated through a modal of ability ("we cannot impound",
    "could not be extradited", "can't tell")."""
    return any(c.dep_ == "neg" for c in tok.children) and any(
        c.dep_ == "aux" and c.lower_ in ABILITY_AUX for c in tok.children)


def cannot_refuses(tok: Any) -> bool:
    """Whether ``tok``'s "cannot" / "could not" is a refusal rather than an inability: only a
    verb of compliance ("accept", "agree", "comply") refuses by "cannot", and only something put
    to the speaker (a demand, offer or proposal: "we cannot accept these terms", or no object:
    "we cannot comply"). What a party cannot do otherwise is a circumstance, not a refusal of a
    request: "we cannot impound the money [without evidence]", "we cannot tell the Israelis
    what's best", "it could not be extradited", "cannot tolerate any leaders who ..."."""
    if tok.lemma_.lower() not in COMPLY_VERBS or any(
            c.dep_ == "prep" and c.lower_ in {"on", "over", "about"} for c in tok.children):
        return False  # "could not agree on verdicts": deciding together failed, nothing refused
    things = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
    things += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in {"to", "with"}
               for g in c.children if g.dep_ == "pobj"]
    if any(c.dep_ == "auxpass" for c in tok.children) and not things:
        return False
    return not things or any(t.lemma_.lower() in PROPOSED_NOUNS for t in things)


# ASSAULT's weapon modes (plover.yaml, read by their cue words), the most specific first: a
# suicide bomber's attack is `suicide-attack` before it is `explosives`, and the platform before
# the munition (plover.yaml's `explosives` are those "outside heavy weapons").
WEAPON_MODES = ("suicide-attack", "aerial", "heavy-weapons", "explosives", "firearms",
                "primitive")


def _with_modifiers(tok: Any) -> set[str]:
    return {tok.lemma_.lower()} | {c.lemma_.lower() for c in tok.children
                                   if c.dep_ in {"compound", "amod", "nmod"}}


def weapon_words(tok: Any) -> set[str]:
    """Lemmas that can name the weapon of the attack ``tok`` reports: the trigger with its
    compounds ("car bomb attack"), its instrument ("injured by a bomb", "with knives"), and its
    attacker with the attacker's modifiers and arms ("a suicide bomber has killed", "gunmen
    opened fire", "men armed with guns invaded ... and killed"). A passive's attacker is its
    "by"-agent only: the subject of the clause above is no one's weapon."""
    words = _with_modifiers(tok)
    for c in tok.children:
        if c.dep_ in {"prep", "agent"} and c.lower_ in {"with", "by"}:
            words.update(w for g in c.children if g.dep_ == "pobj" for w in _with_modifiers(g))
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in tok.children)
    attacker = subject_of(tok) if tok.pos_ == "VERB" and not passive else None
    if tok.pos_ == "NOUN":  # "the militants' attack"
        attacker = next((c for c in tok.children if c.dep_ == "poss"), None)
    if attacker is not None:
        words |= _with_modifiers(attacker)
        words.update(w for a in attacker.children if a.lemma_.lower() == "arm"
                     for p in a.children if p.dep_ == "prep" and p.lower_ == "with"
                     for g in p.children if g.dep_ == "pobj" for w in _with_modifiers(g))
    return words


def weapon_mode(tok: Any, onto: Ontology) -> str | None:
    """The mode of the ASSAULT ``tok`` reports when its own words name it: the trigger by a
    mode's cue word ("assassination", "beaten"), else the weapon its clause names
    (:func:`weapon_words` against the cue words of plover.yaml's weapon modes, in the order of
    :data:`WEAPON_MODES`): "A suicide bomber has killed 24 children" -> `suicide-attack`, "a car
    bomb attack" -> `explosives`, "warplanes bombed the town" -> `aerial`."""
    modes = onto.types["ASSAULT"].modes if "ASSAULT" in onto.types else {}
    own = onto.mode_from_cues("ASSAULT", {tok.lemma_.lower()})
    if own is not None and own not in WEAPON_MODES:
        return own
    words = weapon_words(tok)
    return next((m for m in WEAPON_MODES if m in modes and words.intersection(modes[m].cues)),
                None)


def refuses_comment(tok: Any) -> bool:
    """Whether ``tok`` is a refusal to comment ("refused to comment", "refused to discuss the
    contents", "his refusal to elaborate"): a reporter's question refused is no event
    (docs/annotation-events.md §2). A commitment refused ("refused to confirm that they would
    halt the plan") or a named party's questions refused ("refused to answer Congress'
    questions") stay REJECTs."""
    if tok.lemma_.lower() not in {"decline", "refuse", "refusal"}:
        return False
    for c in tok.children:
        if c.dep_ not in {"xcomp", "acl"} or c.lemma_.lower() not in NO_COMMENT:
            continue
        if any(g.dep_ == "ccomp" and any(a.lower_ in {"would", "will"} for a in g.children)
               for g in c.children):
            continue
        if any(g.dep_ == "dobj" and any(p.dep_ == "poss" for p in g.children)
               for g in c.children):
            continue
        if c.lemma_.lower() in SPEECH_ACTS or any(
                g.dep_ == "dobj" and g.lemma_.lower() in INFO_NOUNS for g in c.children):
            return True
    return False


# What a state grants or refuses at its border, and the movements a "permission" may be for.
ENTRY_NOUNS = frozenset({"visa", "entry", "admission", "overflight", "landing"})
ENTRY_MOVES = frozenset({"enter", "land", "pass", "fly", "cross", "overfly", "visit", "travel"})


def refuses_entry(tok: Any) -> bool:
    """Whether the verb ``tok`` refuses a person or craft entry ("was denied a visa", "refused
    entry", "is not granting her a visa", "permission to land was denied"): COERCE ``restrict``,
    a border closed to one person, not a REJECT (docs/annotation-events.md §3)."""
    lemma = tok.lemma_.lower()
    negated = any(c.dep_ == "neg" for c in tok.children)
    if not (lemma in {"deny", "refuse", "reject", "revoke"}
            or (negated and lemma in {"grant", "issue", "give"})):
        return False
    for c in tok.children:
        if c.dep_ not in {"dobj", "nsubjpass", "dative"}:
            continue
        noun = c.lemma_.lower()
        if noun in ENTRY_NOUNS or (noun == "permission" and any(
                g.dep_ in {"acl", "xcomp"} and g.lemma_.lower() in ENTRY_MOVES
                for g in c.children)):
            return True
    return False


def _bare_present(verb: Any) -> bool:
    """A verb in the simple present with no auxiliary ("forces who kill protesters")."""
    return verb.tag_ in {"VBZ", "VBP"} and not any(c.dep_ in {"aux", "auxpass"}
                                                   for c in verb.children)


def _bare_plural(noun: Any) -> bool:
    """A plural noun with no article, possessive or number: things of a kind ("forces")."""
    return noun.tag_ in {"NNS", "NNPS"} and not any(
        c.dep_ in {"det", "poss", "nummod"} for c in noun.children)


def _free_choice(noun: Any) -> bool:
    """A pronoun or noun phrase that picks out whatever fits, not one thing or party:
    "anything", "everyone", "nobody", "any bill", "every member"."""
    return noun.lower_ in FREE_CHOICE_PRONOUNS or any(
        c.dep_ == "det" and c.lower_ in FREE_CHOICE_DETS for c in noun.children)


def _in_modal_frame(noun: Any) -> bool:
    """``noun`` is an argument of a clause under a modal or a condition ("he will attack
    enemies who ...", "Zelensky will ... do anything you ask", "if anyone who ... is
    arrested"), looking up through prepositions and infinitive complements: what it names is
    supposed, not a particular thing. An appended comment ("..., something Iran denies") is no
    argument and stays."""
    if noun.dep_ not in FRAME_ARGUMENTS:
        return False
    verb = noun.head
    while verb.dep_ in {"prep", "pobj", "agent"} and verb.head is not verb:
        verb = verb.head
    while True:
        if any((c.dep_ == "aux" and c.tag_ == "MD") or (
                c.dep_ == "mark" and c.lower_ in {"if", "unless"}) for c in verb.children):
            return True
        if verb.dep_ != "xcomp" or verb.head is verb:
            return False
        verb = verb.head


def _present_simple(verb: Any) -> bool:
    """A verb in the simple present with no auxiliary, or "is/are" + adjective or participle
    ("the duty is paid"): the tense of general truths, not of a dated occurrence."""
    if verb.tag_ in {"VBZ", "VBP"}:
        return _bare_present(verb)
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    return verb.tag_ in {"VBN", "JJ"} and len(auxes) == 1 and auxes[0].tag_ in {"VBZ", "VBP"}


def outside_headings(doc: Document, events: list[Event]) -> list[Event]:
    """``events`` without those whose trigger lies in a section heading of the page
    (``doc.headings``), renumbered; the same list when none does. Why: a heading is no unit
    of the guideline (docs/annotation-events.md §1), it names or asks about what the
    paragraphs under it tell ("What tariffs has the United States imposed?"), so an event
    read from it is the body's event told twice or a question's. Text input has no headings."""
    if not doc.headings or not events:
        return events
    kept = [e for e in events if not any(h.start <= e.trigger.start < h.end for h in doc.headings)]
    return events if len(kept) == len(events) else renumbered(doc, kept)


def renumbered(doc: Document, events: list[Event]) -> list[Event]:
    """``events`` with their ids made ``<doc id>:<n>`` again, in order, after some were dropped,
    so that they run without a gap as the rule coder numbers them (:meth:`_DocCoder.recode`)."""
    return [replace(event, id=f"{doc.id}:{n}") for n, event in enumerate(events)]


def _zero_conditional(tok: Any) -> bool:
    """"When the United States slaps tariffs on goods, it isn't foreign exporters that pay":
    present tense in both the "if/when" clause and its main clause states a general rule,
    not a particular event (docs/annotation-events.md: generic references are not coded).
    A future or modal main clause ("if Iran attacks, the US will respond") is a conditional
    about a particular event and stays, coded speculative."""
    if tok.dep_ != "advcl" or not any(c.dep_ in {"mark", "advmod"} and c.lower_ in
                                      GENERIC_MARKS for c in tok.children):
        return False
    return _present_simple(tok) and _present_simple(tok.head)


def kind_of_act(tok: Any, *, objects: bool = True, adjectives: bool = True,
                statives: bool = False) -> bool:
    """Whether ``tok`` is a bare plural event noun (no article, possessive, number or compound)
    that is the subject, or with ``objects`` the object, of a verb in the simple present: acts
    of a kind in general, none in particular ("FARC activities include kidnappings", "Tariffs
    on consumer products hit customers directly"). A subject of a verb of occurring ("Protests
    erupt in Tripoli") reports an occurrence and stays. Without ``adjectives`` an adjective makes
    the noun particular ("Other accusations of Israel claim ..."); with ``statives`` "is/are" +
    participle or adjective and "can/may" + verb are general statements too.

    Both coders call it, each with its own reading (docs/events-learned.md, round 21): the rule
    steps veto their own noun triggers with ``objects=False, adjectives=False, statives=True``
    (round 7); the learned coder's post-processing drops any event's head with the defaults
    (round 20: "face near-daily bombings"). Either reading for both changes outputs on the
    training gold, so the two are kept."""
    if tok.tag_ != "NNS" or tok.dep_ not in ({"nsubj", "dobj"} if objects else {"nsubj"}):
        return False
    particular = {"det", "poss", "nummod", "compound"} | (set() if adjectives else {"amod"})
    if any(c.dep_ in particular for c in tok.children):
        return False
    head = tok.head
    if tok.dep_ == "nsubj" and head.lemma_.lower() in OCCURRENCE_VERBS:
        return False
    if not statives:
        return _bare_present(head)
    modal = any(c.dep_ == "aux" and c.lower_ in {"can", "may"} for c in head.children)
    return _present_simple(head) or modal


def _agent_objects(tok: Any) -> list[Any]:
    """The objects of ``tok``'s "by"-agent ("were arrested by police": police)."""
    return [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def _neither_nor(verb: Any) -> bool:
    """The verb is the second of "neither confirm(ed) nor deny/denied": a refusal to say."""
    first = verb.head
    return verb.dep_ == "conj" and first.lemma_.lower() == "confirm" and any(
        c.lower_ == "neither" for c in first.children) and any(
        c.lower_ == "nor" for c in first.children)


def _official(m: Mention) -> bool:
    """A state, an IGO or a body of government, legislature, armed forces or courts."""
    code = actor_code(m)
    return code is not None and (len(code) == 3 or code[:3] == "IGO"
                                 or code[3:6] in {"GOV", "LEG", "MIL", "JUD"})


def _reduced_passive(tok: Any) -> bool:
    """A bare past participle heading an adverbial clause with no subject and no object:
    "threatened to close the strait if attacked", "when provoked": its subject is acted on."""
    return tok.tag_ == "VBN" and tok.dep_ == "advcl" and not any(
        c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "dobj"} for c in tok.children)


DOCUMENT_NOUNS = frozenset({"report", "statement", "study"})
PUBLISH_VERBS = frozenset({"issue", "release", "publish", "produce", "present", "submit",
                           "write", "compile", "prepare", "deliver", "unveil"})


def _author_of(doc_noun: Any) -> list[Any]:
    """The words naming who wrote the document noun ``doc_noun``: its possessor ("the
    ministry's report"), its "by"-agent ("a report released by the UN", "a study by ..."),
    the subject of the verb publishing it ("the agency released a report") or of the verb
    its "in"-phrase hangs on ("In a report released today, the envoys said")."""
    owner = [c for c in doc_noun.children if c.dep_ == "poss"]
    if owner:
        return owner
    by = _pobjs([doc_noun], {"by"}) + [
        g for c in doc_noun.children if c.dep_ == "acl" for g in _agent_objects(c)]
    if by:
        return by
    head = doc_noun.head
    verb = None
    if doc_noun.dep_ == "dobj" and head.lemma_.lower() in PUBLISH_VERBS:
        verb = head
    elif doc_noun.dep_ == "pobj" and head.lower_ == "in" and head.head.pos_ in {"VERB", "AUX"}:
        verb = head.head
    subj = subject_of(verb) if verb is not None else None
    return [subj] if subj is not None and subj.lower_ not in RELATIVE_PRONOUNS else []


def _shared_subject(tok: Any) -> Any | None:
    """The subject a passive verb takes from the verb it is conjoined to, or from up the tree
    (``subject_of``). A conjoined passive with its own "by"-agent ("The protesters climbed
    down and were arrested by police") takes the first verb's subject: ``subject_of`` would
    stop at its own agent, the one who acts, and the one acted on would be lost."""
    if tok.dep_ == "conj" and any(c.dep_ == "agent" for c in tok.children):
        return next((c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject_of(tok)


def _described_patient(tok: Any) -> Any | None:
    """The noun a bare past participle with a "by"-agent describes, the one acted on: "sailors
    seized by Iran" (the participle has no subject, object or auxiliary of its own); None for
    any other word. Why only with an agent: without one ("1000 people killed since March",
    "men armed with guns") the noun is as often a bystander count the annotators leave uncoded."""
    if tok.tag_ != "VBN" or tok.dep_ != "acl" or tok.head.pos_ not in {"NOUN", "PROPN", "PRON"}:
        return None
    kids = {c.dep_ for c in tok.children}
    if "agent" not in kids or kids & {"nsubj", "nsubjpass", "aux", "auxpass", "dobj"}:
        return None
    return tok.head
