"""English in the municipality's own texts: the confidential matters and the political opinions that
the Norwegian rules (`confidential`, `reply_stance`) have no words for.

A municipality answers newcomers in English, and employees post in English too: "Hi Ahmed, your
application for financial assistance was rejected ...", "Long shift at the care home. The old man in
room 4 with dementia ...", "Between us, we think cutting the bus route would be a big mistake." The
same structure as the Norwegian rules, kept small: a matter under a duty of confidentiality with one
identifiable person (in the same sentence, or the next through "he"/"she"), and a first-person view
beside a political matter (in the sentence or the one next to it). The writer's own family in a
private post is the writer's own business, as in Norwegian.

Everything here works on the lower-cased text, whose offsets are the original's.
"""

from __future__ import annotations

import re

from somevakt.analysis.sentences import plain_sentences

_B = r"(?<![\w'])"
_E = r"(?![\w'])"


def _words(*alternatives: str) -> str:
    return _B + "(?:" + "|".join(alternatives) + ")" + _E


# --- confidential matters -------------------------------------------------------------------

_MATTER = re.compile(
    _B
    + r"(?:(?P<health>"
    # health
    + r"dementia|demented|alzheimer'?s?|parkinson'?s?|adhd|autism|autistic|tourette'?s?(?: syndrome)?|"
    r"diabetes|diabetic|epilepsy|epileptic|cancer|chemo(?:therapy)?|depression|depressed|anxiety|"
    r"eating disorder|anorexia|bipolar|schizophreni[ac]|psychosis|psychotic|ptsd|trauma|traumas|"
    r"traumati[sz]ed|mental (?:health|illness|health problems)|mentally ill|psychiatric(?: ward| care)?|"
    r"diagnos(?:is|ed|es)|admitted|hospitali[sz]ed|in hospital|sick leave|on sick leave|burn-?out|"
    r"overdose|overdosed|suicid(?:e|al)|took (?:his|her|their) own life|tried to (?:hurt|harm|kill) "
    r"(?:herself|himself|themselves)|self-harm(?:ing)?|hurt (?:herself|himself|themselves)"
    # substance abuse
    r"|(?:alcohol|drug|substance|opioid|gambling) (?:treatment|abuse|problems?|addiction|rehab)|"
    r"addict(?:ed|ion)?|rehab(?:ilitation)?(?: stay| centre| center)?|back on (?:the )?"
    r"(?:pills|bottle|drugs|booze)|drinking again|relapsed?"
    + r")|(?P<child_welfare>"
    # child welfare and violence at home
    + r"child (?:welfare|protection)(?: service| services| office| case| worker)?|foster (?:care|home|"
    r"family|parents)|emergency (?:foster care|placement)|(?:the )?placement|taken into care|"
    r"domestic violence|neglect(?:ed)?|(?:hits|beats|hit|beat) (?:his|her|their) (?:mum|mom|mother|"
    r"dad|father|wife|husband|partner|kids|children)"
    + r")|(?P<social_services>"
    # welfare
    + r"(?:social|financial|economic) (?:assistance|welfare|benefits?|support|aid)|welfare benefits?|"
    r"housing (?:benefit|allowance)|disability (?:benefit|pension)|work assessment allowance|"
    r"introduction (?:programme|benefit)" + r"))" + _E
)
# One identifiable person (or one family): the reader's relative, one of those a service has, a
# person marked out by a class, a room, an age or a place.
_RELATIVE = (
    r"son|daughter|husband|wife|partner|mother|mum|mom|father|dad|brother|sister|child|children|kids?|"
    r"boy|girl|neighbou?r|grandmother|grandfather|granny|grandpa|uncle|aunt"
)
_SERVED = (
    r"pupils?|students?|patients?|residents?|clients?|users?|service users?|kids?|children|boys?|girls?|"
    r"families|family|siblings|colleagues?|trainees?|apprentices?"
)
_PERSON = re.compile(
    _words(
        # the reader's family in a reply: "your son", "your husband's application"
        rf"your (?:{_RELATIVE})(?:'s)?",
        # the reader's own case: "your application for social assistance", "your case with"
        r"your (?:application|case|appeal|claim|file|benefits?|assistance|treatment|diagnosis|placement)",
        # one of those the writer or the service has: "one of my pupils", "my patient", "our resident"
        rf"(?:one|two|three|some) of (?:my|our|the) (?:{_SERVED})",
        rf"(?:my|our) (?:new |youngest |oldest |eldest |favourite |favorite )?(?:{_SERVED})",
        # marked out: "the boy in 6B", "the old man in room 4", "the girl from 3b", "the family in the
        # yellow house", "a lady of 94", "the 19-year-old", "two siblings from the same street"
        r"(?:the|a|an|this|that|two|three) (?:old |young |little |new |elderly |same )?(?:man|woman|lady|"
        r"boy|girl|pupil|student|patient|resident|client|family|child|kid|mother|father|mum|dad|siblings|"
        r"kids|children|couple|gentleman)(?: (?:in|from|at|on|of|with|by) "
        r"(?:room \d+|\d{1,2}[a-z]?\b|grade \d+|class \d+[a-z]?|the [a-z]+|[a-z]+(?: [a-z]+)?|\d+))",
        r"(?:the|a|an) \d{1,2}-year-old(?: (?:boy|girl|man|woman|patient|pupil|resident))?",
        r"(?:the|a) (?:boy|girl|man|woman|lady|family) (?:you|we) (?:mentioned|met|visited|admitted|placed)",
        r"(?:the|that) (?:boy|girl|man|woman|pupil|patient|resident) (?:who|that)",
    )
)
# The writer's own family: their own business in a private post.
_OWN_FAMILY = re.compile(_words(rf"my (?:{_RELATIVE})(?:'s)?|our (?:son|daughter|kids|children|mum|dad)"))
_ONE_PERSON_PRONOUN = re.compile(_words(r"he|she|him|her|his|hers"))


