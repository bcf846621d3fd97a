# rules.lex - the words slant's tone and stance rules react to.
# No rule word is hard-coded in C: the scorer finds these categories by name.
# Weights: rule.intensifier / rule.diminisher = the amount added to / taken
# from the absolute valence (VADER units) of a following tone word (VADER's
# B_INCR / B_DECR, 0.293); rule.negator records VADER's N_SCALAR (-0.74),
# which score.c applies as a constant; rule.least entries with weight <= 0
# are exemptions ("at least"); the other categories carry weight 1 (a marker).
@lexicon rules
@version 1.0
@language en
@source Negation and booster word lists of VADER 3.3.2 (C.J. Hutto and E. Gilbert, "VADER: A Parsimonious Rule-based Model for Sentiment Analysis of Social Media Text", ICWSM 2014, MIT licence, see LICENSE-vader.txt); contrast, passive, agent and clause words by the slant team
@license MIT (VADER word lists: Copyright (c) 2016 C.J. Hutto, see LICENSE-vader.txt)
@description Negators, intensifiers, diminishers, contrast, "least", passive auxiliaries, the passive agent "by", and clause boundaries
@category rule.negator Negator
@category rule.intensifier Intensifier
@category rule.diminisher Diminisher
@category rule.contrast Contrast
@category rule.least Least
@category rule.passive_aux Passive auxiliary
@category rule.agent Passive agent
@category rule.clause_break Clause break
@category rule.no_doubt Loaded saying without doubt

# ---- rule.negator: VADER's NEGATE list, as whole tokens (the tokenizer keeps
# don't as one token; apostrophe-less forms are common in social text).
# VADER also lists "despite"; left out: it concedes, it does not negate
# ("despite the good talks" is not "not good").
not	rule.negator	-0.74
no	rule.negator	-0.74	# VADER: also a tone word (-0.3); as a determiner it negates what follows
never	rule.negator	-0.74
none	rule.negator	-0.74
nothing	rule.negator	-0.74
nobody	rule.negator	-0.74	# not in VADER's list; negates like nothing/none ("nobody trusts")
nowhere	rule.negator	-0.74
neither	rule.negator	-0.74
nor	rule.negator	-0.74
without	rule.negator	-0.74	# "without any significant breakthrough": the breakthrough is negated
cannot	rule.negator	-0.74
rarely	rule.negator	-0.74	# VADER: frequency negator
seldom	rule.negator	-0.74	# VADER: frequency negator
nope	rule.negator	-0.74	# VADER: informal no
uhuh	rule.negator	-0.74	# VADER: informal no
uh-uh	rule.negator	-0.74	# VADER: informal no
hardly	rule.negator	-0.74	# VADER treats it as a diminisher; slant follows the issue: "hardly constructive" reads as a negation
ain't	rule.negator	-0.74
aren't	rule.negator	-0.74
can't	rule.negator	-0.74
couldn't	rule.negator	-0.74
daren't	rule.negator	-0.74
didn't	rule.negator	-0.74
doesn't	rule.negator	-0.74
don't	rule.negator	-0.74
hadn't	rule.negator	-0.74
hasn't	rule.negator	-0.74
haven't	rule.negator	-0.74
isn't	rule.negator	-0.74
mightn't	rule.negator	-0.74
mustn't	rule.negator	-0.74
needn't	rule.negator	-0.74
oughtn't	rule.negator	-0.74
shan't	rule.negator	-0.74
shouldn't	rule.negator	-0.74
wasn't	rule.negator	-0.74
weren't	rule.negator	-0.74
won't	rule.negator	-0.74
wouldn't	rule.negator	-0.74
aint	rule.negator	-0.74
arent	rule.negator	-0.74
cant	rule.negator	-0.74	# apostrophe-less can't; the noun cant (jargon) is rare in news
couldnt	rule.negator	-0.74
darent	rule.negator	-0.74
didnt	rule.negator	-0.74
doesnt	rule.negator	-0.74
dont	rule.negator	-0.74
hadnt	rule.negator	-0.74
hasnt	rule.negator	-0.74
havent	rule.negator	-0.74
isnt	rule.negator	-0.74
mightnt	rule.negator	-0.74
mustnt	rule.negator	-0.74
neednt	rule.negator	-0.74
oughtnt	rule.negator	-0.74
shant	rule.negator	-0.74	# apostrophe-less shan't
shouldnt	rule.negator	-0.74
wasnt	rule.negator	-0.74
werent	rule.negator	-0.74
wont	rule.negator	-0.74	# apostrophe-less won't; the noun wont (habit) is rare in news
wouldnt	rule.negator	-0.74

