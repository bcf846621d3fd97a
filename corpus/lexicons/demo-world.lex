# demo-world.lex - the invented world of slant's demo corpus: the three
# countries (targets with their aliases) and the three contested referents
# (naming entries with the side each label belongs to). Layered after the
# shipped defaults by corpus/lexicons.set.
@lexicon demo-world
@version 1.0
@language en
@source slant demo corpus (invented world, written by the slant team)
@license same as slant
@description Targets and contested names of the fictional Valdoria-Kestria-Almara world
@category target.valdoria Valdoria
@category target.kestria Kestria
@category target.almara Almara
@category naming.islands The island chain
@category naming.1987 What happened in 1987
@category naming.deployment Kestria's military presence

# target.valdoria: country, demonym, capital, government, leaders
Valdoria	target.valdoria
Republic of Valdoria	target.valdoria
Valdorian	target.valdoria
Valdorians	target.valdoria
Merrow	target.valdoria	1	case	# capital; case-sensitive so it is never a common word
the Valdorian government	target.valdoria
Veles	target.valdoria	1	case
Anton Veles	target.valdoria
Korda	target.valdoria	1	case
Ilse Korda	target.valdoria

# target.kestria
Kestria	target.kestria
Kestrel Federation	target.kestria
Kestrian	target.kestria
Kestrians	target.kestria
Dunmar	target.kestria	1	case
Vask	target.kestria	1	case
Sorin Vask	target.kestria
Hale	target.kestria	1	case	# case: "hale" is also an adjective
Petra Hale	target.kestria

# target.almara
Almara	target.almara
Union of Almara	target.almara
Almaran	target.almara
Ambery	target.almara	1	case
Ruth Ambery	target.almara

# naming.islands: one chain, three labels
Serin Islands	naming.islands	1	side=valdoria label=Serin_Islands
Northern Shoals	naming.islands	1	side=kestria label=Northern_Shoals
disputed islands	naming.islands	1	side=neutral label=disputed_islands

# naming.1987: what Kestria did in 1987
occupation	naming.1987	1	side=valdoria label=occupation
occupied	naming.1987	1	side=valdoria label=occupation
reunification	naming.1987	1	side=kestria label=reunification
reunified	naming.1987	1	side=kestria label=reunification
took control	naming.1987	1	side=neutral label=took_control

# naming.deployment: Kestria's garrison and warships on the islands
militarization	naming.deployment	1	side=valdoria label=militarization
militarisation	naming.deployment	1	side=valdoria label=militarization
defensive deployment	naming.deployment	1	side=kestria label=defensive_deployment
deployment	naming.deployment	1	side=neutral label=deployment
