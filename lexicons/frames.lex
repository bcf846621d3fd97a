# frames.lex - frame vocabulary: which aspect of an event a text makes salient.
# Eight categories, defined with their sources in docs/frames.md. A frame
# share is the share of frame hits per category; a term belongs to ONE frame
# only (so shares add up), and where a term straddles two frames a longer
# expression decides (longest match wins within the family): "peace treaty"
# is Diplomacy while "treaty" alone is Law; "World War II" is History while
# "war" is Security; "military alliance" is Security while "alliance" is
# Diplomacy. Wildcards only where every word with the stem fits the frame.
@lexicon frames
@version 1.0
@language en
@source Written by the slant team; categories adapted from the Policy Frames Codebook (Boydstun, Card, Gross, Resnik and Smith 2014) and the generic news frames of Semetko and Valkenburg (2000), see docs/frames.md
@license MIT
@description Frame vocabulary for international and security news: economy, security, diplomacy, conflict, history, law and sovereignty, domestic politics, identity and nationalism
@category frame.economy Economy
@category frame.security Security and military
@category frame.diplomacy Diplomacy
@category frame.conflict Conflict
@category frame.history History
@category frame.law Law and sovereignty
@category frame.domestic Domestic politics
@category frame.identity Identity and nationalism


# ---- frame.economy
economy	frame.economy
economies	frame.economy
economic	frame.economy
economically	frame.economy
economics	frame.economy
economist	frame.economy
economists	frame.economy
trade	frame.economy
trading	frame.economy
traded	frame.economy
trades	frame.economy
trade deal	frame.economy
trade deficit	frame.economy
trade war	frame.economy	1	# a trade dispute, not armed conflict
tariff*	frame.economy
export*	frame.economy
import	frame.economy
imports	frame.economy
imported	frame.economy
importer	frame.economy
importers	frame.economy
importing	frame.economy
investment*	frame.economy
invest	frame.economy
invests	frame.economy
investing	frame.economy
invested	frame.economy
investor*	frame.economy
business	frame.economy
businesses	frame.economy
business-like	frame.economy	1	# "constructive and business-like" talks: pragmatic, deal-oriented
businessman	frame.economy
businessmen	frame.economy
business delegation	frame.economy
company	frame.economy
companies	frame.economy
corporation*	frame.economy
firm	frame.economy
firms	frame.economy
market	frame.economy
markets	frame.economy
market economy	frame.economy
billion	frame.economy
billions	frame.economy
trillion	frame.economy
GDP	frame.economy
gross domestic product	frame.economy
growth	frame.economy
recession	frame.economy
downturn	frame.economy
slowdown	frame.economy
inflation	frame.economy
price	frame.economy
prices	frame.economy
oil price	frame.economy
currency	frame.economy
currencies	frame.economy
ruble*	frame.economy
rouble*	frame.economy
yen	frame.economy
yuan	frame.economy
dollar	frame.economy
dollars	frame.economy
finance	frame.economy
financial	frame.economy
financing	frame.economy
bank	frame.economy
banks	frame.economy
banking	frame.economy
fund	frame.economy
funds	frame.economy
profit*	frame.economy
revenue*	frame.economy
budget*	frame.economy
deficit	frame.economy
deficits	frame.economy
debt	frame.economy
debts	frame.economy
jobs	frame.economy
employment	frame.economy
unemployment	frame.economy
wage	frame.economy
wages	frame.economy
living standards	frame.economy
productivity	frame.economy
industry	frame.economy
industries	frame.economy
industrial	frame.economy
manufactur*	frame.economy
commodit*	frame.economy
raw materials	frame.economy
natural resources	frame.economy
energy	frame.economy
oil	frame.economy
natural gas	frame.economy
LNG	frame.economy
liquefied natural gas	frame.economy
pipeline	frame.economy
pipelines	frame.economy
infrastructure	frame.economy
shipping	frame.economy
shipping lanes	frame.economy
fishing	frame.economy
fisheries	frame.economy
customs	frame.economy
subsidies	frame.economy
subsidy	frame.economy
tax	frame.economy
taxes	frame.economy
taxation	frame.economy
consumer	frame.economy
consumers	frame.economy
goods	frame.economy
supply chain	frame.economy
supply chains	frame.economy
joint venture	frame.economy
joint ventures	frame.economy
joint economic activity	frame.economy
joint economic activities	frame.economy
joint economic projects	frame.economy
memorandum of understanding	frame.economy
contract	frame.economy
contracts	frame.economy
energy deals	frame.economy
trade deals	frame.economy
economic cooperation	frame.economy	1	# economic ties framed as exchange of benefits
mutual benefit	frame.economy
prosperity	frame.economy
cost	frame.economy
costs	frame.economy
costly	frame.economy
investment climate	frame.economy
stock market	frame.economy

