# tone-news.lex - tone overlay for diplomatic, political and security reporting.
# Layered after tone-base.lex: an entry here replaces VADER's weight for the
# same term (slant reports each as an override), and multi-word entries hide
# the VADER words inside them ("United States" hides "united").
# Scale: VADER valence / 4, so 0.25 = VADER 1.0 (mild), 0.5 = 2.0 (clear).
# Four kinds of entry, each with its reason:
#  1. diplomatic vocabulary VADER does not score (constructive, rapprochement,
#     sanctions, provocative, deadlock ...): weights set by the team to match
#     VADER words of similar strength (e.g. provocative ~ hostile -0.4);
#  2. VADER words whose general-domain valence misleads in news (engagement
#     is a wedding in VADER, a policy in news): moved toward their news sense;
#  3. names and fixed terms in which a VADER word is not evaluative (United
#     States, national security, natural gas, World War II): weight 0;
#  4. political and legal reporting vocabulary VADER lacks (allegations,
#     indicted, corruption, embattled / victory, achievements, lauded).
# Topic words of a dispute story (dispute, disputed, territorial dispute) are
# kept mildly negative rather than VADER's -0.35/-0.43: they name the topic
# in almost every sentence of such a story and would otherwise swamp its tone.
@lexicon tone-news
@version 1.0
@language en
@source Written by the slant team for international news; weights on the VADER/4 scale of tone-base.lex
@license MIT
@description Tone overlay for diplomatic, political and security reporting: news senses of VADER words, neutral names, and diplomatic vocabulary VADER lacks


# ---- Positive diplomatic vocabulary VADER lacks or misjudges
constructive	tone	0.4	# diplomatic praise for talks ("very constructive"); VADER lacks it
business-like	tone	0.15	# talks that were businesslike: pragmatic, mildly positive
businesslike	tone	0.15	# spelling variant of business-like
breakthrough	tone	0.5	# success in negotiations; VADER lacks it
breakthroughs	tone	0.5	# plural of breakthrough
cooperation	tone	0.3	# working together; positive but routine in communiques
co-operation	tone	0.3	# spelling variant of cooperation
cooperative	tone	0.3	# adjective of cooperation
cooperate	tone	0.3	# verb of cooperation ("if we cooperate")
mutual benefit	tone	0.45	# the standard phrase for a deal both sides gain from
mutually beneficial	tone	0.45	# same as mutual benefit
win-win	tone	0.45	# diplomatic cliche for mutual benefit
friendly	tone	0.45	# VADER 0.55 reads personal warmth; friendly relations between states are a notch weaker
friendship	tone	0.4	# VADER 0.475; friendship between states is a formula, slightly weaker
trust	tone	0.45	# VADER 0.575; "build trust" between governments is a goal, not an emotion
trust-based	tone	0.4	# a trust-based relationship: positive
goodwill	tone	0.45	# positive disposition between governments; VADER lacks it
rapprochement	tone	0.35	# restoring relations: positive for the relationship
detente	tone	0.3	# easing of tension
détente	tone	0.3	# easing of tension
reconciliation	tone	0.4	# ending enmity
normalization	tone	0.2	# restoring normal relations: mildly positive
normalisation	tone	0.2	# spelling variant of normalization
cordial	tone	0.4	# warm diplomatic tone
amicable	tone	0.4	# friendly settlement
productive	tone	0.35	# talks that produced something
fruitful	tone	0.4	# talks that bore results
pragmatic	tone	0.15	# practical, mildly approving
pragmatism	tone	0.15	# practical approach, mildly approving
conciliatory	tone	0.3	# seeking agreement
stability	tone	0.3	# valued outcome in security reporting
consensus	tone	0.25	# agreement among parties
compromise	tone	0.2	# a mutual concession: mildly positive in diplomacy
resolution	tone	0.25	# resolving a dispute; VADER lacks it
settlement	tone	0.15	# an agreed end to a dispute; also a neutral legal/financial term
restraint	tone	0.15	# calls to exercise restraint aim at calm
de-escalation	tone	0.3	# lowering of tension
ceasefire	tone	0.2	# a halt to fighting: positive relative to fighting
truce	tone	0.2	# a halt to fighting
thaw	tone	0.3	# a thaw in relations: improvement
landmark	tone	0.3	# a landmark agreement: significant success (VADER 0.075)
milestone	tone	0.3	# a significant step forward
confidence-building	tone	0.3	# measures that reduce suspicion
dialogue	tone	0.15	# talking rather than confronting: mildly positive
engagement	tone	0.2	# VADER 0.5 reads a wedding engagement; in news a policy of contact
engage	tone	0.15	# VADER 0.35; in news, to hold talks with
flexibility	tone	0.2	# VADER 0.35; in talks, willingness to move
partnership	tone	0.3	# a cooperative relationship
strategic partnership	tone	0.3	# a formal cooperative relationship
dovish	tone	0.1	# favouring conciliation: mildly positive in tone

