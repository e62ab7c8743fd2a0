"""Word lists the extractors use, kept apart from the patterns that use them.

Editing a list here (a reporting verb, a title, a bound word) changes what the parser recognises
without touching any regular expression. A list becomes a regex alternation through
`alternation`, which orders it longest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str], end: str = "") -> str:
    """A regex group matching any of `words` literally, shaped like a character trie: the text
    picks the branch at each character, and a longer word is tried before one that ends at this
    character, so a multi-word cue (`pointed out`) wins over a shorter one it starts with, as in
    an alternation ordered longest first, without trying the words one by one (hundreds of
    reporting verbs at every position of an article). `end` follows each word (`(?!\\w)`)."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def branches(node: dict[str, dict]) -> str:
        options = [re.escape(ch) + branches(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            options.append(end)
        return options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"

    return "(?:" + branches(root) + ")" if root else "(?!x)x"


def word_alternation(words: Iterable[str], end: str = "") -> str:
    r"""`alternation` of words standing at a word's start (`(?<!\w)` before each), written so a
    search skips at C speed to the characters a word can start with: each branch opens with its
    first character, then the guard (`(?<!\w.)`: no word character before that one). A guard
    in front (`(?<!\w)(?:...)`) hides the first characters from the regex engine, which then
    tries the whole trie at every position of the text. Case-sensitive: under IGNORECASE the
    engine cannot skip on cased characters anyway."""
    by_first: dict[str, list[str]] = {}
    for word in words:
        if word:
            by_first.setdefault(word[0], []).append(word[1:])
    options = []
    for first, rests in sorted(by_first.items()):
        longer = [rest for rest in rests if rest]
        tail = alternation(longer, end) if longer else end
        if longer and "" in rests:
            tail = f"(?:{tail}|{end})"  # a longer word first, then this one
        options.append(re.escape(first) + r"(?<!\w.)" + tail)
    return "(?:" + "|".join(options) + ")" if options else "(?!x)x"


# --- speech ------------------------------------------------------------------------------------
# Reporting verbs of a said-clause ("..., Biden said"; "Kishida said: ..."; "said Comey"), every
# inflection written out.
SPEECH_VERBS = (
    "pointed out",
    "points out",
    "went on",
    "goes on",
    "shot back",
    "fired back",
    *"said says say told tells added adds stated states explained explains noted notes".split(),
    *"warned warns stressed stresses argued argues insisted insists declared declares".split(),
    *"remarked remarks continued continues asserted asserts emphasized emphasizes".split(),
    *"emphasised wrote writes recalled recalls acknowledged acknowledges announced".split(),
    *"announces cautioned cautions observed observes replied replies responded responds".split(),
    *"urged urges vowed vows pledged pledges promised promises claimed claims concluded".split(),
    *"concludes predicted predicts agreed agrees admitted admits asked asks answered".split(),
    *"answers tweeted tweets posted posts texted emailed quipped quips joked jokes".split(),
    *"shouted shouts yelled yells chanted boasted boasts complained complains".split(),
    *"conceded concedes confirmed confirms contended contends countered counters".split(),
    *"demanded demands exclaimed grumbled lamented laments mused muses opined opines".split(),
    *"pleaded proclaimed proclaims reasoned reminded reminds repeated repeats reported".split(),
    *"reports retorted scoffed snapped speculated suggested suggests testified".split(),
    *"thundered wondered wonders assured assures charged charges echoed echoes".split(),
    *"elaborated estimated whispered cried recounted recounts summed".split(),
    *"offered offers began begins started starts interjected".split(),
    *"advises advised recommends recommended".split(),
    *"saying telling adding warning noting stressing arguing insisting declaring".split(),
    *"writing tweeting asking explaining".split(),
)
# Phrases that attribute like a verb with the speaker after them ("according to Smith").
ACCORDING_TO = ("according to",)
# Reporting verbs that also take a plain object ("agreed to the expansions", "told reporters"):
# they report speech only with "that" or as a said-clause between commas (analysis.voice).
OBJECT_VERBS = frozenset(
    "agreed pledged vowed promised announced urged asked answered continued concluded replied"
    " responded acknowledged recalled predicted admitted told tells telling".split()
    + ["went on", "pointed out"]
)
# Verbs of an inverted said-clause after a comma whose speaker follows them
# ("..., said Jake Roe, a pollster."; not "..., told ABC News that ...").
INVERTING_VERBS = frozenset(
    "said says added adds wrote writes asked explained noted recalled argued".split()
)
PRONOUNS = frozenset({"he", "she", "they"})

# --- attributions (text.attributions) ------------------------------------------------------------
# Cues of an attribution in PARC's sense: verbs of saying, writing, believing, finding and showing,
# and of taking a stance on something (accusing, endorsing, rejecting). One lemma per line, every
# form written out; `_` joins the words of a multi-word cue ("pointed_out"), matched whole.
ATTRIBUTION_VERBS = tuple(
    form.replace("_", " ")
    for form in """
    say says said saying
    tell tells told telling
    add adds added adding
    note notes noted noting
    write writes wrote written writing
    tweet tweets tweeted tweeting
    post posts posted
    explain explains explained explaining
    argue argues argued arguing
    claim claims claimed claiming
    insist insists insisted insisting
    declare declares declared declaring
    state states stated
    announce announces announced announcing
    warn warns warned warning
    caution cautions cautioned
    stress stresses stressed stressing
    emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised
    acknowledge acknowledges acknowledged acknowledging
    admit admits admitted admitting
    concede concedes conceded conceding
    confirm confirms confirmed confirming
    deny denies denied denying
    allege alleges alleged alleging
    assert asserts asserted asserting
    contend contends contended contending
    maintain maintains maintained
    suggest suggests suggested suggesting
    predict predicts predicted predicting
    promise promises promised promising
    pledge pledges pledged pledging
    vow vows vowed vowing
    urge urges urged urging
    complain complains complained complaining
    boast boasts boasted boasting
    joke jokes joked joking
    quip quips quipped
    recall recalls recalled recalling
    recount recounts recounted
    report reports reported reporting
    reveal reveals revealed revealing
    disclose discloses disclosed
    testify testifies testified testifying
    repeat repeats repeated repeating
    mention mentions mentioned mentioning
    reply replies replied replying
    respond responds responded responding
    answer answers answered
    ask asks asked asking
    observe observes observed
    remark remarks remarked
    counter counters countered
    retort retorts retorted
    estimate estimates estimated
    conclude concludes concluded concluding
    find finds found
    show shows showed shown showing
    indicate indicates indicated indicating
    believe believes believed believing
    think thinks thought
    know knows knew
    feel feels felt
    hope hopes hoped hoping
    fear fears feared
    worry worries worried
    expect expects expected expecting
    doubt doubts doubted
    wonder wonders wondered wondering
    suspect suspects suspected
    realize realizes realized realise realises realised
    agree agrees agreed agreeing
    assure assures assured
    remind reminds reminded reminding
    inform informs informed
    propose proposes proposed proposing
    demand demands demanded demanding
    recommend recommends recommended
    threaten threatens threatened threatening
    speculate speculates speculated
    lament laments lamented
    charge charges charged
    accuse accuses accused accusing
    blame blames blamed blaming
    criticize criticizes criticized criticizing criticise criticised
    praise praises praised praising
    attack attacks attacked attacking
    slam slams slammed slamming
    blast blasts blasted blasting
    dismiss dismisses dismissed dismissing
    reject rejects rejected rejecting
    defend defends defended defending
    question questions questioned questioning
    endorse endorses endorsed endorsing
    oppose opposes opposed opposing
    describe describes described describing
    call calls called calling
    cite cites cited citing
    mock mocks mocked mocking
    condemn condemns condemned condemning
    denounce denounces denounced denouncing
    want wants wanted
    seek seeks sought seeking
    plan plans planned
    decline declines declined
    refuse refuses refused
    support supports supported supporting
    backed backing
    favor favors favored
    express expresses expressed expressing
    continue continues continued
    reiterate reiterates reiterated reiterating
    echo echoes echoed echoing
    offer offers offered offering
    consider considers considered
    discuss discusses discussed discussing
    identify identifies identified
    nominate nominates nominated
    deem deems deemed
    decry decries decried
    order orders ordered ordering
    request requests requested
    project projects projected
    learn learns learned
    remember remembers remembered
    seem seems seemed
    appear appears appeared
    referring_to referred_to refers_to refer_to
    talked_about talking_about talks_about talk_about
    spoke_about spoke_of speaking_about
    pushed_for pushing_for pushes_for
    decide decides decided
    encourage encourages encouraged encouraging
    thank thanks thanked thanking
    prefer prefers preferred
    tout touts touted touting
    assail assails assailed
    view views viewed
    compare compares compared comparing
    challenge challenges challenged challenging
    apologize apologizes apologized apologise apologised
    sees saw
    made_clear made_it_clear makes_clear
    lashed_out_at lashing_out_at
    sided_with weighed_in_on distanced_himself_from distanced_herself_from
    voted_for voted_against vote_for
    pointed_to point_to points_to pointing_to
    focused_on focusing_on
    point_out points_out pointed_out pointing_out
    went_on goes_on
    according_to
    """.split()
)


def inflections(lemma: str) -> tuple[str, ...]:
    """Every form of a verb (`warn` -> warn warns warned warning), the first word inflected in a
    phrase (`speak out` -> speaks out ...): regular English spelling, with `IRREGULAR_VERBS`
    and `DOUBLED_FINALS` where it is not regular."""
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    if head in IRREGULAR_VERBS:
        forms = (head, *IRREGULAR_VERBS[head].split())
    else:
        stem = head + head[-1] if head in DOUBLED_FINALS else head
        if head.endswith(("s", "sh", "ch", "x", "z", "o")):
            third = head + "es"
        elif head.endswith("y") and head[-2:-1] not in "aeiou":
            third = head[:-1] + "ies"
        else:
            third = head + "s"
        if head.endswith("e"):
            past = head + "d"
        elif head.endswith("y") and head[-2:-1] not in "aeiou":
            past = head[:-1] + "ied"
        else:
            past = stem + "ed"
        if head.endswith("ie"):
            participle = head[:-2] + "ying"
        elif head.endswith("e") and not head.endswith(("ee", "ye", "oe")):
            participle = head[:-1] + "ing"
        else:
            participle = stem + "ing"
        forms = (head, third, past, participle)
    return tuple(form + tail for form in forms)


# Forms `inflections` cannot spell: the third person, the past tense(s), the -ing form.
IRREGULAR_VERBS = {
    "say": "says said saying",
    "tell": "tells told telling",
    "feel": "feels felt feeling",
    "show": "shows showed shown showing",
    "speak": "speaks spoke spoken speaking",
    "swear": "swears swore sworn swearing",
    "foresee": "foresees foresaw foreseen foreseeing",
    "foretell": "foretells foretold foretelling",
    "hold": "holds held holding",
    "teach": "teaches taught teaching",
    "write": "writes wrote written writing",
    "prove": "proves proved proven proving",
}
# Verbs that double their final consonant before -ed and -ing (`admitted`, `regretting`).
DOUBLED_FINALS = frozenset(
    "admit regret slam rebut snap brag compel abhor chat refer prefer confer infer omit"
    " blab".split()
)
# Cues grown from VerbNet 3.4's classes of communication, belief, judgement and directives
# (Kipper Schuler's verb lexicon, the CU CLEAR release: `verbnet3.4/CLASS.xml`), the PARC
# notion of an attribution cue: a verb that reports what someone said, wrote, thought or found,
# or the stance they took. Members whose usual sense in news is something else are left out
# (`go`, `relate`, `hold`, `greet`, `welcome` a visitor, `toast`, `pardon`, `read`, `treat`);
# members that are as often nouns are in `CLAUSE_CUES` when they report only before a clause.
VERBNET_CUE_CLASSES = {
    "say-37.7": "add advise allege announce articulate blurt claim confess confide declare"
    " disclose divulge exclaim hint insinuate insist interject interpose intimate mention note"
    " observe proclaim propose recommend recount reiterate remark repeat reply report respond"
    " retort reveal say state suggest utter venture voice volunteer write",
    "tell-37.2": "inform notify remind apprise",
    "declare-29.4": "avow declare maintain proclaim profess",
    "conjecture-29.5": "admit affirm anticipate assert assume believe conjecture deny doubt"
    " expect feel foresee foretell guess infer presume prophesy surmise speculate swear",
    "complain-37.8": "bemoan boast brag complain gripe grouse grumble moan object whine",
    "advise-37.9": "admonish advise alert assure brief caution counsel encourage warn",
    "promise-37.13": "assure guarantee pledge promise vow",
    "inquire-37.1.2": "ask enquire inquire",
    "confess-37.10": "acknowledge admit confess concede",
    "lecture-37.11": "comment elaborate lecture pontificate preach rant rave remark testify"
    " theorize speak_out speak_up",
    "overstate-37.12": "overstate tout",
    "indicate-78": "affirm confirm corroborate demonstrate disclose imply indicate predict"
    " reveal show suggest verify",
    "judgment-33.1": "acclaim applaud assail attack badmouth belittle berate blame castigate"
    " censure chastise chide commend compliment condemn congratulate criticize decry denigrate"
    " denounce deride disparage fault hail insult lambaste laud malign mock praise rebuke"
    " reproach repudiate ridicule scold scorn slander thank vilify",
    "order-58.3": "demand order require authorize",
    "urge-58.1": "urge exhort implore lobby press pressure",
}
# Class members that report only before a clause (`Lee guessed that ...`), not with a plain
# object (`a guess`, `the press`, `voices`, `objects`).
CLAUSE_CUES = frozenset(
    form
    for lemma in "guess object voice press hint comment rant report volunteer venture brief"
    " alert fault hail lobby pressure require".split()
    for form in inflections(lemma)
)
VERBNET_CUES = tuple(
    dict.fromkeys(
        form
        for members in VERBNET_CUE_CLASSES.values()
        for lemma in members.split()  # `_` joins a phrase's words: `speak_out`
        for form in inflections(lemma.replace("_", " "))
    )
)
# Every cue `text.attributions` looks for: the list above and the VerbNet classes.
ATTRIBUTION_CUES = tuple(dict.fromkeys((*ATTRIBUTION_VERBS, *VERBNET_CUES)))
# Pronoun gender, where the text shows it.
PRONOUN_GENDER = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
TITLE_GENDER = {"mr.": "m", "mr": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f", "miss": "f"}
# Capitalised words a said-clause can hold that never name a speaker.
NOT_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may"
    " june july august september october november december it this that there officials"
    " analysts experts the a an and but or so yet in on at for of to by with from as when while"
    " after before if because though although i we you they he she his her its their our my"
    " your who what which where why how here now then also still later earlier meanwhile"
    " however today tonight yesterday tomorrow asked speaking writing according one another"
    " some many most all both each every no not instead indeed afterward moreover furthermore"
    " nevertheless nonetheless otherwise thus therefore hence finally ultimately similarly"
    " likewise besides overall specifically separately previously recently currently"
    " initially originally any much more less such other same few either"
    " neither whatever whoever everyone everybody nobody someone somebody anyone anybody"
    " these those just even only perhaps maybe quite additionally hours days weeks months years"
    " minutes moments seconds ago often sometimes usually immediately eventually soon"
    " apparently clearly obviously fortunately unfortunately".split()
)
# Words that can precede a name in a said-clause and are not part of it (any case).
TITLE_WORDS = frozenset(
    "the president prime minister secretary defense defence foreign state ambassador"
    " spokesperson spokesman spokeswoman general gen. adm. admiral chief senator sen. rep. mr."
    " ms. mrs. dr. deputy vice national security adviser advisor official cabinet chairman"
    " leader former u.s. us japanese american chinese russian korean british gov. governor"
    " lt. col. capt. sgt. rev. mayor judge justice attorney speaker representative"
    " congressman congresswoman councilman councilwoman commissioner director candidate"
    " nominee chair chairwoman majority minority whip press sheriff host anchor"
    " executive ceo founder president-elect mr mrs ms dr sen rep gov lt col gen rev st.".split()
)
# Lower-case words that describe a person before the name ("Trump lawyer Marc Kasowitz").
ROLE_WORDS = frozenset(
    "lawyer attorney manager campaign aide aides strategist pollster activist adviser advisor"
    " consultant spokesperson spokesman spokeswoman press secretary director chairman analyst"
    " professor economist historian author writer reporter correspondent editor host"
    " commentator co-founder founder official officer agent member organizer supporter voter"
    " resident delegate staffer operative donor lobbyist senator governor candidate nominee"
    " former longtime top senior chief deputy then current conservative liberal political"
    " legal communications national state federal party chair leader president vice"
    " presidential republican democratic gop white house surrogate ally friend"
    " son daughter wife husband brother sister father mother police ceo"
    " co-chair co-chairman".split()
)
# Words that make a name or a description an organisation's (`the Foreign Ministry`, `The
# Daily Planet`, `the Japanese government`, `state news agency KCNA`), in lower case.
ORGANISATION_WORDS = frozenset(
    "agency ministry government department committee party council court commission institute"
    " university college foundation association center centre group campaign network company"
    " corporation corp. corp inc. inc co. llc ltd times post news journal herald tribune daily"
    " gazette magazine review radio television tv press reuters bureau office administration"
    " embassy military army navy police senate congress parliament union league bank fund"
    " organisation organization coalition board authority service services cabinet kremlin"
    " pentagon white house regime junta secretariat observatory pac super-pac caucus"
    " newspaper network channel broadcaster outlet website poll survey report study".split()
)
# Title-case words that open a headline phrase without being a name (`Rival Hillary Clinton`).
HEADLINE_ROLE_WORDS = frozenset(
    "rival rivals challenger opponent hopeful hopefuls frontrunner front-runner contender"
    " billionaire mogul star tycoon ex-president ex-secretary".split()
)
# Words that can follow a name and belong to it.
NAME_SUFFIXES = frozenset("jr. jr sr. sr ii iii iv".split())
# Lower-case words inside a name ("Beto de la Cruz", "Anwar al-Awlaki").
NAME_PARTICLES = frozenset("de del della der van von la le da di du bin al ibn".split())
# Words that open a descriptive speaker ("a campaign spokesman", "the person").
DETERMINERS = frozenset("a an the one another some several two three many most".split())
# A quotation followed by one of these, then a verb, is attributed past the sentence end only
# when what follows the verb is short circumstance ("Lee said in a statement.").
CLAUSE_TAIL_WORDS = frozenset(
    "in on at to during after before while from of via with as when later then afterward"
    " afterwards again also recently earlier yesterday today tonight monday tuesday wednesday"
    " thursday friday saturday sunday last this about through into over under following amid"
    " behind".split()
)

# Adverbs set aside before a said-clause's verb ("also said", "later added").
LEAD_ADVERBS = frozenset("also later then again further once finally simply quickly".split())
# Adverbs that can end a speaker phrase before its verb ("Ferdie Pacheco once said").
TRAILING_ADVERBS = frozenset("once also later then again still now first too alone".split())

# --- function words of speaker phrases (text.speakers) -----------------------------------------
# Words that open a part of a speaker phrase that is not the speaker: a relative clause, a
# circumstance, a subordinate clause ("who ...", "in Ohio", "after the debate", "because ...").
PART_OPENERS = frozenset(
    "who which whose that where when in at on during after before while from with as for"
    " by of to if because although though since".split()
)
RELATIVE_PRONOUNS = frozenset("who which whose whom that".split())
# "Stephanie Hooton of Derry": a preposition between two names says where, not who.
PLACE_PREPOSITIONS = frozenset("of from in at".split())
COORDINATORS = frozenset("and but then so yet or".split())
# Words before which a run of names is no longer part of the phrase before it.
PHRASE_BOUNDARIES = frozenset("and but while as when then".split())
AUXILIARIES = frozenset(
    "is are was were be been being has have had do does did will would can could shall should"
    " may might must not".split()
)
PREPOSITIONS = frozenset("in on at from with by to about into after before during".split())
# Endings of adjectives and agent nouns that describe a person before a name
# ("presidential front-runner", "strategist").
MODIFIER_ENDINGS = ("al", "an", "ic", "ive", "ary", "ist", "er", "or", "ent", "ant")

# --- numbers and quantities --------------------------------------------------------------------
WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "a": 1,
    "an": 1,
}
# Scale words of amounts and what they multiply by ("lakh crore" is 10^12 in South Asian usage;
# "m" is read only right after a currency symbol: "$5m").
SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
    "lakh crore": 1e12,
}
# Currencies are not listed here: `text.currencies` reads them from CLDR (through Babel).
# Bounds on a share, percent or amount: words just before the number ("up to A$368 billion")...
BOUNDS_BEFORE = {
    "at_most": (
        "up to",
        "no more than",
        "not more than",
        "less than",
        "under",
        "below",
        "nearly",
        "almost",
        "at most",
        "as much as",
        "a maximum of",
        "a ceiling of",
        "a cap of",
        "capped at",
    ),
    "at_least": (
        "at least",
        "more than",
        "above",
        "over",
        "exceeding",
        "in excess of",
        "upwards of",
        "upward of",
        "no less than",
        "not less than",
        "a minimum of",
        "a floor of",
    ),
    "about": ("about", "around", "roughly", "some", "approximately", "an estimated", "circa"),
}
# ...and just after it ("2 percent or more", "a 2 percent floor").
BOUNDS_AFTER = {
    "at_most": ("or less", "or lower", "or below", "or under", "at most", "ceiling", "cap"),
    "at_least": ("or more", "or higher", "or above", "and above", "at least", "floor", "minimum"),
    "about": ("or so",),
}
# Word stems of multiplying verbs -> the multiple ("double" -> 2.0).
MULTIPLIERS = {"doub": 2.0, "trip": 3.0, "quadrup": 4.0, "halv": 0.5}
# Words after a multiplying word (a space or hyphen between) that make an idiom, not a multiple:
# "doubling down", "a double standard", "a double-digit lead", "the room doubles as a gym".
MULTIPLIER_IDIOMS = (
    *"down standard standards digit digits edged agent agents take takes whammy bind".split(),
    *"dip check checked checking cross crossed team teamed life jeopardy play entendre".split(),
    *"decker click clicked park parked space spaced barreled barrelled as over back".split(),
    *"crown threat double majors amputee bypass".split(),
)

