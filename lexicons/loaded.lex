# loaded.lex - loaded language: emotive, pejorative, sensational or contemptuous
# words that evaluate while appearing to describe. Counted per 1,000 words in
# the outlet's own voice (quoted words are counted apart).
#
# Weights: 1 = mild (evaluative journalese: spat, feud, hubris, mocked);
#          2 = clear (slammed, sham, reckless, regime, bullying);
#          3 = strong, contemptuous or dehumanising (rabid, farcical, thugs, vermin).
# Selection: the word must carry a judgement a neutral wire report would avoid
# or attribute. Words that name events neutrally in international news
# (attack, crisis, dispute, sanctions, war, tensions, criticized, aggression)
# are NOT here: they belong to tone, frames or acts. Neither are attribution
# verbs (claimed, insisted: attribution.lex) except the openly emotive ones
# (fumed, ranted, whined), which are loaded wherever they appear.
# Inflections are listed; a wildcard is used only where every word with that
# stem is loaded (warmonger*, grovel*, capitulat*, hysteri*). Notes mark known
# false positives.
@lexicon loaded
@version 1.0
@language en
@source Written by the slant team. Guided by Recasens, Danescu-Niculescu-Mizil and Jurafsky (2013), "Linguistic Models for Analyzing and Detecting Biased Language" (ACL; framing and epistemological bias, subjective intensifiers); the MPQA subjectivity clues (Wilson, Wiebe and Hoffmann 2005: strong vs weak subjective cues, used as a guide to strength, no entries copied); Da San Martino et al. (2019), "Fine-Grained Analysis of Propaganda in News Articles" (EMNLP; the techniques loaded language, name calling/labeling, exaggeration, doubt, flag-waving)
@license MIT
@description Loaded, emotive, pejorative, sensational and contemptuous terms typical of opinionated news, weight 1 (mild) to 3 (strong)
@category loaded Loaded language
@category loaded.praise Loaded praise