def confidential_spans(low: str, kind: str) -> list[tuple[int, int, list[str]]]:
    """Spans tying one identifiable person to a confidential matter, with the kinds of matter
    (health, child_welfare, social_services), in an English reply, post or private post (`kind`); the
    writer's own family in a private post does not count."""
    if not _MATTER.search(low):
        return []
    out: list[tuple[int, int, list[str]]] = []
    before: list[tuple[int, int]] = []
    for start, end in plain_sentences(low):
        found = list(_MATTER.finditer(low, start, end))
        matters = [m.span() for m in found]
        people = [m.span() for m in _PERSON.finditer(low, start, end)]
        if kind == "private":
            own = [m.span() for m in _OWN_FAMILY.finditer(low, start, end)]
            people = [p for p in people if not any(o[0] <= p[0] < o[1] for o in own)]
        if matters and not people and before and _ONE_PERSON_PRONOUN.search(low, start, end):
            people = before
        if matters and people:
            kinds = sorted({m.lastgroup or "health" for m in found})
            out.append((min(people[0][0], matters[0][0]), max(people[-1][1], matters[-1][1]), kinds))
        before = [p for p in people if start <= p[0] < end]
    return out


# --- political opinions ---------------------------------------------------------------------

# A first-person view, or a verdict in the writer's own voice.
_OPINION = re.compile(
    _words(
        r"(?:i|we)(?: (?:personally|honestly|really|also|all|both|certainly|strongly|still|here|at the "
        r"(?:council|town hall|office)|in the (?:administration|municipality)))* (?:think|believe|feel|"
        r"support|oppose|agree|disagree|prefer|fear|doubt|would (?:vote|prefer|rather|have voted|"
        r"choose|support))",
        r"(?:i|we) (?:really |sincerely |truly )?hope (?:that )?(?:the|it|they|this proposal|the proposal|"
        r"politicians|the council)",
        r"(?:i|we)(?:'m|'re| am| are) (?:all |very |really |so )?(?:for|against|in favou?r of|"
        r"relieved that|disappointed that|disappointed by|on your side|with you on)",
        r"in (?:my|our) (?:view|opinion)|between (?:us|you and me|ourselves)|if you ask (?:me|us)|"
        r"personally|off the record|(?:to be )?honest(?:ly)?,|frankly",
        r"(?:would|will) be (?:a |an )?(?:big |huge |great |terrible |real )?(?:mistake|waste|disaster|"
        r"shame|relief|blessing|good thing|bad idea|good idea)",
        r"(?:a|the|that|this|it) (?:was |is )?(?:a |an )?(?:short-sighted|wise|brave|bad|terrible|great|"
        r"good|right|wrong|stupid|sensible|smart|unfair|poor|excellent|foolish) (?:decision|proposal|choice|"
        r"idea|move|plan|policy)",
        r"far too (?:steep|high|low|expensive|strict|lax)|(?:is|are|was) (?:a )?(?:waste of money|"
        r"unfair|short-sighted)",
    )
)
# Someone else's view, or the reader's: "the council thinks", "if you feel the decision is wrong".
_OTHERS = re.compile(_words(r"(?:if|in case) you (?:think|feel|believe)|(?:you|they) (?:think|feel|believe)"))
_POLITICAL = re.compile(
    _words(
        r"council(?:lors?|lors)?|municipal council|executive committee|politicians?|political|mayor|"
        r"votes?|voted|voting|elections?|part(?:y|ies)|referendum|proposals?|property tax|tolls?|budget|"
        r"merger|zoning|wind (?:farm|power)|decisions?|decided|consultation",
        # the Norwegian bodies, named in an English reply
        r"kommunestyret|formannskapet|bystyret|heradsstyret|ordføreren|ordføraren",
    )
)


