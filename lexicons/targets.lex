# targets.lex - actors whose mentions get a stance, with their aliases.
#
# One target per state, plus the few international bodies, think tanks and
# companies that the seed articles name as acting. Policy decisions:
# - A country target includes its government, capital (as metonym: "Moscow
#   said"), state institutions, and its leaders past and present, and its
#   demonym ("Japanese officials"): a report wants the stance toward Russia,
#   and leaders are how news names a state. Split a leader out by moving his
#   aliases to a new target.* category (see README.md).
# - The Soviet Union is its own target: the seeds blame "the Soviet Union"
#   or "Soviet forces" for the 1945 seizure while Russia-friendly texts say
#   "Russia gained control"; merging the two would hide that choice.
# - Wildcards (Russia*) catch possessives, demonyms and hyphenated compounds
#   the tokenizer keeps as one token (Russia's, Russian-Chinese, Moscow-Beijing);
#   a compound naming two countries counts for the first only.
# - `case` where the folded form is an ordinary English word: US (us),
#   Abe (abe-), Xi, Trump (trump card), Seko, "the West" (the west of).
#   Ambiguous short names (Kim, Park, Moon, Li, Lee) appear only in full.
# - Institutions whose names contain a country or capital (Carnegie Moscow
#   Center, Japan Forum for Strategic Studies) get their own target so that
#   they do not count as that country; universities and news agencies that
#   appear only as affiliations or sources are not actors and are left out.
@lexicon targets
@version 1.0
@language en
@source Written by the slant team from the five seed articles (Japan-Russia Kuril dispute, 2016-2019) and general knowledge of the actors
@license MIT
@description Targets (countries, blocs, leaders, institutions) with aliases, for stance toward named actors

@category target.russia Russia
@category target.soviet_union Soviet Union (historical)
@category target.japan Japan
@category target.united_states United States
@category target.china China
@category target.north_korea North Korea
@category target.south_korea South Korea
@category target.ukraine Ukraine
@category target.west The West
@category target.europe Europe and the EU
@category target.united_kingdom United Kingdom
@category target.india India
@category target.vietnam Vietnam
@category target.taiwan Taiwan
@category target.syria Syria
@category target.g7 G7
@category target.g20 G20
@category target.nato NATO
@category target.united_nations United Nations
@category target.csis CSIS (think tank)
@category target.carnegie_moscow_center Carnegie Moscow Center (think tank)
@category target.japan_forum_strategic_studies Japan Forum for Strategic Studies (think tank)
@category target.novatek Novatek (company)
@category target.mitsubishi Mitsubishi (company)
@category target.marubeni Marubeni (company)

# ---- Russia
Russia	target.russia
Russia*	target.russia	1	# possessive, Russian(s), Russian-Japanese ...
Russian Federation	target.russia
Moscow	target.russia
Moscow*	target.russia	1	# Moscow's, Moscow-Beijing
Kremlin	target.russia
Kremlin*	target.russia	1	# Kremlin's
Putin	target.russia
Putin*	target.russia	1	# Putin's
Vladimir Putin	target.russia
Lavrov	target.russia
Lavrov's	target.russia
Sergei Lavrov	target.russia
Sergey Lavrov	target.russia
Peskov	target.russia
Peskov's	target.russia
Dmitry Peskov	target.russia
Patrushev	target.russia
Patrushev's	target.russia
Nikolai Patrushev	target.russia
Nikolay Patrushev	target.russia
Medvedev	target.russia
Medvedev's	target.russia
Dmitry Medvedev	target.russia
Shoigu	target.russia
Sergei Shoigu	target.russia
Zakharova	target.russia
Maria Zakharova	target.russia
Mishustin	target.russia
Mikhail Mishustin	target.russia
Yeltsin	target.russia
Yeltsin's	target.russia
Boris Yeltsin	target.russia	1	# president of Russia 1991-99: Russia, not the USSR
State Duma	target.russia
Duma	target.russia
Russian Direct Investment Fund	target.russia	1	# state sovereign fund: a state institution
Rosneft	target.russia	1	# state-controlled oil company
Gazprom	target.russia	1	# state-controlled gas company

# ---- Soviet Union (historical)
Soviet Union	target.soviet_union
Soviet Union's	target.soviet_union
Soviet	target.soviet_union	1	# Soviet forces, the Soviet government
Soviets	target.soviet_union
USSR	target.soviet_union
USSR's	target.soviet_union
U.S.S.R.	target.soviet_union
Stalin	target.soviet_union
Stalin's	target.soviet_union
Joseph Stalin	target.soviet_union
Khrushchev	target.soviet_union
Nikita Khrushchev	target.soviet_union
Brezhnev	target.soviet_union
Gorbachev	target.soviet_union
Gorbachev's	target.soviet_union
Mikhail Gorbachev	target.soviet_union

