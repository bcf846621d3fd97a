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
@category naming.falklands Falklands / Malvinas


# ---- naming.kuril_islands
Kuril Islands	naming.kuril_islands	1	side=neutral label=kuril_islands	# the international geographic name of the chain (also Russia's administrative name), used by wire services
Kurile Islands	naming.kuril_islands	1	side=neutral label=kuril_islands
Kurils	naming.kuril_islands	1	side=neutral label=kuril_islands
Kuriles	naming.kuril_islands	1	side=neutral label=kuril_islands
Kuril chain	naming.kuril_islands	1	side=neutral label=kuril_islands
Kuril island chain	naming.kuril_islands	1	side=neutral label=kuril_islands
Kuril archipelago	naming.kuril_islands	1	side=neutral label=kuril_islands
Northern Territories	naming.kuril_islands	1	side=japan label=northern_territories	# Japan's official name for the four southern islands
Hoppo Ryodo	naming.kuril_islands	1	side=japan label=northern_territories	# Japanese for Northern Territories
four northern islands	naming.kuril_islands	1	side=japan label=northern_territories	# Japanese government phrasing
Chishima	naming.kuril_islands	1	side=japan label=chishima	# the Japanese name of the Kuril chain
Chishima Islands	naming.kuril_islands	1	side=japan label=chishima
Southern Kurils	naming.kuril_islands	1	case side=russia label=southern_kurils	# Russia's name for the disputed islands (Yuzhnye Kurily), capitalised as a proper name
South Kurils	naming.kuril_islands	1	case side=russia label=southern_kurils
Southern Kuril Islands	naming.kuril_islands	1	case side=russia label=southern_kurils
South Kuril Islands	naming.kuril_islands	1	case side=russia label=southern_kurils
southern Kuril Islands	naming.kuril_islands	1	side=neutral label=southern_kuril_islands	# lower-case southern: an English description (VOA), not the Russian proper name
southern Kurils	naming.kuril_islands	1	side=neutral label=southern_kuril_islands
disputed islands	naming.kuril_islands	1	side=neutral label=disputed_islands	# names the islands by the dispute, taking no side
disputed territories	naming.kuril_islands	1	side=neutral label=disputed_islands
disputed territory	naming.kuril_islands	1	side=neutral label=disputed_islands
Lesser Kuril Chain	naming.kuril_islands	1	side=russia label=lesser_kurils	# Russia's name for the Habomai group and Shikotan
Lesser Kurils	naming.kuril_islands	1	side=russia label=lesser_kurils
Lesser Kuril Ridge	naming.kuril_islands	1	side=russia label=lesser_kurils

# ---- naming.island_names
Etorofu	naming.island_names	1	side=japan label=etorofu	# Japanese name of the largest disputed island
Iturup	naming.island_names	1	side=russia label=iturup	# Russian name of Etorofu
Kunashiri	naming.island_names	1	side=japan label=kunashiri	# Japanese name
Kunashir	naming.island_names	1	side=russia label=kunashir	# Russian name of Kunashiri
Shikotan	naming.island_names	1	side=neutral label=shikotan	# the same name on both sides
Habomai	naming.island_names	1	side=neutral label=habomai	# Japanese name, also used in Russian (Khabomai); Russia's own term for the group is in kuril_islands (Lesser Kuril Chain)
Habomai islets	naming.island_names	1	side=neutral label=habomai
Habomai Islands	naming.island_names	1	side=neutral label=habomai
Khabomai	naming.island_names	1	side=russia label=khabomai	# Russian transliteration

