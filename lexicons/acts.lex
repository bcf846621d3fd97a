# acts.lex - verbs whose object receives a polarity: "X criticized Y" is
# negative toward Y, "Y was praised" positive toward Y. The stance scorer
# reads these with rules.lex (passive_aux, agent "by") to find who does what
# to whom. Weight: -1 hostile, +1 supportive; +-0.5 for mild acts (noted).
# Every inflection is listed (base, -s, past/participle, -ing), because the
# past participle is what the passive rule needs and wildcards would overmatch
# (back* = background, attack* fine but support* = supportive adjective).
# Particles are part of the entry where the object follows them
# (hit out at, sided with, curry favor with).
# Left out: verbs whose object is usually not an actor or whose polarity
# depends on it (strike a deal, target, charge, contain, meet, visit).
@lexicon acts
@version 1.0
@language en
@source Written by the slant team; the agent/patient cue follows work on target-dependent sentiment and implicit sentiment of events (e.g. Deng and Wiebe 2014, "Sentiment Propagation via Implicature Constraints"; Choi and Wiebe 2014, "+/-EffectWordNet")
@license MIT
@description Hostile and supportive acts (verbs) that carry polarity to their object, for stance toward targets
@category act.hostile Hostile act
@category act.supportive Supportive act


# ---- act.hostile
criticize	act.hostile	-1
criticizes	act.hostile	-1
criticized	act.hostile	-1
criticizing	act.hostile	-1
criticise	act.hostile	-1
criticises	act.hostile	-1
criticised	act.hostile	-1
criticising	act.hostile	-1
condemn	act.hostile	-1
condemns	act.hostile	-1
condemned	act.hostile	-1
condemning	act.hostile	-1
accuse	act.hostile	-1
accuses	act.hostile	-1
accused	act.hostile	-1
accusing	act.hostile	-1
attack	act.hostile	-1
attacks	act.hostile	-1
attacked	act.hostile	-1
attacking	act.hostile	-1
blame	act.hostile	-1
blames	act.hostile	-1
blamed	act.hostile	-1
blaming	act.hostile	-1
denounce	act.hostile	-1
denounces	act.hostile	-1
denounced	act.hostile	-1
denouncing	act.hostile	-1
threaten	act.hostile	-1
threatens	act.hostile	-1
threatened	act.hostile	-1
threatening	act.hostile	-1
sanction	act.hostile	-1	# the verb (as a noun, sanctions on Y point at Y too)
sanctions	act.hostile	-1
sanctioned	act.hostile	-1
sanctioning	act.hostile	-1
invade	act.hostile	-1
invades	act.hostile	-1
invaded	act.hostile	-1
invading	act.hostile	-1
seize	act.hostile	-1
seizes	act.hostile	-1
seized	act.hostile	-1
seizing	act.hostile	-1
occupy	act.hostile	-1	# occupied with (busy) is a rare false positive in news
occupies	act.hostile	-1
occupied	act.hostile	-1
occupying	act.hostile	-1
annex	act.hostile	-1
annexes	act.hostile	-1
annexed	act.hostile	-1
annexing	act.hostile	-1
slam	act.hostile	-1
slams	act.hostile	-1
slammed	act.hostile	-1
slamming	act.hostile	-1
rebuke	act.hostile	-1
rebukes	act.hostile	-1
rebuked	act.hostile	-1
rebuking	act.hostile	-1
warn	act.hostile	-0.5	# a warning to Y is mild hostility, a warning of risks has no actor object
warns	act.hostile	-0.5
warned	act.hostile	-0.5
warning	act.hostile	-0.5
pressure	act.hostile	-1
pressures	act.hostile	-1
pressured	act.hostile	-1
pressuring	act.hostile	-1
punish	act.hostile	-1
punishes	act.hostile	-1
punished	act.hostile	-1
punishing	act.hostile	-1
penalize	act.hostile	-1
penalizes	act.hostile	-1
penalized	act.hostile	-1
penalizing	act.hostile	-1
expel	act.hostile	-1
expels	act.hostile	-1
expelled	act.hostile	-1
expelling	act.hostile	-1
oust	act.hostile	-1
ousts	act.hostile	-1
ousted	act.hostile	-1
ousting	act.hostile	-1
snub	act.hostile	-1
snubs	act.hostile	-1
snubbed	act.hostile	-1
snubbing	act.hostile	-1
undermine	act.hostile	-1
undermines	act.hostile	-1
undermined	act.hostile	-1
undermining	act.hostile	-1
sabotage	act.hostile	-1
sabotages	act.hostile	-1
sabotaged	act.hostile	-1
sabotaging	act.hostile	-1
bully	act.hostile	-1
bullies	act.hostile	-1
bullied	act.hostile	-1
bullying	act.hostile	-1
coerce	act.hostile	-1
coerces	act.hostile	-1
coerced	act.hostile	-1
coercing	act.hostile	-1
intimidate	act.hostile	-1
intimidates	act.hostile	-1
intimidated	act.hostile	-1
intimidating	act.hostile	-1
provoke	act.hostile	-1
provokes	act.hostile	-1
provoked	act.hostile	-1
provoking	act.hostile	-1
antagonize	act.hostile	-1
antagonizes	act.hostile	-1
antagonized	act.hostile	-1
antagonizing	act.hostile	-1
bombed	act.hostile	-1
bombing	act.hostile	-1
shelled	act.hostile	-1
shelling	act.hostile	-1
blockade	act.hostile	-1
blockaded	act.hostile	-1
blockading	act.hostile	-1
deride	act.hostile	-1
derides	act.hostile	-1
derided	act.hostile	-1
deriding	act.hostile	-1
mock	act.hostile	-1
mocks	act.hostile	-1
mocked	act.hostile	-1
mocking	act.hostile	-1
ridicule	act.hostile	-1
ridicules	act.hostile	-1
ridiculed	act.hostile	-1
ridiculing	act.hostile	-1
vilify	act.hostile	-1
vilifies	act.hostile	-1
vilified	act.hostile	-1
vilifying	act.hostile	-1
demonize	act.hostile	-1
demonizes	act.hostile	-1
demonized	act.hostile	-1
demonizing	act.hostile	-1
demonise	act.hostile	-1
demonised	act.hostile	-1
demonising	act.hostile	-1
smear	act.hostile	-1
smears	act.hostile	-1
smeared	act.hostile	-1
smearing	act.hostile	-1
slander	act.hostile	-1
slanders	act.hostile	-1
slandered	act.hostile	-1
slandering	act.hostile	-1
insult	act.hostile	-1
insults	act.hostile	-1
insulted	act.hostile	-1
insulting	act.hostile	-1
humiliate	act.hostile	-1
humiliates	act.hostile	-1
humiliated	act.hostile	-1
humiliating	act.hostile	-1
betray	act.hostile	-1
betrays	act.hostile	-1
betrayed	act.hostile	-1
betraying	act.hostile	-1
deceive	act.hostile	-1
deceives	act.hostile	-1
deceived	act.hostile	-1
deceiving	act.hostile	-1
exploit	act.hostile	-1
exploits	act.hostile	-1
exploited	act.hostile	-1
exploiting	act.hostile	-1
confront	act.hostile	-1
confronts	act.hostile	-1
confronted	act.hostile	-1
confronting	act.hostile	-1
oppose	act.hostile	-1
opposes	act.hostile	-1
opposed	act.hostile	-1
opposing	act.hostile	-1
reject	act.hostile	-1
rejects	act.hostile	-1
rejected	act.hostile	-1
rejecting	act.hostile	-1
veto	act.hostile	-1
vetoes	act.hostile	-1
vetoed	act.hostile	-1
vetoing	act.hostile	-1
obstruct	act.hostile	-1
obstructs	act.hostile	-1
obstructed	act.hostile	-1
obstructing	act.hostile	-1
impede	act.hostile	-1
impedes	act.hostile	-1
impeded	act.hostile	-1
impeding	act.hostile	-1
hinder	act.hostile	-1
hinders	act.hostile	-1
hindered	act.hostile	-1
hindering	act.hostile	-1
encircle	act.hostile	-1
encircles	act.hostile	-1
encircled	act.hostile	-1
encircling	act.hostile	-1
harass	act.hostile	-1
harasses	act.hostile	-1
harassed	act.hostile	-1
harassing	act.hostile	-1
detain	act.hostile	-1
detains	act.hostile	-1
detained	act.hostile	-1
detaining	act.hostile	-1
arrest	act.hostile	-1
arrests	act.hostile	-1
arrested	act.hostile	-1
arresting	act.hostile	-1
deport	act.hostile	-1
deports	act.hostile	-1
deported	act.hostile	-1
deporting	act.hostile	-1
ban	act.hostile	-1
bans	act.hostile	-1
banned	act.hostile	-1
banning	act.hostile	-1
boycott	act.hostile	-1
boycotts	act.hostile	-1
boycotted	act.hostile	-1
boycotting	act.hostile	-1
censure	act.hostile	-1
censures	act.hostile	-1
censured	act.hostile	-1
censuring	act.hostile	-1
reprimand	act.hostile	-1
reprimands	act.hostile	-1
reprimanded	act.hostile	-1
reprimanding	act.hostile	-1
scold	act.hostile	-1
scolds	act.hostile	-1
scolded	act.hostile	-1
scolding	act.hostile	-1
lambast	act.hostile	-1
lambasts	act.hostile	-1
lambasted	act.hostile	-1
lambasting	act.hostile	-1
lambaste	act.hostile	-1
lambastes	act.hostile	-1
berate	act.hostile	-1
berates	act.hostile	-1
berated	act.hostile	-1
berating	act.hostile	-1
chastise	act.hostile	-1
chastises	act.hostile	-1
chastised	act.hostile	-1
chastising	act.hostile	-1
castigate	act.hostile	-1
castigates	act.hostile	-1
castigated	act.hostile	-1
castigating	act.hostile	-1
excoriate	act.hostile	-1
excoriates	act.hostile	-1
excoriated	act.hostile	-1
excoriating	act.hostile	-1
assail	act.hostile	-1
assails	act.hostile	-1
assailed	act.hostile	-1
assailing	act.hostile	-1
blast	act.hostile	-1	# journalese for criticised (blasts is mostly the noun, left out)
blasted	act.hostile	-1
hit out at	act.hostile	-1
hits out at	act.hostile	-1
hitting out at	act.hostile	-1
lash out at	act.hostile	-1
lashed out at	act.hostile	-1
lashes out at	act.hostile	-1
lashing out at	act.hostile	-1
rail against	act.hostile	-1
railed against	act.hostile	-1
rails against	act.hostile	-1
railing against	act.hostile	-1
denigrate	act.hostile	-1
denigrates	act.hostile	-1
denigrated	act.hostile	-1
denigrating	act.hostile	-1
disparage	act.hostile	-1
disparages	act.hostile	-1
disparaged	act.hostile	-1
disparaging	act.hostile	-1
discredit	act.hostile	-1
discredits	act.hostile	-1
discredited	act.hostile	-1
discrediting	act.hostile	-1
challenged	act.hostile	-0.5	# mild: to contest Y's position (challenge, challenges, challenging are mostly noun or adjective)
defy	act.hostile	-0.5	# mild: to refuse Y's demands
defies	act.hostile	-0.5
defied	act.hostile	-0.5
defying	act.hostile	-0.5
shun	act.hostile	-1
shuns	act.hostile	-1
shunned	act.hostile	-1
shunning	act.hostile	-1
sidelined	act.hostile	-1	# sideline(s) is mostly the noun (on the sidelines of a forum)
sidelining	act.hostile	-1
exclude	act.hostile	-1
excludes	act.hostile	-1
excluded	act.hostile	-1
excluding	act.hostile	-1
abandon	act.hostile	-1
abandons	act.hostile	-1
abandoned	act.hostile	-1
abandoning	act.hostile	-1
isolate	act.hostile	-1
isolates	act.hostile	-1
isolating	act.hostile	-1
spy on	act.hostile	-1
spied on	act.hostile	-1
spying on	act.hostile	-1
spies on	act.hostile	-1
meddle in	act.hostile	-1
meddled in	act.hostile	-1
meddles in	act.hostile	-1
meddling in	act.hostile	-1
interfere in	act.hostile	-1
interfered in	act.hostile	-1
interferes in	act.hostile	-1
interfering in	act.hostile	-1
retaliate against	act.hostile	-1
retaliated against	act.hostile	-1
retaliating against	act.hostile	-1
turn against	act.hostile	-1
turned against	act.hostile	-1
turns against	act.hostile	-1
side against	act.hostile	-1
sided against	act.hostile	-1

