# naming.lex - contested names: one referent, rival labels, and whose label each is.
# A report counts, per outlet, which label it uses for each referent; the
# side says whose vocabulary that is (side=neutral: used by wire services or
# by both sides). label= groups spellings of one label. Sides used here:
# japan, russia, ukraine, west, korea, china, taiwan, uk, argentina, neutral.
# A label names a vocabulary, not a stance: an outlet may quote or describe
# the other side's demand in its words ("return the islands to Japan" in a
# Russia-friendly text). Read the counts with the voice split (outlet vs quote).
# Single words such as occupied, seized, annexed, accession also occur in
# unrelated stories; these referents are meant for corpora about the dispute
# and each such entry says so.
@lexicon naming
@version 1.0
@language en
@source Written by the slant team from official usage (Japanese Ministry of Foreign Affairs, Russian Ministry of Foreign Affairs and TASS English style, Ukrainian government), wire-service style (AP, Reuters) and the five seed articles
@license MIT
@description Contested naming: alternative labels for the same referent and the side each belongs to
@category naming.kuril_islands Kuril Islands / Northern Territories
@category naming.island_names Names of the disputed islands
@category naming.island_control How control of the islands is described
@category naming.island_handover Handing the islands over / returning them
@category naming.world_war_ii Name of the Second World War
@category naming.crimea Annexation / reunification of Crimea
@category naming.ukraine_war Name of the war in Ukraine
@category naming.ukraine_2014 Name of the 2014 change of power in Kyiv
@category naming.kyiv Kyiv / Kiev
@category naming.donbas Donbas / Donbass
@category naming.sea_of_japan Sea of Japan / East Sea
@category naming.senkaku Senkaku / Diaoyu Islands
@category naming.dokdo Dokdo / Takeshima