# ---- Name calling: people and groups as tools, servants or criminals (propaganda: name calling/labeling)
thug	loaded	3	# the must-list; contempt for agents of a state or movement
thugs	loaded	3
thuggish	loaded	3
thuggery	loaded	3
goon	loaded	2
goons	loaded	2
puppet	loaded	3	# a state or leader said to have no will of its own
puppets	loaded	3
puppet regime	loaded	3
puppet government	loaded	3
puppet master	loaded	3
puppet masters	loaded	3
stooge	loaded	3
stooges	loaded	3
lackey	loaded	3
lackeys	loaded	3
henchman	loaded	2
henchmen	loaded	2
crony	loaded	2
cronies	loaded	2
cronyism	loaded	2
minion	loaded	2
minions	loaded	2
flunkey	loaded	2
flunkeys	loaded	2
flunky	loaded	2
flunkies	loaded	2
lapdog	loaded	3
lapdogs	loaded	3
poodle	loaded	2	# as in a government called another's poodle
vassal	loaded	2
vassals	loaded	2
vassal state	loaded	2
mouthpiece	loaded	2	# for a medium or official said to speak only for a power
mouthpieces	loaded	2
shill	loaded	2
shills	loaded	2
apologist	loaded	2
apologists	loaded	2
propagandist	loaded	2
propagandists	loaded	2
sycophant	loaded	2
sycophants	loaded	2
sycophantic	loaded	2
sycophancy	loaded	2
toady	loaded	2
toadies	loaded	2
useful idiot	loaded	3
useful idiots	loaded	3
traitor	loaded	3
traitors	loaded	3
traitorous	loaded	3
turncoat	loaded	2
turncoats	loaded	2
quisling	loaded	3
quislings	loaded	3
fifth column	loaded	2
fifth columnist	loaded	2
fifth columnists	loaded	2
warmonger*	loaded	3	# warmonger, warmongers, warmongering: the must-list
tyrant	loaded	2
tyrants	loaded	2
tyrannical	loaded	2
tyranny	loaded	2
despot	loaded	2
despots	loaded	2
despotic	loaded	2
despotism	loaded	2
dictator	loaded	2	# descriptive for some regimes, but the choice of label is itself the judgement
dictators	loaded	2
dictatorial	loaded	2
autocrat	loaded	1
autocrats	loaded	1
strongman	loaded	1	# journalese label for a leader
strongmen	loaded	1
demagogue	loaded	2
demagogues	loaded	2
demagogic	loaded	2
demagoguery	loaded	2
zealot	loaded	2
zealots	loaded	2
fanatic	loaded	2
fanatics	loaded	2
fanatical	loaded	2
jingoism	loaded	2
jingoist	loaded	2
jingoistic	loaded	2
chauvinism	loaded	2
chauvinist	loaded	2
chauvinistic	loaded	2
imperialist	loaded	2	# as a label for a state's aims in news prose (WSWS: imperialist designs)
imperialists	loaded	2
imperialism	loaded	1
inter-imperialist	loaded	2	# reason: the Marxist label for rivalry between capitalist states, used as a verdict on two governments (WSWS: inter-imperialist rivalries); the tokenizer keeps the hyphenated word whole, so imperialist alone does not match it
neocon	loaded	2
neocons	loaded	2
globalist	loaded	2
globalists	loaded	2
cabal	loaded	2
clique	loaded	2
junta	loaded	1	# descriptive for military governments, pejorative otherwise
kleptocrat	loaded	2
kleptocrats	loaded	2
kleptocracy	loaded	2
kleptocratic	loaded	2
mafia state	loaded	2
gangster	loaded	2
gangsters	loaded	2
gangster state	loaded	2
thugocracy	loaded	2
rogue state	loaded	2
rogue states	loaded	2
rogue regime	loaded	2
pariah	loaded	2
pariah state	loaded	2
regime	loaded	2	# the must-list: a government called a regime is delegitimised (the sanctions regime / visa regime sense is a known false positive)
regimes	loaded	2
regime's	loaded	2
fascist	loaded	3
fascists	loaded	3
fascism	loaded	2
neo-Nazi	loaded	3
neo-Nazis	loaded	3
Nazi	loaded	2	# as an insult for a present-day actor; historical uses are false positives
Nazis	loaded	2
butcher	loaded	3	# for a leader (the butcher of ...)
butchers	loaded	3
warlord	loaded	2
warlords	loaded	2
bandit	loaded	2
bandits	loaded	2
crook	loaded	2
crooks	loaded	2
charlatan	loaded	2
charlatans	loaded	2
fraudster	loaded	2
fraudsters	loaded	2
liar	loaded	3
liars	loaded	3
hypocrite	loaded	2
hypocrites	loaded	2
hypocritical	loaded	2
hypocrisy	loaded	2
troll	loaded	2
trolls	loaded	2
troll factory	loaded	2
Russophobe	loaded	2
Russophobes	loaded	2
Russophobia	loaded	2
Russophobic	loaded	2
lunatic	loaded	3
lunatics	loaded	3
madman	loaded	3
madmen	loaded	3
maniac	loaded	3
maniacs	loaded	3
idiot	loaded	3
idiots	loaded	3
idiotic	loaded	3
moron	loaded	3
morons	loaded	3
moronic	loaded	3
clown	loaded	2
clowns	loaded	2
buffoon	loaded	2
buffoons	loaded	2
buffoonery	loaded	2
vermin	loaded	3
rabble	loaded	2
horde	loaded	2
hordes	loaded	2
mob	loaded	1	# neutral for a crowd in some reports; pejorative for protesters
aggressor	loaded	2	# the must-list: assigns guilt for a conflict
aggressors	loaded	2
revanchist	loaded	2
revanchism	loaded	2
militarist	loaded	2
militarists	loaded	2
militaristic	loaded	2
militarism	loaded	1
expansionist	loaded	1
expansionism	loaded	1
hegemon	loaded	1	# Russian and Chinese state-media label for the US
hegemonic	loaded	1
color revolution	loaded	2
colour revolution	loaded	2
color revolutions	loaded	2
colour revolutions	loaded	2
axis of evil	loaded	3
evil empire	loaded	2
cold warrior	loaded	2
cold warriors	loaded	2
Cold War mentality	loaded	1
witch hunt	loaded	2
witch-hunt	loaded	2
McCarthyism	loaded	2
McCarthyite	loaded	2
Russiagate	loaded	2
fake news	loaded	2
deep state	loaded	2