# ---- frame.security
military	frame.security
militaries	frame.security
militarily	frame.security
militarization	frame.security
militarisation	frame.security
remilitarization	frame.security
remilitarisation	frame.security
army	frame.security
armies	frame.security
navy	frame.security
navies	frame.security
naval	frame.security
troop	frame.security
troops	frame.security
soldier	frame.security
soldiers	frame.security
forces	frame.security
armed forces	frame.security
air force	frame.security
fleet	frame.security
fleets	frame.security
Pacific Fleet	frame.security
weapon	frame.security
weapons	frame.security
weaponry	frame.security
missile	frame.security
missiles	frame.security
ballistic missile	frame.security
ballistic missiles	frame.security
nuclear	frame.security
nuclear weapons	frame.security
warhead	frame.security
warheads	frame.security
submarine	frame.security
submarines	frame.security
warship	frame.security
warships	frame.security
fighter jet	frame.security
fighter jets	frame.security
aircraft	frame.security
bomber	frame.security
bombers	frame.security
drone	frame.security
drones	frame.security
radar	frame.security
radars	frame.security
THAAD	frame.security
Aegis Ashore	frame.security
missile defense	frame.security
missile defence	frame.security
military base	frame.security
military bases	frame.security
air base	frame.security
naval base	frame.security
defense	frame.security
defence	frame.security
defense ministry	frame.security
defence ministry	frame.security
defense minister	frame.security
defence minister	frame.security
security	frame.security
national security	frame.security
security dialogue	frame.security
Security Council	frame.security	1	# Japan's National Security Council, Russia's Security Council or the UN's: a security body in each case
deterrence	frame.security
deterrent	frame.security
deter	frame.security
deploy	frame.security
deploys	frame.security
deployed	frame.security
deploying	frame.security
deployment	frame.security
deployments	frame.security
drill	frame.security
drills	frame.security
military exercises	frame.security
military drills	frame.security
joint drills	frame.security
war games	frame.security
patrol	frame.security
patrols	frame.security
patrolling	frame.security
airspace	frame.security
intelligence	frame.security
spy	frame.security
spies	frame.security
spying	frame.security
espionage	frame.security
surveillance	frame.security
threat	frame.security
threats	frame.security
arms	frame.security
arms race	frame.security
arms sales	frame.security
arms control	frame.security
arsenal	frame.security
arsenals	frame.security
rearm	frame.security
rearmament	frame.security
war	frame.security	1	# armed conflict (World War II and Cold War are History, longer matches)
wars	frame.security
warfare	frame.security
combat	frame.security
battle	frame.security
battles	frame.security
battlefield	frame.security
invasion	frame.security
invade	frame.security
invaded	frame.security
strike	frame.security
strikes	frame.security	1	# military strikes (labour strikes are a false positive)
airstrike	frame.security
airstrikes	frame.security
bombing	frame.security
bombings	frame.security
shelling	frame.security
terrorism	frame.security
terrorist	frame.security
terrorists	frame.security
military alliance	frame.security
defense pact	frame.security
defence pact	frame.security
strategically important	frame.security
strategic nuclear	frame.security
garrison	frame.security
fortification	frame.security
fortifications	frame.security
commander	frame.security
commanders	frame.security
general staff	frame.security
defense spending	frame.security
defence spending	frame.security
military spending	frame.security
military presence	frame.security
military action	frame.security