def political(low: str, start: int, end: int) -> bool:
    return bool(_POLITICAL.search(low, start, end))


def opinion(low: str, start: int, end: int) -> bool:
    """A first-person view or a verdict in the sentence low[start:end] (not someone else's)."""
    return bool(_OPINION.search(low, start, end)) and not _OTHERS.search(low, start, end)


# --- is it English? ---------------------------------------------------------------------------

# Short words that are common in English and are no words (or rare ones) in Norwegian.
_ENGLISH_WORDS = frozenset(
    """the and is are was were you your my our this that what when where why how which who with from
    have has had will would can could should please thanks thank it's i'm don't can't won't there
    their they them been being just about into out if or of to on at by be it we an as she he his him
    does did not but here help need needs get got any""".split()
)
_WORD = re.compile(r"[a-z']+")


def looks_english(low: str) -> bool:
    """Whether a lower-cased text reads as English: at least three of its words, and a third of them,
    are common English words that Norwegian does not have."""
    words = _WORD.findall(low)
    hits = sum(1 for w in words if w in _ENGLISH_WORDS)
    return hits >= 3 and hits * 3 >= len(words)


# --- danger in English --------------------------------------------------------------------------

# What an English report of a danger under way names: the comment classifier, trained on Norwegian,
# scores English small talk 0.24-0.66 crisis ("Is there a mosque in the municipality? We just moved
# here"), so an English text it alone takes for a crisis needs one of these or a high score.
_DANGER = re.compile(
    _words(
        r"fire|burning|smoke|flames?|explosion|gas leak|flood(?:ed|ing|s)?|water (?:is )?(?:coming|rising|"
        r"pouring|gone)|no (?:water|power|electricity|heating|heat)|power (?:cut|outage|failure|is out)|"
        r"(?:road|bridge|tunnel) (?:is )?(?:closed|blocked|gone|collapsed)|blocked by|stuck|trapped|"
        r"evacuat(?:e|ed|ing|ion)|landslide|rock ?fall|avalanche|collapsed?|injured|ambulance|"
        r"(?:is|are) missing|right now|emergency"
    )
)


def danger(low: str) -> bool:
    return bool(_DANGER.search(low))


# --- praise and criticism in English --------------------------------------------------------------