# Legal and political sanctions against a person: harmful to their object
# (a "-effect" event in the sense of Choi and Wiebe 2014), so the object is
# the one the act goes against ("prosecutors indicted X", "X was impeached").
indict	act.hostile	-1
indicts	act.hostile	-1
indicted	act.hostile	-1
indicting	act.hostile	-1
convict	act.hostile	-1	# the verb; the noun convict is a person, rarely right before a target
convicts	act.hostile	-1
convicted	act.hostile	-1
convicting	act.hostile	-1
impeach	act.hostile	-1
impeaches	act.hostile	-1
impeached	act.hostile	-1
impeaching	act.hostile	-1
sue	act.hostile	-1
sues	act.hostile	-1
sued	act.hostile	-1
suing	act.hostile	-1
jailed	act.hostile	-1	# the verb forms only (jail is mostly the noun)
jailing	act.hostile	-1
imprison	act.hostile	-1
imprisons	act.hostile	-1
imprisoned	act.hostile	-1
imprisoning	act.hostile	-1
prosecute	act.hostile	-1
prosecutes	act.hostile	-1
prosecuted	act.hostile	-1
prosecuting	act.hostile	-1
defeated	act.hostile	-1	# the verb forms (defeat is mostly the noun: "X's defeat")
defeating	act.hostile	-1
investigate	act.hostile	-0.5	# mild: an inquiry is not yet a finding
investigates	act.hostile	-0.5
investigated	act.hostile	-0.5
investigating	act.hostile	-0.5
subpoenaed	act.hostile	-0.5	# mild: compelled testimony, not a finding
subpoenaing	act.hostile	-0.5