# ---- frame.diplomacy
diplomacy	frame.diplomacy
diplomat	frame.diplomacy
diplomats	frame.diplomacy
diplomatic	frame.diplomacy
diplomatically	frame.diplomacy
negotiat*	frame.diplomacy
talks	frame.diplomacy
summit	frame.diplomacy
summits	frame.diplomacy
summitry	frame.diplomacy
peace treaty	frame.diplomacy	1	# the settlement sought through negotiation (Law takes treaty alone)
peace talks	frame.diplomacy
peace process	frame.diplomacy
agreement	frame.diplomacy
agreements	frame.diplomacy
accord	frame.diplomacy
accords	frame.diplomacy
bilateral	frame.diplomacy
multilateral	frame.diplomacy
dialogue	frame.diplomacy
rapprochement	frame.diplomacy
detente	frame.diplomacy
détente	frame.diplomacy
envoy	frame.diplomacy
envoys	frame.diplomacy
ambassador	frame.diplomacy
ambassadors	frame.diplomacy
embassy	frame.diplomacy
embassies	frame.diplomacy
foreign minister	frame.diplomacy
foreign ministers	frame.diplomacy
foreign ministry	frame.diplomacy
foreign policy	frame.diplomacy
ministerial	frame.diplomacy
state visit	frame.diplomacy
official visit	frame.diplomacy
relations	frame.diplomacy
relationship	frame.diplomacy
ties	frame.diplomacy
bilateral relations	frame.diplomacy
partner	frame.diplomacy
partners	frame.diplomacy
partnership	frame.diplomacy
partnerships	frame.diplomacy
strategic partnership	frame.diplomacy
cooperation	frame.diplomacy
co-operation	frame.diplomacy
cooperate	frame.diplomacy
cooperated	frame.diplomacy
cooperating	frame.diplomacy
cooperative	frame.diplomacy
ally	frame.diplomacy
allies	frame.diplomacy
alliance	frame.diplomacy
alliances	frame.diplomacy
allied	frame.diplomacy
mediate	frame.diplomacy
mediated	frame.diplomacy
mediation	frame.diplomacy
mediator	frame.diplomacy
normalization	frame.diplomacy
normalisation	frame.diplomacy
normalize	frame.diplomacy
normalise	frame.diplomacy
goodwill	frame.diplomacy
overture	frame.diplomacy
overtures	frame.diplomacy
outreach	frame.diplomacy
communique	frame.diplomacy
communiqué	frame.diplomacy
joint statement	frame.diplomacy
joint declaration	frame.diplomacy	1	# a signed statement of two governments (the 1956 one is History)
compromise	frame.diplomacy
compromises	frame.diplomacy
concession	frame.diplomacy
concessions	frame.diplomacy
breakthrough	frame.diplomacy
breakthroughs	frame.diplomacy
deadlock	frame.diplomacy
deadlocked	frame.diplomacy
stalemate	frame.diplomacy
impasse	frame.diplomacy
roadmap	frame.diplomacy
road map	frame.diplomacy
confidence-building	frame.diplomacy
engagement	frame.diplomacy
engage	frame.diplomacy
reset	frame.diplomacy
pivot	frame.diplomacy
sanctions	frame.diplomacy	1	# a foreign-policy instrument (Policy Frames Codebook: external regulation and reputation)
sanction	frame.diplomacy
sanctioned	frame.diplomacy
sanctioning	frame.diplomacy
peace deal	frame.diplomacy
deal	frame.diplomacy	1	# an agreement between parties, most often political in this domain (a territorial deal), while trade deal and energy deals are Economy by longer match
deals	frame.diplomacy
isolate	frame.diplomacy
isolated	frame.diplomacy
isolation	frame.diplomacy
expel	frame.diplomacy
expelled	frame.diplomacy	1	# of diplomats
G7 summit	frame.diplomacy
G20 summit	frame.diplomacy
Group of Seven	frame.diplomacy
summit meeting	frame.diplomacy
meeting	frame.diplomacy
meetings	frame.diplomacy
met with	frame.diplomacy
visit	frame.diplomacy
visits	frame.diplomacy
visited	frame.diplomacy
counterpart	frame.diplomacy
counterparts	frame.diplomacy
statesman	frame.diplomacy
statesmen	frame.diplomacy