# The comment classifier, trained on Norwegian, hears little in English praise that is not "great job"
# ("Bloody brilliant job with the new sports hall", "Lovely little island. We'll definitely come back",
# "Shoutout to Maria at Granlia, the kindest nurse") or in English criticism that is not "terrible"
# ("Thanks for nothing. Still no answer about my kid's place"). Words a reader takes the tone from.
_EN_NEGATIVE = re.compile(
    _words(
        r"thanks? (?:you )?for nothing|still (?:no|not|nothing|waiting)|(?:a|an absolute|a complete|a total) "
        r"(?:disgrace|joke|shambles|mess|farce)|disgraceful|unacceptable|not acceptable|ridiculous|"
        r"terrible|awful|appalling|useless|pathetic|shameful|shame on|embarrassing|fed up|"
        r"sick (?:and tired )?of|"
        r"not good enough|waste of (?:money|time)|(?:nobody|no one|no-one) (?:answers|cares|listens|replies|"
        r"picks up)|never (?:answers?|answered|repl(?:y|ies|ied)|came|comes|picks? up)|why (?:can't|cant|"
        r"don't|dont|won't|wont|haven't|hasn't) (?:you|they|the council|the municipality)|please fix|"
        r"(?:dangerous|a danger) (?:for|to)|worst|fix (?:it|this|the (?:road|pothole|light|lights))|"
        r"going to kill someone|(?:hasn't|haven't|has not|have not) been (?:fixed|cleared|ploughed|plowed|"
        r"repaired|answered)|not (?:okay|ok|alright|fine|right|on)|(?:with|without) (?:no|any) explanation|"
        r"(?:it's|it is|that's|that is|isn't|is not) (?:not )?safe(?! now)|unsafe|understaffed|"
        r"(?:need|needs) more (?:staff|people|nurses|teachers)"
    )
)
_EN_PRAISE = re.compile(
    _words(
        r"well done|(?:great|good|nice|brilliant|fantastic|amazing|excellent|awesome|top) "
        r"(?:job|work|effort)|"
        r"brilliant|amazing|awesome|fantastic|excellent|wonderful|lovely|gorgeous|beautiful|superb|"
        r"kudos|shout-?out|shout out|hats off|bravo|thank you(?! for your (?:patience|understanding))|"
        r"(?:want to|wanted to|would like to|must) thank|thank (?:everyone|everybody|all|them|each)|"
        r"thanks (?:so much|a lot|a million|to|for)|many thanks|cheers(?: mate)?|grateful|appreciated?|"
        r"love (?:it|this|the|our|that)|loved (?:it|the|every)|game ?changer|kindest|the best|"
        r"(?:definitely|surely) (?:come|be) back|we'll be back|can't wait to come back|"
        r"(?:is|are|was|were|looks?|looked) (?:so |really |absolutely |just )?"
        r"(?:great|perfect|unreal|incredible|spot on)|"
        r"(?:a|an absolute|a real) (?:lifesaver|life-saver|life saver)|thanks,? [a-zæøå]+ ?!"
    )
)


# For the tone only, a looser test than `looks_english`: praise and complaints are short and carry
# few function words ("Lovely little island. We'll definitely come back next winter"). More common
# English words than Norwegian ones, and at least two.
_MORE_ENGLISH = _ENGLISH_WORDS | frozenset(
    """we'll we're you're they're i've i'd it's that's lovely little next very really definitely come back
    some like love nice good great quick well done job new now after before because again still yet only
    also than then these those every much many our us lot thanks cheers mate damn shit holy bloody so
    nothing no-one nobody answer kids kid's everyone everybody today yesterday tomorrow night
    morning""".split()
)
_NORWEGIAN_WORDS = frozenset(
    """og i på er det som en et ei til med av for har ikke ikkje itj jeg eg je æ vi dere dykk å at den de dei
    så men om kan skal vil var blir ble vart fra frå meg deg han hun ho seg sin sitt nå no her der hva kva
    ka hvor kvar kor når bare berre også òg etter mye mykje takk""".split()
)


def mostly_english(low: str) -> bool:
    """Whether a short text is more English than Norwegian, by its common words."""
    words = _WORD.findall(low)
    english = sum(1 for w in words if w in _MORE_ENGLISH)
    norwegian = sum(1 for w in words if w in _NORWEGIAN_WORDS)
    return english >= 2 and english > norwegian


def reads_english(low: str) -> bool:
    """Whether a text reads as English by either test: the strict one or the one for short texts."""
    return looks_english(low) or mostly_english(low)


# Praise beside a failure, with a mark of irony, is irony: "Great job on the swimming spot, really.
# Nothing says summer like a locked toilet and a broken jetty 👏", "Amazing tourism strategy, well done
# 👏" about a centre closed on the busiest night. Without the mark it is thanks for help in trouble:
# "Big thanks to Jonas who found us a room when the ferry was cancelled!"
_EN_FAILURE = re.compile(
    _words(
        r"closed|locked|broken|late|later|cancell?ed|delayed|flooded|collapsed|potholes?|no (?:water|power|"
        r"heat|bus|buses|ferry|answer|reply|one)|(?:hours|weeks|months|years) (?:late|later|to|of|waiting)|"
        r"again|(?:third|fourth|fifth) time|too (?:many|few|small|late|expensive)|"
        r"waiting (?:for )?(?:\w+ ){0,2}(?:hours?|weeks?|months?|years?)"
    )
)
_EN_IRONY_MARK = re.compile(
    _words(
        r"really|wow|nothing says|who needs|because (?:who|why)|what a surprise|what a shock|as always|"
        r"as usual|yet again|once again|just what (?:we|i) needed|exactly what (?:we|i) needed|slow clap|"
        r"clearly|obviously|genius|said (?:no one|no-one|nobody) ever"
    )
    + r"|👏|🙄|😒|🙃"
)


