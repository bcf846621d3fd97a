# attribution.lex - reporting verbs: neutral ("said") vs loaded ("claimed").
# A loaded reporting verb tells the reader what to think of a statement before
# reading it: that it is doubtful (claimed, alleged, purported), reluctant
# (admitted, conceded, acknowledged), stubborn (insisted, maintained), true
# (revealed, pointed out: factive verbs endorse what follows) or emotional
# (boasted, complained, lamented). Wire style books (AP, Reuters) advise
# "said" for this reason. Weight 1 = framing verb, 2 = openly emotive or
# discrediting. Inflected forms are listed, never wildcarded (claim* would
# catch "claimant"; state* "statement").
# Left out on purpose: "states", "state" (mostly the noun: United States,
# member states), bare "claim"/"claims" (mostly the noun in territorial news:
# rival claims) and bare "alleged" (mostly the adjective: see hedges.lex);
# their verb uses are caught by "claims that", "alleged that" etc. Likewise
# the bare nouns report, note, comment, stress, remark are left out.
# Borderline decisions are noted on the entry (argued, warned, noted).
@lexicon attribution
@version 1.0
@language en
@source Written by the slant team after news style guidance on reporting verbs (AP Stylebook "said"), Recasens, Danescu-Niculescu-Mizil and Jurafsky (2013) on factive and assertive verbs as epistemological bias, and Bell (1991), The Language of News Media, on attribution
@license MIT
@description Verbs and phrases of attribution, neutral vs loaded
@category attrib.neutral Neutral attribution
@category attrib.loaded Loaded attribution


# ---- attrib.neutral
say	attrib.neutral
says	attrib.neutral
said	attrib.neutral
saying	attrib.neutral
tell	attrib.neutral
tells	attrib.neutral
told	attrib.neutral
telling	attrib.neutral
stated	attrib.neutral
stating	attrib.neutral
add	attrib.neutral
adds	attrib.neutral
added	attrib.neutral
adding	attrib.neutral
notes that	attrib.neutral
noted	attrib.neutral	1	# factive but conventional wire usage
noting	attrib.neutral
explain	attrib.neutral
explains	attrib.neutral
explained	attrib.neutral
explaining	attrib.neutral
reports that	attrib.neutral
reported	attrib.neutral
reporting	attrib.neutral
announce	attrib.neutral
announces	attrib.neutral
announced	attrib.neutral
announcing	attrib.neutral
according to	attrib.neutral
confirm	attrib.neutral
confirms	attrib.neutral
confirmed	attrib.neutral
confirming	attrib.neutral
reply	attrib.neutral
replies	attrib.neutral
replied	attrib.neutral
respond	attrib.neutral
responds	attrib.neutral
responded	attrib.neutral
answered	attrib.neutral
write	attrib.neutral
writes	attrib.neutral
wrote	attrib.neutral
comments that	attrib.neutral
commented	attrib.neutral
remarked	attrib.neutral
observed	attrib.neutral
mention	attrib.neutral
mentioned	attrib.neutral
indicate	attrib.neutral
indicates	attrib.neutral
indicated	attrib.neutral
indicating	attrib.neutral
stresses	attrib.neutral
stressed	attrib.neutral	1	# emphasis, a routine verb for official statements
stressing	attrib.neutral
emphasize	attrib.neutral
emphasized	attrib.neutral
emphasise	attrib.neutral
emphasised	attrib.neutral
underlined	attrib.neutral
reiterate	attrib.neutral
reiterated	attrib.neutral
reiterates	attrib.neutral
recalled	attrib.neutral
ask	attrib.neutral
asks	attrib.neutral
asked	attrib.neutral
asking	attrib.neutral
describe	attrib.neutral
describes	attrib.neutral
described	attrib.neutral
declare	attrib.neutral
declares	attrib.neutral
declared	attrib.neutral
suggested	attrib.neutral	1	# proposed, in the sense of a plan (Japan has suggested joint activities)
propose	attrib.neutral
proposes	attrib.neutral
proposed	attrib.neutral
urge	attrib.neutral
urges	attrib.neutral
urged	attrib.neutral
urging	attrib.neutral
called for	attrib.neutral
calls for	attrib.neutral
pledged	attrib.neutral
promised	attrib.neutral
predicted	attrib.neutral
estimated	attrib.neutral
argue	attrib.neutral
argues	attrib.neutral
argued	attrib.neutral	1	# presents reasoning without judging it: the standard verb for analysts (Japanese experts argue)
arguing	attrib.neutral
believes	attrib.neutral
believed	attrib.neutral
thinks	attrib.neutral
quoted as saying	attrib.neutral
cited	attrib.neutral
disclosed	attrib.neutral
briefed	attrib.neutral
testified	attrib.neutral