# ---- act.supportive
praise	act.supportive	1
praises	act.supportive	1
praised	act.supportive	1
praising	act.supportive	1
welcome	act.supportive	1
welcomes	act.supportive	1
welcomed	act.supportive	1
welcoming	act.supportive	1
support	act.supportive	1
supports	act.supportive	1
supported	act.supportive	1
supporting	act.supportive	1
backed	act.supportive	1	# the verb (back and backs are mostly the adverb: give back)
backing	act.supportive	1
thank	act.supportive	1
thanks	act.supportive	1
thanked	act.supportive	1
thanking	act.supportive	1
commend	act.supportive	1
commends	act.supportive	1
commended	act.supportive	1
commending	act.supportive	1
endorse	act.supportive	1
endorses	act.supportive	1
endorsed	act.supportive	1
endorsing	act.supportive	1
help	act.supportive	1
helps	act.supportive	1
helped	act.supportive	1
helping	act.supportive	1
defend	act.supportive	1
defends	act.supportive	1
defended	act.supportive	1
defending	act.supportive	1
hail	act.supportive	1
hails	act.supportive	1
hailed	act.supportive	1
hailing	act.supportive	1
congratulate	act.supportive	1
congratulates	act.supportive	1
congratulated	act.supportive	1
congratulating	act.supportive	1
applaud	act.supportive	1
applauds	act.supportive	1
applauded	act.supportive	1
applauding	act.supportive	1
laud	act.supportive	1
lauds	act.supportive	1
lauded	act.supportive	1
lauding	act.supportive	1
salute	act.supportive	1
salutes	act.supportive	1
saluted	act.supportive	1
saluting	act.supportive	1
honor	act.supportive	1
honors	act.supportive	1
honored	act.supportive	1
honoring	act.supportive	1
honour	act.supportive	1
honours	act.supportive	1
honoured	act.supportive	1
honouring	act.supportive	1
reward	act.supportive	1
rewards	act.supportive	1
rewarded	act.supportive	1
rewarding	act.supportive	1
embrace	act.supportive	1
embraces	act.supportive	1
embraced	act.supportive	1
embracing	act.supportive	1
encourage	act.supportive	1
encourages	act.supportive	1
encouraged	act.supportive	1
encouraging	act.supportive	1
assist	act.supportive	1
assists	act.supportive	1
assisted	act.supportive	1
assisting	act.supportive	1
aided	act.supportive	1	# aid is mostly the noun (military aid)
aiding	act.supportive	1
protect	act.supportive	1
protects	act.supportive	1
protected	act.supportive	1
protecting	act.supportive	1
rescue	act.supportive	1
rescues	act.supportive	1
rescued	act.supportive	1
rescuing	act.supportive	1
reassure	act.supportive	1
reassures	act.supportive	1
reassured	act.supportive	1
reassuring	act.supportive	1
compliment	act.supportive	1
compliments	act.supportive	1
complimented	act.supportive	1
complimenting	act.supportive	1
admire	act.supportive	1
admires	act.supportive	1
admired	act.supportive	1
admiring	act.supportive	1
befriend	act.supportive	1
befriends	act.supportive	1
befriended	act.supportive	1
befriending	act.supportive	1
forgive	act.supportive	1
forgives	act.supportive	1
forgave	act.supportive	1
forgiven	act.supportive	1
forgiving	act.supportive	1
woo	act.supportive	0.5	# seeking Y's favour: positive toward Y, mildly
woos	act.supportive	0.5
wooed	act.supportive	0.5
wooing	act.supportive	0.5
courted	act.supportive	0.5	# seeking Y's favour (court is mostly the law-court noun)
courting	act.supportive	0.5
curry favor with	act.supportive	0.5	# seeking Y's favour
curry favour with	act.supportive	1	# 0.5
invite	act.supportive	0.5	# an invitation honours Y mildly
invites	act.supportive	0.5
invited	act.supportive	0.5
inviting	act.supportive	0.5
side with	act.supportive	1
sided with	act.supportive	1
sides with	act.supportive	1
siding with	act.supportive	1
stand by	act.supportive	1
stood by	act.supportive	1
stands by	act.supportive	1
standing by	act.supportive	1
stand with	act.supportive	1
stood with	act.supportive	1
stands with	act.supportive	1
standing with	act.supportive	1
cooperate with	act.supportive	1
cooperated with	act.supportive	1
cooperates with	act.supportive	1
cooperating with	act.supportive	1
partner with	act.supportive	1
partnered with	act.supportive	1
partners with	act.supportive	1
reconcile with	act.supportive	1
reconciled with	act.supportive	1
invest in	act.supportive	0.5	# confidence in Y's economy
invested in	act.supportive	1	# 0.5
investing in	act.supportive	1	# 0.5
invests in	act.supportive	1	# 0.5
champion	act.supportive	1
champions	act.supportive	1
championed	act.supportive	1
championing	act.supportive	1
vouch for	act.supportive	1
vouched for	act.supportive	1
trusted	act.supportive	1	# the verb (trust is mostly the noun)
trusting	act.supportive	1
respects	act.supportive	1	# the verb (respect is mostly the noun: with respect to)
respected	act.supportive	1
respecting	act.supportive	1