# ---- Japan
Japan	target.japan
Japan*	target.japan	1	# Japan's, Japanese, Japan-Russia ...
Tokyo	target.japan
Tokyo*	target.japan	1	# Tokyo's
Abe	target.japan	1	case	# only the capitalised name (Abe), not a stray lower-case abe
Abe's	target.japan	1	case
Shinzo Abe	target.japan
Shinzo Abe's	target.japan
Kishida	target.japan
Kishida's	target.japan
Fumio Kishida	target.japan
Suga	target.japan	1	case
Yoshihide Suga	target.japan
Ishiba	target.japan
Shigeru Ishiba	target.japan
Takaichi	target.japan
Sanae Takaichi	target.japan
Taro Kono	target.japan
Motegi	target.japan
Toshimitsu Motegi	target.japan
Nobuo Kishi	target.japan
Seko	target.japan	1	case
Hiroshige Seko	target.japan
Yachi	target.japan
Shotaro Yachi	target.japan
Self-Defense Forces	target.japan
Self Defense Forces	target.japan
SDF	target.japan	1	case
Japan Bank for International Cooperation	target.japan	1	# state policy bank: a state institution
JBIC	target.japan	1	case

# ---- United States
United States	target.united_states
United States'	target.united_states
United States's	target.united_states
U.S.	target.united_states
U.S.'s	target.united_states
US	target.united_states	1	case	# not the pronoun us
US's	target.united_states	1	case
USA	target.united_states
U.S.A.	target.united_states
America	target.united_states
America's	target.united_states
American	target.united_states
Americans	target.united_states
Washington	target.united_states	1	# the capital as metonym for the government
Washington's	target.united_states
White House	target.united_states
Pentagon	target.united_states
Pentagon's	target.united_states
State Department	target.united_states
Department of State	target.united_states
Defense Department	target.united_states
Department of Defense	target.united_states
Trump	target.united_states	1	case	# not trump (card, to outdo)
Trump's	target.united_states	1	case
Donald Trump	target.united_states
Donald Trump's	target.united_states
Obama	target.united_states
Obama's	target.united_states
Barack Obama	target.united_states
Biden	target.united_states
Biden's	target.united_states
Joe Biden	target.united_states
Pompeo	target.united_states
Mike Pompeo	target.united_states
Tillerson	target.united_states
Rex Tillerson	target.united_states
John Kerry	target.united_states
Blinken	target.united_states
Antony Blinken	target.united_states
John Bolton	target.united_states
Hillary Clinton	target.united_states
Bill Clinton	target.united_states

# ---- China
China	target.china
China*	target.china	1	# China's, China-Russia
Chinese	target.china
PRC	target.china	1	case
People's Republic of China	target.china
Beijing	target.china
Beijing*	target.china	1	# Beijing's
Xi	target.china	1	case	# not the Greek letter xi in lower case
Xi's	target.china	1	case
Xi Jinping	target.china
Xi Jinping's	target.china
Li Keqiang	target.china
Li Qiang	target.china
Wang Yi	target.china
Chinese Communist Party	target.china
Communist Party of China	target.china
CCP	target.china	1	case
CPC	target.china	1	case
People's Liberation Army	target.china
PLA	target.china	1	case
Zhongnanhai	target.china

# ---- North Korea
North Korea	target.north_korea
North Korea's	target.north_korea
North Korean	target.north_korea
North Koreans	target.north_korea
DPRK	target.north_korea
Democratic People's Republic of Korea	target.north_korea
Pyongyang	target.north_korea
Pyongyang's	target.north_korea
Kim Jong-un	target.north_korea
Kim Jong-un's	target.north_korea
Kim Jong Un	target.north_korea
Kim Jong Un's	target.north_korea
Kim Jong-il	target.north_korea
Kim Il-sung	target.north_korea
Kim Yo-jong	target.north_korea

# ---- South Korea
South Korea	target.south_korea
South Korea's	target.south_korea
South Korean	target.south_korea
South Koreans	target.south_korea
Republic of Korea	target.south_korea
ROK	target.south_korea	1	case
Seoul	target.south_korea
Seoul's	target.south_korea
Park Geun-hye	target.south_korea
Park Geun-hye's	target.south_korea
Moon Jae-in	target.south_korea
Moon Jae-in's	target.south_korea
Yoon Suk-yeol	target.south_korea
Yoon Suk Yeol	target.south_korea
Lee Jae-myung	target.south_korea
Blue House	target.south_korea