_EN_BUT = re.compile(_words(r"but|however|though|yet"))


def tone(low: str) -> str | None:
    """ "negative", "sarcasm" or "praise" where an English text says so in so many words, else None.
    Criticism wins over thanks said beside it ("Thanks for the reply, but it's still not fixed"), and
    praise of a failure is irony."""
    if _EN_NEGATIVE.search(low):
        return "negative"
    if _EN_PRAISE.search(low):
        if _EN_FAILURE.search(low):
            # irony with a mark of it; thanks with "but" and a failure is criticism ("Thanks for the
            # reply, but the road is still closed")
            if _EN_IRONY_MARK.search(low):
                return "sarcasm"
            if _EN_BUT.search(low):
                return "negative"
        return "praise"
    return None


# --- case requests and political matters in English -------------------------------------------

# The classifier hears "I want to formally appeal the decision" but not "Please treat this as a formal
# complaint", "I would like to file a complaint about my property tax" or a neighbour reported for
# building without a permit; nor a demand on the budget ("Please prioritise kindergarten places in the
# budget instead of the new square"). How to do it is a question, not a request ("How do I appeal?").
_EN_CASE = re.compile(
    _words(
        r"formal (?:complaint|appeal|objection|request)|formally (?:appeal|complain|object|request)|"
        r"(?:want|would like|wish|need|intend|am writing) to (?:formally )?(?:appeal|complain|object|dispute|"
        r"file|lodge|submit|report|apply for|request)|"
        r"treat (?:this|this message|my message|it) as an? (?:formal )?"
        r"(?:complaint|appeal|objection|application)|(?:request|requesting|want|ask for) access to (?:the )?"
        r"(?:documents|files|case|papers)|(?<!do )(?<!can )(?<!should )(?<!could )(?<!would )(?<!shall )"
        r"i (?:hereby )?(?:appeal|object to|dispute|contest)|"
        r"(?:dispute|contest) (?:my|our|the|this) (?:bill|invoice|fee|charge|tax|assessment)|"
        r"without (?:a |any )?(?:permit|permission|planning permission|building permit)"
    )
)
_EN_HOW_TO = re.compile(
    _words(r"how (?:do|can|should|would) (?:i|we|one|you)|where (?:do|can|should) (?:i|we)")
)
_EN_POLITICAL = re.compile(
    _words(
        r"(?:please )?(?:prioriti[sz]e|spend|invest|fund|scrap|cancel|drop|reverse|reconsider|rethink)"
        r"(?: \w+){0,6} "
        r"(?:in the budget|instead of|rather than|over the)|"
        r"(?:council|councillors|politicians|mayor|municipality) "
        r"(?:should|must|need to|ought to|has to|have to)|"
        r"(?:please )?vote (?:for|against|no|yes|down)|(?:i|we) (?:strongly )?(?:oppose|disagree with|"
        r"am against|are against|support) (?:the|this|any|a) (?:decision|plan|proposal|closure|toll|cut|cuts|"
        r"budget|policy|council)|"
        r"the decision to(?: \w+){1,8} (?:is|was) (?:wrong|a mistake|unfair|short-sighted)"
    )
)


def _asks_how(low: str) -> bool:
    return "?" in low and _EN_HOW_TO.search(low) is not None


def how_to(low: str) -> bool:
    """Whether an English text asks how to go about a matter and files nothing itself."""
    return _asks_how(low) and not _EN_CASE.search(low)


def intents(low: str) -> set[str]:
    """ "case_request" and "political" where an English text says so in so many words."""
    found = set()
    if _EN_CASE.search(low) and not _asks_how(low):
        found.add("case_request")
    if _EN_POLITICAL.search(low):
        found.add("political")
    return found