# ---- Speech and criticism verbs of journalese: a statement told as an assault or a fit
slammed	loaded	2	# the must-list; the literal sense (slammed the door) is rare in news
slams	loaded	2
slamming	loaded	2
lashed out	loaded	2
lashes out	loaded	2
lashing out	loaded	2
lash out	loaded	2
blasted	loaded	1	# journalese for criticised; the explosion sense occurs in war reporting
blasts	loaded	1
blasting	loaded	1
ripped into	loaded	2
rips into	loaded	2
tore into	loaded	2
tears into	loaded	2
hit out at	loaded	2
hits out at	loaded	2
hitting out at	loaded	2
fumed	loaded	2
fuming	loaded	2
raged	loaded	2
raging	loaded	2
railed against	loaded	2
rails against	loaded	2
railing against	loaded	2
bashed	loaded	2
bashing	loaded	2
trashed	loaded	2
trashing	loaded	2
savaged	loaded	2
skewered	loaded	2
mocked	loaded	1
mocking	loaded	1
ridiculed	loaded	1
derided	loaded	1
scoffed	loaded	1
sneered	loaded	2
sneering	loaded	2
smear	loaded	2
smears	loaded	2
smeared	loaded	2
smearing	loaded	2
smear campaign	loaded	2
vilify	loaded	2
vilified	loaded	2
vilifies	loaded	2
vilifying	loaded	2
vilification	loaded	2
demonize	loaded	2
demonized	loaded	2
demonizes	loaded	2
demonizing	loaded	2
demonization	loaded	2
demonise	loaded	2
demonised	loaded	2
demonising	loaded	2
demonisation	loaded	2
scapegoat*	loaded	2
bully	loaded	2
bullies	loaded	2
bullied	loaded	2
bullying	loaded	2	# the must-list
browbeat	loaded	2
browbeating	loaded	2
browbeaten	loaded	2
hectored	loaded	2
hectoring	loaded	2
harangued	loaded	2
berated	loaded	2
berating	loaded	2
spewed	loaded	2
spewing	loaded	2
spouted	loaded	2
spouting	loaded	2
ranted	loaded	2
ranting	loaded	2
rant	loaded	2
rants	loaded	2
tirade	loaded	2
tirades	loaded	2
diatribe	loaded	2
diatribes	loaded	2
screed	loaded	2
broadside	loaded	1
outburst	loaded	1
whined	loaded	2
whining	loaded	2
whinged	loaded	2
moaned	loaded	1
bleated	loaded	2
crowed	loaded	2
gloated	loaded	2
gloating	loaded	2
blustered	loaded	2
bluster	loaded	2
blustering	loaded	2
shrieked	loaded	2
howled	loaded	2
snapped	loaded	1	# journalese: answered angrily
meddle	loaded	2
meddled	loaded	2
meddles	loaded	2
meddling	loaded	2

# ---- Ridicule and dismissal of what others say or do
farcical	loaded	3	# the must-list
farce	loaded	2
rabid	loaded	3	# the must-list
rabidly	loaded	3
phony	loaded	2	# the must-list
phoney	loaded	2
sham	loaded	2	# the must-list
shams	loaded	2
bogus	loaded	2
fake	loaded	1
absurd	loaded	2
absurdly	loaded	2
absurdity	loaded	2
ludicrous	loaded	2
ridiculous	loaded	2
ridiculously	loaded	2
laughable	loaded	2
preposterous	loaded	2
nonsensical	loaded	2
nonsense	loaded	2
hogwash	loaded	3
baloney	loaded	3
claptrap	loaded	3
drivel	loaded	3
gibberish	loaded	2
twaddle	loaded	2
rubbish	loaded	2
stupid	loaded	3
stupidity	loaded	3
charade	loaded	2
pantomime	loaded	2
circus	loaded	2	# as in a political circus
stunt	loaded	2
publicity stunt	loaded	2
gimmick	loaded	2
ploy	loaded	1	# the must-list: an act presented as a trick
ploys	loaded	1
smokescreen	loaded	2
smoke screen	loaded	2
whitewash	loaded	2
whitewashed	loaded	2
whitewashing	loaded	2
hoax	loaded	2
scam	loaded	2
swindle	loaded	2
propaganda	loaded	2	# the must-list
propagandistic	loaded	2
brainwash*	loaded	2
indoctrinat*	loaded	1
pathetic	loaded	2
pathetically	loaded	2
pitiful	loaded	2
feeble	loaded	1
naive	loaded	1
naivety	loaded	1
delusional	loaded	1
delusion	loaded	2
delusions	loaded	2
hysteria	loaded	2	# the must-list
hysterical	loaded	2
hysterically	loaded	2
hysterics	loaded	2
tantrum	loaded	2	# the must-list
tantrums	loaded	2
temper tantrum	loaded	2
paranoia	loaded	2
paranoid	loaded	2
meltdown	loaded	2
frenzy	loaded	2
frenzied	loaded	2
scaremongering	loaded	2
scaremonger	loaded	2
fearmongering	loaded	2
fear-mongering	loaded	2
alarmist	loaded	2