# ---- frame.conflict
conflict	frame.conflict
conflicts	frame.conflict
dispute	frame.conflict
disputes	frame.conflict
disputed	frame.conflict
tension	frame.conflict
tensions	frame.conflict
rival	frame.conflict
rivals	frame.conflict
rivalry	frame.conflict
rivalries	frame.conflict
rival claims	frame.conflict
competing claims	frame.conflict
confrontation	frame.conflict
confrontations	frame.conflict
confrontational	frame.conflict
confront	frame.conflict
confronted	frame.conflict
confronting	frame.conflict
clash	frame.conflict
clashes	frame.conflict
clashed	frame.conflict
standoff	frame.conflict
stand-off	frame.conflict
friction	frame.conflict
frictions	frame.conflict
hostility	frame.conflict
hostilities	frame.conflict
hostile	frame.conflict
adversary	frame.conflict
adversaries	frame.conflict
adversarial	frame.conflict
enemy	frame.conflict
enemies	frame.conflict
foe	frame.conflict
foes	frame.conflict
opponent	frame.conflict
opponents	frame.conflict
oppose	frame.conflict
opposed	frame.conflict
opposes	frame.conflict
opposing	frame.conflict
criticize	frame.conflict
criticized	frame.conflict
criticizes	frame.conflict
criticizing	frame.conflict
criticise	frame.conflict
criticised	frame.conflict
criticises	frame.conflict
criticising	frame.conflict
criticism	frame.conflict
criticisms	frame.conflict
accuse	frame.conflict
accused	frame.conflict
accuses	frame.conflict
accusing	frame.conflict
accusation	frame.conflict
accusations	frame.conflict
condemn	frame.conflict
condemned	frame.conflict
condemns	frame.conflict
condemnation	frame.conflict
denounce	frame.conflict
denounced	frame.conflict
denounces	frame.conflict
pressure	frame.conflict
pressured	frame.conflict
pressures	frame.conflict
pressuring	frame.conflict
threaten	frame.conflict
threatened	frame.conflict
threatens	frame.conflict
threatening	frame.conflict
retaliate	frame.conflict
retaliated	frame.conflict
retaliation	frame.conflict
retaliatory	frame.conflict
countermeasure	frame.conflict
countermeasures	frame.conflict
provocation	frame.conflict
provocations	frame.conflict
provocative	frame.conflict
provoke	frame.conflict
provoked	frame.conflict
escalate	frame.conflict
escalated	frame.conflict
escalates	frame.conflict
escalating	frame.conflict
escalation	frame.conflict
de-escalate	frame.conflict
de-escalation	frame.conflict
crisis	frame.conflict
crises	frame.conflict
grievance	frame.conflict
grievances	frame.conflict
antagonism	frame.conflict
antagonistic	frame.conflict
disagree	frame.conflict
disagreed	frame.conflict
disagreement	frame.conflict
disagreements	frame.conflict
differences	frame.conflict
divide	frame.conflict
divides	frame.conflict
divided	frame.conflict
division	frame.conflict
divisions	frame.conflict
blame	frame.conflict
blamed	frame.conflict
blames	frame.conflict
blaming	frame.conflict
quarrel	frame.conflict
quarrels	frame.conflict
wedge	frame.conflict
tit-for-tat	frame.conflict
brinkmanship	frame.conflict
zero-sum	frame.conflict
at odds	frame.conflict
strained	frame.conflict
fraught	frame.conflict
mistrust	frame.conflict
distrust	frame.conflict
suspicion	frame.conflict
suspicions	frame.conflict
animosity	frame.conflict
resentment	frame.conflict
competition	frame.conflict
compete	frame.conflict
competing	frame.conflict
struggle	frame.conflict
struggles	frame.conflict
spat	frame.conflict
row over	frame.conflict
war of words	frame.conflict
standoffs	frame.conflict
complained	frame.conflict
complaints	frame.conflict