# ---- Negative diplomatic and security vocabulary VADER lacks or misjudges
tensions	tone	-0.4	# VADER -0.425; set level with strained and fraught, the other words for bad relations
tension	tone	-0.3	# VADER -0.325; a notch below tensions, as in VADER
dispute	tone	-0.25	# VADER -0.425; the topic noun of a dispute story, mildly negative
disputes	tone	-0.25	# plural of dispute
disputed	tone	-0.2	# VADER -0.35; "the disputed islands" labels the topic
territorial dispute	tone	-0.2	# the topic label of a border story, mildly negative
sanctions	tone	-0.35	# punitive measures; VADER lacks it
sanctioned	tone	-0.35	# subject to punitive measures (the approval sense is rare in news)
militarization	tone	-0.35	# build-up of forces: a threat to stability
militarisation	tone	-0.35	# spelling variant of militarization
remilitarization	tone	-0.4	# rearming after disarmament
remilitarisation	tone	-0.4	# spelling variant of remilitarization
provocative	tone	-0.45	# deliberately inflaming; as hostile as VADER's hostile (-0.4)
provocation	tone	-0.45	# an act meant to inflame
provocations	tone	-0.45	# plural of provocation
leverage	tone	-0.1	# pressure held over another party: mildly negative, cynical
annexed	tone	-0.4	# took territory unilaterally
annexation	tone	-0.4	# unilateral taking of territory
deadlock	tone	-0.4	# VADER -0.35; talks that cannot move
deadlocked	tone	-0.4	# talks that cannot move
stalemate	tone	-0.35	# no side can advance
impasse	tone	-0.35	# no way forward
strained	tone	-0.4	# VADER -0.425; strained ties
fraught	tone	-0.4	# full of tension
confrontation	tone	-0.45	# open hostility; VADER -0.325 is low for state relations
escalation	tone	-0.45	# worsening conflict
escalating	tone	-0.4	# worsening conflict
brinkmanship	tone	-0.45	# risking war for advantage
standoff	tone	-0.35	# a tense deadlock
stand-off	tone	-0.35	# spelling variant of standoff
mistrust	tone	-0.45	# lack of trust between governments
rift	tone	-0.4	# a break in relations
frosty	tone	-0.35	# cold relations
chill	tone	-0.25	# a chill in relations; VADER's slang sense (relax) is positive
chilly	tone	-0.25	# cold relations
jitters	tone	-0.3	# nervousness among allies or markets
rebuke	tone	-0.45	# official reproach
rebuked	tone	-0.45	# officially reproached
reprimand	tone	-0.4	# official reproach
ultimatum	tone	-0.4	# a threat with a deadline
retaliation	tone	-0.45	# hitting back
retaliatory	tone	-0.4	# in retaliation
countermeasures	tone	-0.25	# responses to a hostile act
incursion	tone	-0.5	# entering another's territory by force
incursions	tone	-0.5	# plural of incursion
intrusion	tone	-0.4	# entering another's airspace or waters
encroachment	tone	-0.4	# gradual intrusion on another's territory or rights
coercion	tone	-0.55	# forcing by pressure
coercive	tone	-0.5	# forcing by pressure
blockade	tone	-0.45	# cutting off access
embargo	tone	-0.4	# a ban on trade
hawkish	tone	-0.2	# favouring confrontation
expelled	tone	-0.45	# of diplomats: a sharp diplomatic sanction
isolationist	tone	-0.15	# VADER +0.175 reads it as positive; in news it signals withdrawal
Cold War	tone	-0.2	# VADER would score war (-0.725); in news a period or a hostile climate ("a new Cold War"): mildly negative
occupied	tone	-0.3	# VADER lacks it; of territory, held against the owner's will (naming.lex records whose word it is)
occupation	tone	-0.3	# of territory: held against the owner's will
seized	tone	-0.35	# taken by force
invasion	tone	-0.6	# armed entry into another state
invaded	tone	-0.6	# entered by armed force