# ---- naming.island_control
occupied	naming.island_control	1	side=japan label=occupied	# Japan's word: held against the owner's will (also occurs in unrelated stories)
occupation	naming.island_control	1	side=japan label=occupied
occupied by the Soviet Union	naming.island_control	1	side=japan label=occupied
Soviet occupation	naming.island_control	1	side=japan label=occupied
illegally occupied	naming.island_control	1	side=japan label=illegal_occupation	# Japan's official formula
illegal occupation	naming.island_control	1	side=japan label=illegal_occupation
seized	naming.island_control	1	side=japan label=seized	# taken by force (also occurs in unrelated stories)
seizure	naming.island_control	1	side=japan label=seized
seized by Soviet forces	naming.island_control	1	side=japan label=seized
gained control	naming.island_control	1	side=russia label=gained_control	# a neutral-sounding account of the 1945 transfer, common in Russia-friendly texts
took control	naming.island_control	1	side=neutral label=took_control	# plain description
taken control	naming.island_control	1	side=neutral label=took_control
liberated	naming.island_control	1	side=russia label=liberated	# the Soviet/Russian narrative of 1945 (also occurs in unrelated stories)
liberation	naming.island_control	1	side=russia label=liberated
liberation of the Kurils	naming.island_control	1	side=russia label=liberated
became part of the Soviet Union	naming.island_control	1	side=russia label=became_part	# Russia's legal formula: the islands lawfully became Soviet
became part of the USSR	naming.island_control	1	side=russia label=became_part
became part of Russia	naming.island_control	1	side=russia label=became_part
as a result of the Second World War	naming.island_control	1	side=russia label=result_of_war	# Russia's legal formula (the islands passed to the USSR as a result of the war)
as a result of World War II	naming.island_control	1	side=russia label=result_of_war
as an outcome of the Second World War	naming.island_control	1	side=russia label=result_of_war	# reason: the same legal formula in other words (Valdai: Russia's claim to the islands as an outcome of the Second World War)
as an outcome of World War II	naming.island_control	1	side=russia label=result_of_war
returned to Russia	naming.island_control	1	side=russia label=returned	# frames the islands as Russian land restored
returned to the Soviet Union	naming.island_control	1	side=russia label=returned
under Russian control	naming.island_control	1	side=neutral label=under_control	# describes present control without judging its legitimacy
under the control of Russia	naming.island_control	1	side=neutral label=under_control
under Soviet control	naming.island_control	1	side=neutral label=under_control
Russian-controlled	naming.island_control	1	side=neutral label=under_control
Russian-held	naming.island_control	1	side=neutral label=under_control
Russian-administered	naming.island_control	1	side=neutral label=under_control
administered by Russia	naming.island_control	1	side=neutral label=under_control

# ---- naming.island_handover
return of the islands	naming.island_handover	1	side=japan label=return	# return: the islands are Japan's
return the islands	naming.island_handover	1	side=japan label=return
returning the islands	naming.island_handover	1	side=japan label=return
return of the Northern Territories	naming.island_handover	1	side=japan label=return
give back	naming.island_handover	1	side=japan label=return	# giving back: the islands belong to Japan
giving back	naming.island_handover	1	side=japan label=return
gave back	naming.island_handover	1	side=japan label=return
hand over	naming.island_handover	1	side=russia label=hand_over	# hand over: Russian territory would be given away
handing over	naming.island_handover	1	side=russia label=hand_over
hand the islands over	naming.island_handover	1	side=russia label=hand_over
handed over	naming.island_handover	1	side=russia label=hand_over
transfer of the islands	naming.island_handover	1	side=russia label=transfer	# transfer: a change of Russian territory (the 1956 declaration's word)
transfer the islands	naming.island_handover	1	side=russia label=transfer
cede	naming.island_handover	1	side=russia label=cede	# cede: giving up one's own territory
ceding	naming.island_handover	1	side=russia label=cede
ceded	naming.island_handover	1	side=russia label=cede

# ---- naming.world_war_ii
World War II	naming.world_war_ii	1	side=neutral label=world_war_ii	# the common English name
World War Two	naming.world_war_ii	1	side=neutral label=world_war_ii
WWII	naming.world_war_ii	1	side=neutral label=world_war_ii
WW2	naming.world_war_ii	1	side=neutral label=world_war_ii
Second World War	naming.world_war_ii	1	side=neutral label=second_world_war	# British and Russian-English usage; neutral
Great Patriotic War	naming.world_war_ii	1	side=russia label=great_patriotic_war	# the Soviet and Russian name (the war with Germany, 1941-45)
Pacific War	naming.world_war_ii	1	side=japan label=pacific_war	# Japan's usual name for its war of 1941-45
Greater East Asia War	naming.world_war_ii	1	side=japan label=greater_east_asia_war	# the wartime Japanese name, now used by nationalists
Asia-Pacific War	naming.world_war_ii	1	side=neutral label=asia_pacific_war	# historians' name
War of Resistance Against Japanese Aggression	naming.world_war_ii	1	side=china label=war_of_resistance	# China's name
Anti-Japanese War	naming.world_war_ii	1	side=china label=war_of_resistance

# ---- naming.crimea
annexation	naming.crimea	1	side=west label=annexation	# the Western and Ukrainian word for Russia's taking of Crimea (also used of other annexations)
annexed	naming.crimea	1	side=west label=annexation
annexation of Crimea	naming.crimea	1	side=west label=annexation
annexed Crimea	naming.crimea	1	side=west label=annexation
Crimea annexation	naming.crimea	1	side=west label=annexation
illegal annexation	naming.crimea	1	side=west label=illegal_annexation	# the formula of Ukraine, the EU and the UN General Assembly resolution 68/262
illegally annexed	naming.crimea	1	side=west label=illegal_annexation
occupied Crimea	naming.crimea	1	side=ukraine label=occupation	# Ukraine's term
occupation of Crimea	naming.crimea	1	side=ukraine label=occupation
temporarily occupied	naming.crimea	1	side=ukraine label=occupation	# Ukraine's legal term
reunification	naming.crimea	1	side=russia label=reunification	# Russia's word: Crimea rejoined Russia
reunification with Crimea	naming.crimea	1	side=russia label=reunification
reunification of Crimea	naming.crimea	1	side=russia label=reunification
reunified	naming.crimea	1	side=russia label=reunification
reunited with Russia	naming.crimea	1	side=russia label=reunification
accession of Crimea	naming.crimea	1	side=russia label=accession	# Russia's legal term (vkhozhdenie)
Crimea's accession	naming.crimea	1	side=russia label=accession
accession	naming.crimea	1	side=russia label=accession	# only in a Crimea corpus: accession to the WTO or EU is unrelated
return of Crimea	naming.crimea	1	side=russia label=return_of_crimea	# Crimea returned home: Russian narrative
Crimean Spring	naming.crimea	1	side=russia label=crimean_spring	# Russian celebratory name
incorporation of Crimea	naming.crimea	1	side=neutral label=incorporation	# academic description