# Legal and political outcomes that benefit their object (a "+effect" event,
# Choi and Wiebe 2014): "the jury acquitted X", "X was re-elected".
acquit	act.supportive	1
acquits	act.supportive	1
acquitted	act.supportive	1
acquitting	act.supportive	1
exonerate	act.supportive	1
exonerates	act.supportive	1
exonerated	act.supportive	1
exonerating	act.supportive	1
pardoned	act.supportive	1	# the verb forms (pardon is often the noun)
pardoning	act.supportive	1
re-elected	act.supportive	1	# X was re-elected: voters chose X again
reelected	act.supportive	1
celebrated	act.supportive	1	# "celebrated X": honours X (celebrated as an adjective praises too)
celebrating	act.supportive	1

# ---- Nominal acts: a noun (or an adjective of attitude) of a hostile or
# supportive act with the preposition that introduces its receiver
# ("criticism of X", "attack on X", "support for X", "critical of X"). News often reports acts as nouns (nominalisation hides
# the agent: Fowler 1991, Language in the News). The preposition is part of
# the entry, so "criticism from X" (X gives it) never matches; a nominal is
# never read as a passive verb ("There was criticism of X": X receives it).
@category act.hostile.nominal Hostile act (noun)
@category act.supportive.nominal Supportive act (noun)
criticism of	act.hostile.nominal	-1
criticisms of	act.hostile.nominal	-1
condemnation of	act.hostile.nominal	-1
attack on	act.hostile.nominal	-1
attacks on	act.hostile.nominal	-1
attack against	act.hostile.nominal	-1
attacks against	act.hostile.nominal	-1
assault on	act.hostile.nominal	-1
war on	act.hostile.nominal	-1	# "war on X": a campaign against X
crackdown on	act.hostile.nominal	-1
sanctions on	act.hostile.nominal	-1
sanctions against	act.hostile.nominal	-1
opposition to	act.hostile.nominal	-1
protest against	act.hostile.nominal	-1
protests against	act.hostile.nominal	-1
allegations against	act.hostile.nominal	-1
accusations against	act.hostile.nominal	-1
charges against	act.hostile.nominal	-1	# criminal charges brought against X
case against	act.hostile.nominal	-1
lawsuit against	act.hostile.nominal	-1
complaint against	act.hostile.nominal	-1
investigation into	act.hostile.nominal	-0.5	# mild: an inquiry is not yet a finding
investigations into	act.hostile.nominal	-0.5
probe into	act.hostile.nominal	-0.5
impeachment of	act.hostile.nominal	-1
threat to	act.hostile.nominal	-0.5	# mild: "a threat to X" is often a danger, not a threat made
threats against	act.hostile.nominal	-1
rebuke of	act.hostile.nominal	-1
denunciation of	act.hostile.nominal	-1
support for	act.supportive.nominal	1
praise for	act.supportive.nominal	1
praise of	act.supportive.nominal	1
endorsement of	act.supportive.nominal	1
tribute to	act.supportive.nominal	1
sympathy for	act.supportive.nominal	1
solidarity with	act.supportive.nominal	1
admiration for	act.supportive.nominal	1
defense of	act.supportive.nominal	1
defence of	act.supportive.nominal	1
gratitude to	act.supportive.nominal	1
thanks to	act.supportive.nominal	0.5	# mild: "thanks to X" credits X
# adjectives of attitude: the subject holds the attitude, the prepositional
# object receives it ("Bannon had become critical of X")
critical of	act.hostile.nominal	-1
dismissive of	act.hostile.nominal	-1
contemptuous of	act.hostile.nominal	-1
hostile to	act.hostile.nominal	-1
hostile toward	act.hostile.nominal	-1
hostile towards	act.hostile.nominal	-1
opposed to	act.hostile.nominal	-1
skeptical of	act.hostile.nominal	-0.5	# mild: doubt, not hostility
sceptical of	act.hostile.nominal	-0.5
suspicious of	act.hostile.nominal	-0.5
wary of	act.hostile.nominal	-0.5
supportive of	act.supportive.nominal	1
sympathetic to	act.supportive.nominal	1
loyal to	act.supportive.nominal	1
grateful to	act.supportive.nominal	1
proud of	act.supportive.nominal	1
fond of	act.supportive.nominal	1
respectful of	act.supportive.nominal	1
in favor of	act.supportive.nominal	1
in favour of	act.supportive.nominal	1