# ---- Political and legal reporting vocabulary VADER lacks
allegation	tone	-0.3	# a charge of wrongdoing against someone
allegations	tone	-0.3	# charges of wrongdoing against someone
investigation	tone	-0.15	# being investigated is mildly damaging; also neutral inquiries
investigations	tone	-0.15	# see investigation
probe	tone	-0.15	# journalese for investigation
indicted	tone	-0.45	# formally charged with a crime
indictment	tone	-0.45	# a formal criminal charge
impeachment	tone	-0.35	# proceedings to remove an official for misconduct
impeached	tone	-0.4	# charged with misconduct in office
convicted	tone	-0.5	# found guilty of a crime
misconduct	tone	-0.5	# improper behaviour
impropriety	tone	-0.45	# improper behaviour
wrongdoing	tone	-0.5	# illegal or dishonest acts
corruption	tone	-0.55	# dishonest use of power
corrupt	tone	-0.55	# dishonest in office
bribery	tone	-0.55	# corruption by payment
collusion	tone	-0.45	# secret cooperation to deceive
obstruction	tone	-0.4	# obstructing justice or a process
sued	tone	-0.25	# taken to court: a dispute
subpoena	tone	-0.15	# a compulsory summons: mildly damaging
subpoenaed	tone	-0.15	# see subpoena
ousted	tone	-0.35	# removed from office against one's will
sacked	tone	-0.4	# dismissed from a post
embattled	tone	-0.4	# under sustained attack or criticism
backlash	tone	-0.4	# a strong negative reaction
controversy	tone	-0.3	# public disagreement that damages its subject
setback	tone	-0.35	# a reversal of progress
setbacks	tone	-0.35	# reversals of progress
blunder	tone	-0.45	# a serious mistake
blunders	tone	-0.45	# serious mistakes
gaffe	tone	-0.35	# an embarrassing mistake
gaffes	tone	-0.35	# embarrassing mistakes
victory	tone	0.5	# winning an election, vote or case; VADER lacks it (win is 0.7)
victories	tone	0.5	# see victory
landslide	tone	0.35	# an overwhelming electoral win (the geological sense is rare in political news)
bipartisan	tone	0.15	# support from both parties: mildly positive
helped	tone	0.35	# VADER has help (0.425) but not helped
lauded	tone	0.55	# praised, as VADER's praised (0.55)
bolstered	tone	0.35	# strengthened
accomplishment	tone	0.5	# something achieved
accomplishments	tone	0.5	# things achieved
achievement	tone	0.5	# something achieved
achievements	tone	0.5	# things achieved