# ---- frame.history
history	frame.history
histories	frame.history
historical	frame.history
historic	frame.history
historically	frame.history
historian	frame.history
historians	frame.history
World War II	frame.history
World War Two	frame.history
Second World War	frame.history
WWII	frame.history
WW2	frame.history
Great Patriotic War	frame.history
Pacific War	frame.history
First World War	frame.history
World War I	frame.history
Cold War	frame.history
postwar	frame.history
post-war	frame.history
wartime	frame.history
prewar	frame.history
pre-war	frame.history
Soviet era	frame.history
Soviet-era	frame.history
Soviet times	frame.history
tsarist	frame.history
Tsar	frame.history
imperial Japan	frame.history
Meiji	frame.history
Tsushima	frame.history
Battle of Tsushima	frame.history
Russo-Japanese War	frame.history
1945	frame.history
1956	frame.history
1855	frame.history
1875	frame.history
1905	frame.history
1950s	frame.history
Yalta	frame.history
Yalta Conference	frame.history
Potsdam	frame.history
Potsdam Declaration	frame.history
San Francisco Peace Treaty	frame.history
Treaty of San Francisco	frame.history
Shimoda Treaty	frame.history
Treaty of Shimoda	frame.history
Treaty of Saint Petersburg	frame.history
1956 Joint Declaration	frame.history
Soviet-Japanese Joint Declaration	frame.history
Japan-Soviet Joint Declaration	frame.history
end of the war	frame.history
end of World War II	frame.history
end of the Second World War	frame.history
since the war	frame.history
after the war	frame.history
legacy	frame.history
legacies	frame.history
anniversary	frame.history
anniversaries	frame.history
commemorate	frame.history
commemorated	frame.history
commemorating	frame.history
commemoration	frame.history
memorial	frame.history
memorials	frame.history
remembrance	frame.history
ancestors	frame.history
ancestral	frame.history
forebears	frame.history
veterans	frame.history
Victory Day	frame.history
surrender	frame.history
surrendered	frame.history
Hiroshima	frame.history
Nagasaki	frame.history
century	frame.history
centuries	frame.history
decades-old	frame.history
decades-long	frame.history
long-standing	frame.history
longstanding	frame.history
era	frame.history
epoch	frame.history
predecessor	frame.history
predecessors	frame.history
former residents	frame.history
graves	frame.history
repatriation	frame.history
repatriated	frame.history
deportation	frame.history
deported	frame.history
dissolution of the Soviet Union	frame.history
collapse of the Soviet Union	frame.history
breakup of the Soviet Union	frame.history
fall of the Soviet Union	frame.history
historical grievances	frame.history
historical memory	frame.history
archives	frame.history
revisionism	frame.history
revisionist	frame.history

# ---- frame.law
sovereignty	frame.law
sovereign	frame.law
territorial integrity	frame.law
territory	frame.law
territories	frame.law
territorial	frame.law
territorial dispute	frame.law
territorial claims	frame.law
legal	frame.law
illegal	frame.law
illegally	frame.law
legally	frame.law
legality	frame.law
lawful	frame.law
unlawful	frame.law
unlawfully	frame.law
law	frame.law
laws	frame.law
international law	frame.law
legislation	frame.law
legitimate	frame.law
legitimacy	frame.law
illegitimate	frame.law
legitimize	frame.law
legitimise	frame.law
jurisdiction	frame.law
jurisdictions	frame.law
treaty	frame.law	1	# a legal instrument (peace treaty is Diplomacy)
treaties	frame.law
territorial claim	frame.law
legal claim	frame.law
ownership	frame.law
owner	frame.law
border	frame.law
borders	frame.law
boundary	frame.law
boundaries	frame.law
demarcation	frame.law
demarcate	frame.law
annex	frame.law
annexed	frame.law
annexes	frame.law
annexing	frame.law
annexation	frame.law
recognize	frame.law
recognized	frame.law
recognise	frame.law
recognised	frame.law
recognition	frame.law
constitution	frame.law
constitutional	frame.law
unconstitutional	frame.law
court	frame.law
courts	frame.law
tribunal	frame.law
ruling	frame.law
arbitration	frame.law
statute	frame.law
charter	frame.law
UN Charter	frame.law
human rights	frame.law
rights	frame.law
UNCLOS	frame.law
exclusive economic zone	frame.law
EEZ	frame.law
territorial waters	frame.law
maritime boundary	frame.law
ratify	frame.law
ratified	frame.law
ratification	frame.law
self-determination	frame.law
referendum	frame.law
referendums	frame.law
violation	frame.law
violations	frame.law
violate	frame.law
violated	frame.law
violates	frame.law
breach	frame.law
breached	frame.law
enforce	frame.law
enforced	frame.law
enforcement	frame.law
comply	frame.law
compliance	frame.law
visa	frame.law
visas	frame.law
visa-free	frame.law
work permits	frame.law
residency	frame.law
inherent territory	frame.law
inherent part	frame.law
rule of law	frame.law
legal basis	frame.law
legal status	frame.law
title to	frame.law