# ---- rule.intensifier: VADER's B_INCR boosters (0.293). A few that speakers
# use only for the strongest degree get 0.4 (team choice, noted).
absolutely	rule.intensifier	0.4	# strongest degree: raised above VADER's 0.293
amazingly	rule.intensifier	0.293
awfully	rule.intensifier	0.293
completely	rule.intensifier	0.293
considerable	rule.intensifier	0.293
considerably	rule.intensifier	0.293
decidedly	rule.intensifier	0.293
deeply	rule.intensifier	0.293
effing	rule.intensifier	0.293
enormous	rule.intensifier	0.293
enormously	rule.intensifier	0.293
entirely	rule.intensifier	0.293
especially	rule.intensifier	0.293
exceptional	rule.intensifier	0.293
exceptionally	rule.intensifier	0.4	# strongest degree: raised above VADER's 0.293
extreme	rule.intensifier	0.293
extremely	rule.intensifier	0.4	# strongest degree: raised above VADER's 0.293
fabulously	rule.intensifier	0.293
flipping	rule.intensifier	0.293
flippin	rule.intensifier	0.293
frackin	rule.intensifier	0.293
fracking	rule.intensifier	0.293	# VADER slang booster; in energy news fracking is a noun, but it rarely precedes a tone word
fricking	rule.intensifier	0.293
frickin	rule.intensifier	0.293
frigging	rule.intensifier	0.293
friggin	rule.intensifier	0.293
fully	rule.intensifier	0.293
fuckin	rule.intensifier	0.293
fucking	rule.intensifier	0.293
fuggin	rule.intensifier	0.293
fugging	rule.intensifier	0.293
greatly	rule.intensifier	0.293
hella	rule.intensifier	0.293
highly	rule.intensifier	0.293
hugely	rule.intensifier	0.293
incredible	rule.intensifier	0.293
incredibly	rule.intensifier	0.4	# strongest degree: raised above VADER's 0.293
intensely	rule.intensifier	0.293
major	rule.intensifier	0.293	# VADER booster; "major breakthrough" is stronger than "breakthrough"
majorly	rule.intensifier	0.293
more	rule.intensifier	0.293	# VADER booster ("more hostile")
most	rule.intensifier	0.293	# VADER booster ("most potential")
particularly	rule.intensifier	0.293
purely	rule.intensifier	0.293
quite	rule.intensifier	0.293
really	rule.intensifier	0.293
remarkably	rule.intensifier	0.293
so	rule.intensifier	0.293	# VADER booster ("so friendly")
substantially	rule.intensifier	0.293
thoroughly	rule.intensifier	0.293
total	rule.intensifier	0.293
totally	rule.intensifier	0.293
tremendous	rule.intensifier	0.293
tremendously	rule.intensifier	0.4	# strongest degree: raised above VADER's 0.293
uber	rule.intensifier	0.293
unbelievably	rule.intensifier	0.4	# strongest degree: raised above VADER's 0.293
unusually	rule.intensifier	0.293
utter	rule.intensifier	0.293
utterly	rule.intensifier	0.4	# strongest degree: raised above VADER's 0.293
very	rule.intensifier	0.293

# ---- rule.diminisher: VADER's B_DECR (0.293 taken off). "hardly" is a negator above.
almost	rule.diminisher	0.293
barely	rule.diminisher	0.293
just enough	rule.diminisher	0.293
kind of	rule.diminisher	0.293
kinda	rule.diminisher	0.293
kindof	rule.diminisher	0.293
kind-of	rule.diminisher	0.293
less	rule.diminisher	0.293
little	rule.diminisher	0.293
marginal	rule.diminisher	0.293
marginally	rule.diminisher	0.293
occasional	rule.diminisher	0.293
occasionally	rule.diminisher	0.293
partly	rule.diminisher	0.293
scarce	rule.diminisher	0.293
scarcely	rule.diminisher	0.293
slight	rule.diminisher	0.293
slightly	rule.diminisher	0.293
somewhat	rule.diminisher	0.293
sort of	rule.diminisher	0.293
sorta	rule.diminisher	0.293
sortof	rule.diminisher	0.293
sort-of	rule.diminisher	0.293