# ---- attrib.loaded
claimed	attrib.loaded	2	# casts doubt on the statement
claiming	attrib.loaded	2
claims that	attrib.loaded	2	# the verb, not the noun of territorial claims
claim that	attrib.loaded	2
alleged that	attrib.loaded	2	# the verb (the adjective alleged is a hedge)
alleges	attrib.loaded	2
alleging	attrib.loaded	2
purported	attrib.loaded	2
purports	attrib.loaded	2
insisted	attrib.loaded	1	# implies others doubt it
insists	attrib.loaded	1
insisting	attrib.loaded	1
maintained	attrib.loaded	1	# implies the point is contested
maintains	attrib.loaded	1
maintaining	attrib.loaded	1
contended	attrib.loaded	1
contends	attrib.loaded	1
asserted	attrib.loaded	1
asserts	attrib.loaded	1
asserting	attrib.loaded	1
admitted	attrib.loaded	1	# implies a fault or reluctant truth
admits	attrib.loaded	1
admitting	attrib.loaded	1
conceded	attrib.loaded	1	# implies reluctant agreement
concedes	attrib.loaded	1
conceding	attrib.loaded	1
confessed	attrib.loaded	1
confesses	attrib.loaded	1
acknowledged	attrib.loaded	1	# factive and reluctant
acknowledges	attrib.loaded	1
acknowledging	attrib.loaded	1
boasted	attrib.loaded	2	# presents the statement as vanity
boasts	attrib.loaded	2
boasting	attrib.loaded	2
bragged	attrib.loaded	2
brags	attrib.loaded	2
touted	attrib.loaded	1
touts	attrib.loaded	1
trumpeted	attrib.loaded	2
gushed	attrib.loaded	2
denied	attrib.loaded	1	# frames the statement as a response to an accusation
denies	attrib.loaded	1
denying	attrib.loaded	1
dismissed	attrib.loaded	1
dismisses	attrib.loaded	1
complained	attrib.loaded	1	# presents the speaker as aggrieved
complains	attrib.loaded	1
complaining	attrib.loaded	1
lamented	attrib.loaded	1
laments	attrib.loaded	1
lamenting	attrib.loaded	1
grumbled	attrib.loaded	2
whined	attrib.loaded	2
fumed	attrib.loaded	2
ranted	attrib.loaded	2
scoffed	attrib.loaded	2
sneered	attrib.loaded	2
quipped	attrib.loaded	1
retorted	attrib.loaded	1
shot back	attrib.loaded	1
hit back	attrib.loaded	1
snapped	attrib.loaded	2
warned	attrib.loaded	1	# presents the speaker's prediction as a danger or threat (also act.hostile in acts.lex)
warns	attrib.loaded	1
warning that	attrib.loaded	1
vowed	attrib.loaded	1	# dramatises a commitment (pledged is the neutral form)
vows	attrib.loaded	1
vowing	attrib.loaded	1
demanded	attrib.loaded	1	# casts a request as a demand
demands that	attrib.loaded	1
revealed	attrib.loaded	1	# factive and dramatising: the outlet vouches for the content
reveals	attrib.loaded	1
exposed	attrib.loaded	2
pointed out	attrib.loaded	1	# factive: the outlet endorses what follows
points out	attrib.loaded	1
reminded	attrib.loaded	1	# factive and condescending (reminded Tokyo that)
reminds	attrib.loaded	1
speculated	attrib.loaded	1
surmised	attrib.loaded	1
professed	attrib.loaded	1
pretended	attrib.loaded	2
proclaimed	attrib.loaded	1
hinted	attrib.loaded	1	# indirect, the outlet infers