# ---- naming.ukraine_war
special military operation	naming.ukraine_war	1	side=russia label=special_military_operation	# Russia's official name
SMO	naming.ukraine_war	1	case side=russia label=special_military_operation
full-scale invasion	naming.ukraine_war	1	side=west label=invasion	# the Western and Ukrainian description
invasion of Ukraine	naming.ukraine_war	1	side=west label=invasion
Russian invasion	naming.ukraine_war	1	side=west label=invasion
war of aggression	naming.ukraine_war	1	side=west label=aggression	# the UN General Assembly and Ukrainian formula
Russian aggression	naming.ukraine_war	1	side=west label=aggression
war in Ukraine	naming.ukraine_war	1	side=neutral label=war_in_ukraine	# plain description
Russia-Ukraine war	naming.ukraine_war	1	side=neutral label=war_in_ukraine
Ukraine crisis	naming.ukraine_war	1	side=neutral label=ukraine_crisis	# a euphemistic but common name for the 2014 events
Ukrainian crisis	naming.ukraine_war	1	side=neutral label=ukraine_crisis
civil war in Ukraine	naming.ukraine_war	1	side=russia label=civil_war	# the Russian framing of the Donbas war as internal
Ukrainian civil war	naming.ukraine_war	1	side=russia label=civil_war

# ---- naming.ukraine_2014
Revolution of Dignity	naming.ukraine_2014	1	side=ukraine label=revolution_of_dignity	# Ukraine's name
Euromaidan	naming.ukraine_2014	1	side=neutral label=maidan	# the protest movement's name
Maidan	naming.ukraine_2014	1	side=neutral label=maidan
Kiev coup	naming.ukraine_2014	1	side=russia label=coup	# Russia's name
coup in Kiev	naming.ukraine_2014	1	side=russia label=coup
Maidan coup	naming.ukraine_2014	1	side=russia label=coup
coup d'etat in Kiev	naming.ukraine_2014	1	side=russia label=coup

# ---- naming.kyiv
Kyiv	naming.kyiv	1	side=ukraine label=kyiv	# the Ukrainian transliteration, adopted by AP in 2019
Kiev	naming.kyiv	1	side=russia label=kiev	# the Russian-derived spelling, standard in English before 2019: date matters

# ---- naming.donbas
Donbas	naming.donbas	1	side=ukraine label=donbas	# the Ukrainian transliteration
Donbass	naming.donbas	1	side=russia label=donbass	# the Russian transliteration

# ---- naming.sea_of_japan
Sea of Japan	naming.sea_of_japan	1	side=japan label=sea_of_japan	# the internationally charted name, used by Japan
East Sea	naming.sea_of_japan	1	side=korea label=east_sea	# the Korean name

# ---- naming.senkaku
Senkaku Islands	naming.senkaku	1	side=japan label=senkaku	# Japan's name
Senkakus	naming.senkaku	1	side=japan label=senkaku
Diaoyu Islands	naming.senkaku	1	side=china label=diaoyu	# China's name
Diaoyu	naming.senkaku	1	side=china label=diaoyu
Diaoyutai	naming.senkaku	1	side=taiwan label=diaoyutai	# Taiwan's name
Pinnacle Islands	naming.senkaku	1	side=neutral label=pinnacle_islands	# the English chart name

# ---- naming.dokdo
Dokdo	naming.dokdo	1	side=korea label=dokdo	# Korea's name
Takeshima	naming.dokdo	1	side=japan label=takeshima	# Japan's name
Liancourt Rocks	naming.dokdo	1	side=neutral label=liancourt_rocks	# the neutral chart name

# ---- naming.falklands
Falkland Islands	naming.falklands	1	side=uk label=falklands	# the British name
Falklands	naming.falklands	1	side=uk label=falklands
Malvinas	naming.falklands	1	side=argentina label=malvinas	# Argentina's name
Islas Malvinas	naming.falklands	1	side=argentina label=malvinas
