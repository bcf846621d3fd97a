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