# ---- Ukraine
Ukraine	target.ukraine
Ukrain*	target.ukraine	1	# Ukraine's, Ukrainian(s)
Kyiv	target.ukraine
Kyiv's	target.ukraine
Kiev	target.ukraine
Kiev's	target.ukraine
Zelensky	target.ukraine
Zelenskyy	target.ukraine
Zelensky's	target.ukraine
Volodymyr Zelensky	target.ukraine
Poroshenko	target.ukraine
Petro Poroshenko	target.ukraine
Yanukovych	target.ukraine
Viktor Yanukovych	target.ukraine

# ---- The West
the West	target.west	1	case	# capitalised: the bloc, not a direction
The West	target.west	1	case
the West's	target.west	1	case
Western	target.west	1	case	# Western sanctions; lower-case western is geographic
Westerners	target.west
Western countries	target.west	1	case
Western powers	target.west	1	case

# ---- Europe and the EU
Europe	target.europe
Europe's	target.europe
European	target.europe
Europeans	target.europe
European Union	target.europe
European Union's	target.europe
EU	target.europe	1	case
EU's	target.europe	1	case
E.U.	target.europe
Brussels	target.europe	1	# the seat of EU institutions, as Washington for the US
European Commission	target.europe
European Council	target.europe

# ---- United Kingdom
United Kingdom	target.united_kingdom
U.K.	target.united_kingdom
UK	target.united_kingdom	1	case
Britain	target.united_kingdom
Britain's	target.united_kingdom
British	target.united_kingdom
Britons	target.united_kingdom
London	target.united_kingdom	1	# capital as metonym; also a place
Downing Street	target.united_kingdom
Whitehall	target.united_kingdom

# ---- India
India	target.india
India's	target.india
Indian	target.india	1	# also Indian Ocean: a known false mention
Indians	target.india
New Delhi	target.india
Modi	target.india
Modi's	target.india
Narendra Modi	target.india

# ---- Vietnam
Vietnam	target.vietnam
Vietnam's	target.vietnam
Viet Nam	target.vietnam
Vietnamese	target.vietnam
Hanoi	target.vietnam

# ---- Taiwan
Taiwan	target.taiwan
Taiwan's	target.taiwan
Taiwanese	target.taiwan
Taipei	target.taiwan
Tsai Ing-wen	target.taiwan
Lai Ching-te	target.taiwan

# ---- Syria
Syria	target.syria
Syria's	target.syria
Syrian	target.syria
Syrians	target.syria
Damascus	target.syria
Assad	target.syria
Assad's	target.syria
Bashar al-Assad	target.syria

# ---- G7
G7	target.g7
G-7	target.g7
Group of Seven	target.g7
G8	target.g7	1	# Group of Eight, the G7 with Russia until 2014
G-8	target.g7
Group of Eight	target.g7

# ---- G20
G20	target.g20
G-20	target.g20
Group of 20	target.g20
Group of Twenty	target.g20

# ---- NATO
NATO	target.nato
NATO's	target.nato
North Atlantic Treaty Organization	target.nato
Atlantic alliance	target.nato

# ---- United Nations
United Nations	target.united_nations
UN	target.united_nations	1	case	# not lower-case un (French un, typos)
U.N.	target.united_nations
UN Security Council	target.united_nations	1	case
U.N. Security Council	target.united_nations
UNSC	target.united_nations	1	case

# ---- CSIS (think tank)
Center for Strategic and International Studies	target.csis
CSIS	target.csis

# ---- Carnegie Moscow Center (think tank)
Carnegie Moscow Center	target.carnegie_moscow_center	1	# not a mention of Moscow
Carnegie Moscow Centre	target.carnegie_moscow_center
Carnegie Endowment	target.carnegie_moscow_center
Carnegie Endowment for International Peace	target.carnegie_moscow_center
Russia in Asia-Pacific Program	target.carnegie_moscow_center	1	# a programme of the Carnegie Moscow Center

# ---- Japan Forum for Strategic Studies (think tank)
Japan Forum for Strategic Studies	target.japan_forum_strategic_studies	1	# not a mention of Japan

# ---- Novatek (company)
Novatek	target.novatek
Novatek's	target.novatek

# ---- Mitsubishi (company)
Mitsubishi	target.mitsubishi
Mitsubishi's	target.mitsubishi

# ---- Marubeni (company)
Marubeni	target.marubeni
Marubeni's	target.marubeni
