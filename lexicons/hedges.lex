# hedges.lex - hedges (the writer withholds full commitment) and boosters
# (the writer asserts certainty), after Hyland's metadiscourse categories.
# In news, hedges mark claims the outlet keeps at a distance (reportedly,
# allegedly, so-called) and boosters mark claims it endorses as settled
# (clearly, of course, correctly). All weights 1: a count, not a degree.
# Left out on purpose: would, can, should (too often non-epistemic); must
# and really (mostly deontic / an intensifier in news); about/around as
# approximators (mostly prepositions).
@lexicon hedges
@version 1.0
@language en
@source Written by the slant team after K. Hyland, Hedging in Scientific Research Articles (Benjamins, 1998) and Metadiscourse (Continuum, 2005), appendix list of hedges and boosters, adapted to news
@license MIT
@description Hedges (reportedly, allegedly, ostensibly, apparently ...) and boosters (clearly, undoubtedly, obviously ...)
@category hedge Hedge
@category booster Booster


# ---- hedge: epistemic distance
reportedly	hedge	1	# distances the outlet from the claim
allegedly	hedge
alleged	hedge	1	# adjective (the alleged poisoning), while the verb is in attribution.lex (alleged that)
ostensibly	hedge	1	# implies the stated purpose is not the real one
apparently	hedge
apparent	hedge
purportedly	hedge
purported	hedge
supposedly	hedge
seemingly	hedge
possibly	hedge
possible	hedge
possibility	hedge
perhaps	hedge
maybe	hedge
may	hedge	1	case	# lower case only: May is the month (a sentence-initial modal May is rare in news)
might	hedge
could	hedge	1	# epistemic could (there could be a resolution), past ability is a known false positive
appears to	hedge
appear to	hedge
appeared to	hedge
appears	hedge
it appears	hedge
seems to	hedge
seem to	hedge
seemed to	hedge
seems	hedge
it seems	hedge
suggests	hedge
suggesting	hedge	1	# inference (suggesting key differences exist)
suggestion	hedge
likely	hedge
unlikely	hedge	1	# a probability judgement (a swift deal was unlikely)
probably	hedge
probable	hedge
presumably	hedge
arguably	hedge
conceivably	hedge
potentially	hedge
unclear	hedge
uncertain	hedge
unconfirmed	hedge
unverified	hedge
unsubstantiated	hedge
so-called	hedge	1	# scare-quote distance from a label
rumored	hedge
rumoured	hedge
rumor	hedge
rumour	hedge
rumors	hedge
rumours	hedge
speculation	hedge
speculated	hedge
speculate	hedge
believed to	hedge
thought to	hedge
said to be	hedge
is believed	hedge
are believed	hedge
suspected	hedge
estimated	hedge
an estimated	hedge
approximately	hedge
roughly	hedge
largely	hedge
mostly	hedge
generally	hedge
typically	hedge
tend to	hedge
tends to	hedge
to some extent	hedge
in part	hedge
in theory	hedge
in principle	hedge
hinted	hedge	1	# indirect statement (hinted there could be a resolution)
hints	hedge
nominally	hedge
doubtful	hedge
if confirmed	hedge
according to some	hedge
it is thought	hedge
it is believed	hedge
in effect	hedge

# ---- booster: epistemic certainty
clearly	booster
clear	booster	1	# it is clear, made clear
undoubtedly	booster
obviously	booster
obvious	booster
certainly	booster
definitely	booster
indeed	booster
of course	booster
without doubt	booster
no doubt	booster
beyond doubt	booster
beyond question	booster
without question	booster
undeniably	booster
undeniable	booster
plainly	booster
surely	booster
in fact	booster
the fact is	booster
in reality	booster
the reality is	booster
evidently	booster
evident	booster
doubtless	booster
indisputably	booster
indisputable	booster
undisputed	booster
undisputedly	booster
unquestionably	booster
incontestably	booster
conclusively	booster
decidedly	booster	1	# also an intensifier (rules.lex): a different measure
actually	booster
truly	booster
patently	booster
manifestly	booster
needless to say	booster
make no mistake	booster
correctly	booster	1	# the outlet endorses a belief as right (correctly fear)
rightly	booster
inevitably	booster
inevitable	booster
it is obvious	booster