# ---- frame.domestic
public opinion	frame.domestic
approval rating	frame.domestic
approval ratings	frame.domestic
popularity	frame.domestic
poll	frame.domestic
polls	frame.domestic
polling	frame.domestic
opinion poll	frame.domestic
voters	frame.domestic
voter	frame.domestic
election	frame.domestic
elections	frame.domestic
electoral	frame.domestic
re-election	frame.domestic
parliament	frame.domestic
parliamentary	frame.domestic
parliament's	frame.domestic
Diet	frame.domestic	1	case	# Japan's parliament, not diet (food)
legislature	frame.domestic
lawmaker	frame.domestic
lawmakers	frame.domestic
legislator	frame.domestic
legislators	frame.domestic
politician	frame.domestic
politicians	frame.domestic
ruling party	frame.domestic
political party	frame.domestic
opposition	frame.domestic
opposition party	frame.domestic
coalition	frame.domestic
ruling coalition	frame.domestic
cabinet	frame.domestic
domestic	frame.domestic
domestically	frame.domestic
home front	frame.domestic
protest	frame.domestic
protests	frame.domestic
protested	frame.domestic
protesting	frame.domestic
protester	frame.domestic
protesters	frame.domestic
protestor	frame.domestic
protestors	frame.domestic
demonstrator	frame.domestic
demonstrators	frame.domestic
demonstration	frame.domestic
demonstrations	frame.domestic
outcry	frame.domestic
public outcry	frame.domestic
rally	frame.domestic
rallies	frame.domestic
popular support	frame.domestic
constituency	frame.domestic
constituencies	frame.domestic
lobby	frame.domestic
lobbying	frame.domestic
lobbyist	frame.domestic
lobbyists	frame.domestic
reform	frame.domestic
reforms	frame.domestic
pension	frame.domestic
pensions	frame.domestic
pension reform	frame.domestic
scandal	frame.domestic
scandals	frame.domestic
resignation	frame.domestic
resign	frame.domestic
resigned	frame.domestic
impeach	frame.domestic
impeachment	frame.domestic
Liberal Democratic Party	frame.domestic
LDP	frame.domestic	1	case	# Japan's Liberal Democratic Party
United Russia	frame.domestic
Congress	frame.domestic
congressional	frame.domestic
Senate	frame.domestic
senator	frame.domestic
senators	frame.domestic
Republican	frame.domestic
Republicans	frame.domestic
Democrat	frame.domestic
Democrats	frame.domestic	1	# the US party (capitalised in news)
midterm	frame.domestic
midterms	frame.domestic
backlash	frame.domestic
discontent	frame.domestic
grassroots	frame.domestic
activist	frame.domestic
activists	frame.domestic
campaign trail	frame.domestic
political capital	frame.domestic
approval	frame.domestic
ratings	frame.domestic

# ---- frame.identity
nationalism	frame.identity
nationalist	frame.identity
nationalists	frame.identity
nationalistic	frame.identity
ultranationalist	frame.identity
ultranationalists	frame.identity
patriotism	frame.identity
patriotic	frame.identity
patriot	frame.identity
patriots	frame.identity
national pride	frame.identity
pride	frame.identity
honor	frame.identity
honour	frame.identity
dignity	frame.identity
humiliation	frame.identity
national humiliation	frame.identity
identity	frame.identity
identities	frame.identity
national identity	frame.identity
homeland	frame.identity
motherland	frame.identity
fatherland	frame.identity
ancestral land	frame.identity
ancestral lands	frame.identity
sacred	frame.identity
native	frame.identity
natives	frame.identity
indigenous	frame.identity
Ainu	frame.identity
ethnic	frame.identity
ethnicity	frame.identity
culture	frame.identity
cultures	frame.identity
cultural	frame.identity
civilization	frame.identity
civilisation	frame.identity
civilizational	frame.identity
tradition	frame.identity
traditions	frame.identity
compatriot	frame.identity
compatriots	frame.identity
fellow citizens	frame.identity
diaspora	frame.identity
flag	frame.identity
flags	frame.identity
anthem	frame.identity
heritage	frame.identity
Western values	frame.identity
democratic values	frame.identity
traditional values	frame.identity
shared values	frame.identity
Asian values	frame.identity
Russian world	frame.identity
Russkiy mir	frame.identity
Eurasian	frame.identity
Eurasianism	frame.identity
emperor	frame.identity
imperial family	frame.identity
shrine	frame.identity
Yasukuni	frame.identity
xenophobia	frame.identity
xenophobic	frame.identity
racism	frame.identity
racist	frame.identity
isolationist	frame.identity
isolationism	frame.identity
America First	frame.identity
great-power	frame.identity
greatness	frame.identity
revival	frame.identity
rebirth	frame.identity
destiny	frame.identity
spirit	frame.identity
symbolic	frame.identity
symbolism	frame.identity
symbol	frame.identity
national interest	frame.identity
national character	frame.identity
soul	frame.identity