# ---- rule.contrast: the clause after it weighs more (VADER: 1.5x after, 0.5x before "but").
but	rule.contrast	1	# VADER's contrast word
however	rule.contrast	1	# same discourse role as but in news prose ("A spokesman, however, reiterated ...")
nevertheless	rule.contrast	1	# concessive contrast: what follows is the point
nonetheless	rule.contrast	1	# concessive contrast: what follows is the point

# ---- rule.least: flips the next tone word (VADER); "at least" and "very least" are
# exemptions, marked by weight 0 (the longer match hides "least").
least	rule.least
at least	rule.least	0	# weight <= 0 marks an exemption: VADER does not flip after "at least"
very least	rule.least	0	# VADER exemption, as "at least"

# ---- rule.passive_aux: a form of be/get before a past participle marks a passive
# ("Y was praised": Y receives the act).
is	rule.passive_aux
are	rule.passive_aux
was	rule.passive_aux
were	rule.passive_aux
be	rule.passive_aux
been	rule.passive_aux
being	rule.passive_aux
am	rule.passive_aux
get	rule.passive_aux
gets	rule.passive_aux
got	rule.passive_aux
gotten	rule.passive_aux
getting	rule.passive_aux

# ---- rule.agent: the agent of a passive ("Y was criticized by X": X does the act).
by	rule.agent
from	rule.agent	1	# the source of a nominal act: "a sharp rebuke from X", "support from X": X gives it, does not receive it

# ---- rule.clause_break: stance scope stops here (a new clause, a new subject).
which	rule.clause_break
while	rule.clause_break
whereas	rule.clause_break
although	rule.clause_break
though	rule.clause_break
because	rule.clause_break
as	rule.clause_break	1	# also a preposition; short windows keep the cost low
after	rule.clause_break
when	rule.clause_break
and	rule.clause_break	1	# joins clauses as often as nouns; the scorer keeps NP coordination
who	rule.clause_break	1	# relative clause: "X, who praised Y" is about Y, not the sentence
whom	rule.clause_break
since	rule.clause_break
before	rule.clause_break
until	rule.clause_break
unless	rule.clause_break
whereby	rule.clause_break
;	rule.clause_break
:	rule.clause_break

# Irrealis markers (added by the scorer engineer): a tone word after one of
# these in the same clause is not asserted, so the scorer halves it (after
# the "irrealis blocking" of Taboada et al. 2011, SO-CAL).
would	rule.irrealis	1	# "it would be a great deal": hypothetical, not asserted
could	rule.irrealis	1	# "could have been a success": the quality is not asserted
should	rule.irrealis	1	# "should be constructive": an expectation, not a fact
might	rule.irrealis	1	# a possibility

# ---- rule.no_doubt: loaded verbs of saying (attrib.loaded) that cast no doubt
# on their speaker. Recasens et al. (2013) separate assertive verbs, which
# leave the truth of what follows to the speaker ("claimed", "insisted",
# "admitted": the stance scorer counts them -1 against the speaker), from
# factive verbs, which presuppose it ("revealed", "pointed out", "reminded":
# the outlet vouches for the speaker). Commitments and warnings (vowed,
# warned, demanded) dramatise but say nothing about the speaker's truth.
revealed	rule.no_doubt
reveals	rule.no_doubt
exposed	rule.no_doubt
pointed out	rule.no_doubt
points out	rule.no_doubt
reminded	rule.no_doubt
reminds	rule.no_doubt
proclaimed	rule.no_doubt
warned	rule.no_doubt
warns	rule.no_doubt
warning that	rule.no_doubt
vowed	rule.no_doubt
vows	rule.no_doubt
vowing	rule.no_doubt
demanded	rule.no_doubt
demands that	rule.no_doubt