# ---- Moral condemnation: shame, disgrace, outrage
brazen	loaded	2	# the must-list
brazenly	loaded	2
reckless	loaded	2	# the must-list
recklessly	loaded	2
recklessness	loaded	2
shameless	loaded	2
shamelessly	loaded	2
shameful	loaded	2	# the must-list
shamefully	loaded	2
disgraceful	loaded	2	# the must-list
disgrace	loaded	2
disgraced	loaded	2
outrageous	loaded	2	# the must-list
outrageously	loaded	2
scandalous	loaded	2
despicable	loaded	3
vile	loaded	3
heinous	loaded	2
abhorrent	loaded	2
odious	loaded	2
contemptible	loaded	2
deplorable	loaded	2
appalling	loaded	2
atrocious	loaded	2
egregious	loaded	2
monstrous	loaded	3
barbaric	loaded	3
barbarous	loaded	3
barbarism	loaded	2
savagery	loaded	2
grotesque	loaded	2
obscene	loaded	2
sinister	loaded	2
nefarious	loaded	2
insidious	loaded	2
devious	loaded	2
duplicitous	loaded	2
duplicity	loaded	2
treacherous	loaded	2
treachery	loaded	2
perfidious	loaded	3
perfidy	loaded	3
cynical	loaded	1	# attributes bad faith
cynically	loaded	1
arrogant	loaded	2
arrogance	loaded	2
hubris	loaded	1
pompous	loaded	2
smug	loaded	2
blatant	loaded	2
blatantly	loaded	2
flagrant	loaded	2
flagrantly	loaded	2
notorious	loaded	2
notoriously	loaded	2
infamous	loaded	2
infamously	loaded	2
evil	loaded	2
demonic	loaded	3
diabolical	loaded	3
depraved	loaded	2
wicked	loaded	2
spineless	loaded	2
gutless	loaded	2
cowardly	loaded	2
craven	loaded	2
servile	loaded	2
subservient	loaded	1
obsequious	loaded	2
fawning	loaded	2
kowtow*	loaded	2
grovel*	loaded	2	# grovel, grovelled, groveling: the must-list
capitulat*	loaded	2	# capitulate, capitulation: the must-list
caved in	loaded	2
caves in	loaded	2
cave in	loaded	2
appeasement	loaded	2	# loaded since Munich 1938
humiliating	loaded	2
humiliated	loaded	2
abject	loaded	1
venal	loaded	2
corrupt	loaded	1
draconian	loaded	2
heavy-handed	loaded	1
high-handed	loaded	1
iron-fisted	loaded	2
jackboot	loaded	2
jackbooted	loaded	2
totalitarian	loaded	2
authoritarian	loaded	1	# a political-science term, but chosen over neutral ones it labels
bellicose	loaded	2
belligerent	loaded	1
saber-rattling	loaded	1
sabre-rattling	loaded	1
gunboat diplomacy	loaded	2
vicious	loaded	2
viciously	loaded	2
ruthless	loaded	2
ruthlessly	loaded	2
brutal	loaded	1
brutally	loaded	1
noisy	loaded	1	# of demands or critics: dismissive (noisy demands)
all-powerful	loaded	1	# exaggeration of an institution's power
curry favor	loaded	1	# journalese: seeking favour by flattery
curry favour	loaded	1
curried favor	loaded	1
curried favour	loaded	1
left out in the cold	loaded	1	# sensational idiom for exclusion
land grab	loaded	2
power grab	loaded	2
stranglehold	loaded	2
iron grip	loaded	2
murderous	loaded	2
bloodthirsty	loaded	3