# ---- VADER words with a neutral news sense: weight 0
security	tone	0	# VADER 0.35 reads safety; in news security names a policy field (security talks, security concerns)
national security	tone	0	# a policy field
Security Council	tone	0	# name of a body
defense	tone	0	# VADER 0.125; in news the military field (defense ministry)
defence	tone	0	# VADER 0.1; in news the military field
intelligence	tone	0	# VADER 0.525 reads cleverness; in news the spy services
interest	tone	0	# VADER 0.5 reads curiosity; in news a stake (interest in resolving) or finance (interest rates)
interests	tone	0	# VADER 0.25; security interests, business interests: a stake, not a feeling
party	tone	0	# VADER 0.425 reads a celebration; in news a political party or a side (six-party talks)
parties	tone	0	# political parties or sides to a dispute
energy	tone	0	# VADER 0.275 reads vigour; in news the oil and gas sector
natural gas	tone	0	# VADER natural 0.375; a commodity
natural resources	tone	0	# a commodity term
share	tone	0	# VADER 0.3; share a border, a share of imports: not evaluative
shares	tone	0	# VADER 0.3; company shares, shares a border
special	tone	0	# VADER 0.425; special envoy, special laws, special forces: a category, not praise
hand	tone	0	# VADER 0.55 (a helping hand); in news hand over, on the other hand
hand over	tone	0	# transfer (of territory): not evaluative
handing over	tone	0	# transfer (of territory): not evaluative
play	tone	0	# VADER 0.35 reads fun; in news play on, play a role
played	tone	0	# VADER 0.35; played against the odds, played a role
approval rating	tone	0	# reason: a poll measure, not praise (VADER approval 0.525 made falling approval ratings positive: WSJ seed)
approval ratings	tone	0	# see approval rating
giving	tone	0	# VADER 0.35 reads generosity; in news giving back territory, giving details
fighter jet	tone	0	# VADER fighter 0.15; an aircraft type
fighter jets	tone	0	# an aircraft type
gained control	tone	0	# VADER gain 0.6; a neutral account of who holds territory (naming.lex records the choice)
as well as	tone	0	# a conjunction: VADER well 0.275 would score every list
as well	tone	0	# an adverb of addition, not approval
l	tone	0	# VADER 0.5 (an emoticon); in news a bare L is an initial or a caption marker (L) = left
United States	tone	0	# a name: VADER united 0.45 would make every mention positive
United Nations	tone	0	# a name, see United States
United Kingdom	tone	0	# a name, see United States
United Russia	tone	0	# a party name, see United States
United Arab Emirates	tone	0	# a name, see United States
Great Britain	tone	0	# a name: VADER great 0.775
great power	tone	0	# a category of state (great power conflict): VADER great 0.775 misleads
great powers	tone	0	# see great power
Supreme Court	tone	0	# a name: VADER supreme 0.65
Supreme Leader	tone	0	# a title: VADER supreme 0.65
Ministry of Justice	tone	0	# a name: VADER justice 0.6
Justice Department	tone	0	# a name: VADER justice 0.6
Department of Justice	tone	0	# a name: VADER justice 0.6
Free Democrats	tone	0	# a party name: VADER free 0.575
free trade	tone	0.1	# an economic policy term, mildly positive; VADER free 0.575 overstates it
peace treaty	tone	0	# names a legal instrument: its absence or signing is carried by the verbs around it, not by peace (VADER 0.625)
peace treaty negotiations	tone	0	# a process name
peace talks	tone	0.15	# negotiations for peace: mildly positive, far below VADER peace
peace process	tone	0.1	# a process name, mildly positive
peace deal	tone	0.3	# a concluded agreement: positive, below VADER peace
World War II	tone	0	# a historical reference (the treaty to end World War II), not a present war: VADER war -0.725 misleads
World War Two	tone	0	# see World War II
Second World War	tone	0	# see World War II
Great Patriotic War	tone	0	# the Russian name of the war with Germany: a historical reference, see World War II
WWII	tone	0	# see World War II
agreement	tone	0.3	# VADER 0.55 reads harmony; in news usually a signed document (the leaders signed 68 agreements)
agreements	tone	0.2	# VADER 0.275; signed documents