# --- calendar ----------------------------------------------------------------------------------
MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Historical anchors ("since World War II") -> canonical event names.
WAR_EVENTS = {
    "ii": "World War II",
    "two": "World War II",
    "2": "World War II",
    "second world war": "World War II",
    "i": "World War I",
    "one": "World War I",
    "first world war": "World War I",
    "cold war": "Cold War",
    "korean war": "Korean War",
}

# --- topics ------------------------------------------------------------------------------------
# A sentence holding one of these (lower-cased substrings) talks about spending.
SPENDING_WORDS = ("spend", "budget", "defense", "defence", "gdp", "military", "yen", "dollar")

# --- owners of spending claims (text.owners) ----------------------------------------------------
# Words a possessive owns besides the spending words ("Britain's pledge", "allies' floor").
TARGET_WORDS = frozenset(
    "target targets goal goals pledge pledges floor guideline benchmark commitment commitments"
    " plan plans fund funds economy government administration cabinet forces army navy share".split()
)
# Words a person's possessive owns for the country the gazetteer gives them ("Kishida's government").
GOVERNMENT_WORDS = frozenset("government administration cabinet budget plan".split())
# A country right after one of these is an object, not the clause's subject ("unlike France").
OBJECT_PREPOSITIONS = frozenset(
    "to with than unlike like for from against alongside toward towards besides beside versus vs"
    " including between among amid over about".split()
)