# ---- Sensational and hyperbolic words (propaganda: exaggeration)
bombshell	loaded	2
shocking	loaded	2
shockingly	loaded	2
stunning	loaded	1
astonishing	loaded	1
staggering	loaded	1
jaw-dropping	loaded	2
mind-boggling	loaded	2
mind-blowing	loaded	2
chaos	loaded	1
chaotic	loaded	1
mayhem	loaded	2
carnage	loaded	2
bloodbath	loaded	3
catastrophic	loaded	1
apocalyptic	loaded	2
nightmare	loaded	2
nightmarish	loaded	2
horrifying	loaded	2
horrific	loaded	1
terrifying	loaded	2
menacing	loaded	1
menace	loaded	2
scourge	loaded	2
debacle	loaded	2
fiasco	loaded	2
disastrous	loaded	1
slap in the face	loaded	2
firestorm	loaded	2
uproar	loaded	1
furore	loaded	1
furor	loaded	1
spat	loaded	1	# trivialises a dispute
feud	loaded	1
feuding	loaded	1
bickering	loaded	1
squabble	loaded	1
squabbling	loaded	1
war of words	loaded	1
showdown	loaded	1
skyrocketing	loaded	1
skyrocketed	loaded	1
explosive	loaded	1	# of a situation or report (an explosive device is a false positive)
sensational	loaded	1
insane	loaded	2
insanely	loaded	2
crazy	loaded	2
wildly	loaded	1
grossly	loaded	1
monumental	loaded	2
colossal	loaded	2

# ---- Partisan labels and epithets of political news (as marked in biased-language corpora)
radical	loaded	2	# as a label for an opponent or a policy
radicals	loaded	2
extremist	loaded	1	# a label that is often contested
extremists	loaded	1
far-right	loaded	1
far-left	loaded	1
leftist	loaded	2
leftists	loaded	2
rightist	loaded	2
rightists	loaded	2
alt-right	loaded	2
woke	loaded	2	# the political label (woke up is a false positive)
snowflake	loaded	2
snowflakes	loaded	2
illegals	loaded	3	# dehumanising label for migrants
illegal aliens	loaded	2
elitist	loaded	2
elitists	loaded	2
baseless	loaded	2
debunked	loaded	1
falsely	loaded	1
lied	loaded	2
lying	loaded	2	# the untruth sense dominates in political news; lying down is a false positive
lies	loaded	2	# the untruth sense; lies in (is located) is a false positive
misleading	loaded	1
dubious	loaded	1
controversial	loaded	1	# flagged as a framing word in Recasens et al. (2013)
conspiracy theory	loaded	1
conspiracy theorist	loaded	2
conspiracy theorists	loaded	2
gaslighting	loaded	2
grift	loaded	2
grifter	loaded	2
grifters	loaded	2
rampant	loaded	1
unhinged	loaded	3
deranged	loaded	3
bizarre	loaded	2
disturbing	loaded	1
alarming	loaded	1
outraged	loaded	2
furious	loaded	2
fury	loaded	2
rage	loaded	2
wrath	loaded	2
angry	loaded	1
stunned	loaded	1
ripped	loaded	1	# journalese for criticised (ripped apart is a false positive)
rips	loaded	2
torched	loaded	2	# journalese for criticised; the fire sense is a false positive
job-killing	loaded	2
tax-and-spend	loaded	2

# ---- Gushing praise (loaded in favour: the mirror of name calling). Category
# loaded.praise: still loaded language (counted with the rest), but the
# stance scorer reads it as favouring what it describes, not as an insult.
triumphant	loaded.praise	1
triumphantly	loaded.praise	1
glorious	loaded.praise	2
heroic	loaded.praise	1
heroically	loaded.praise	1
masterstroke	loaded.praise	2
masterful	loaded.praise	2
masterfully	loaded.praise	2
visionary	loaded.praise	1
rhapsodic	loaded.praise	1
legendary	loaded.praise	1
iconic	loaded.praise	1
awe-inspiring	loaded.praise	2
magnificent	loaded.praise	1
brilliantly	loaded.praise	1
genius	loaded.praise	1
savior	loaded.praise	2
saviour	loaded.praise	2
beloved leader	loaded.praise	2
great leader	loaded.praise	2
