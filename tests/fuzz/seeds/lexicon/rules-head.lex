# rules.lex - the words slant's tone and stance rules react to.
# No rule word is hard-coded in C: the scorer finds these categories by name.
# Weights: rule.intensifier / rule.diminisher = the amount added to / taken
# from the absolute valence (VADER units) of a following tone word (VADER's
# B_INCR / B_DECR, 0.293); rule.negator records VADER's N_SCALAR (-0.74),
# which score.c applies as a constant; rule.least entries with weight <= 0
# are exemptions ("at least"); the other categories carry weight 1 (a marker).
@lexicon rules
@version 1.0
@language en
@source Negation and booster word lists of VADER 3.3.2 (C.J. Hutto and E. Gilbert, "VADER: A Parsimonious Rule-based Model for Sentiment Analysis of Social Media Text", ICWSM 2014, MIT licence, see LICENSE-vader.txt); contrast, passive, agent and clause words by the slant team
@license MIT (VADER word lists: Copyright (c) 2016 C.J. Hutto, see LICENSE-vader.txt)
@description Negators, intensifiers, diminishers, contrast, "least", passive auxiliaries, the passive agent "by", and clause boundaries
@category rule.negator Negator
@category rule.intensifier Intensifier
@category rule.diminisher Diminisher
@category rule.contrast Contrast
@category rule.least Least
@category rule.passive_aux Passive auxiliary
@category rule.agent Passive agent
@category rule.clause_break Clause break

# ---- rule.negator: VADER's NEGATE list, as whole tokens (the tokenizer keeps
# don't as one token; apostrophe-less forms are common in social text).
# VADER also lists "despite"; left out: it concedes, it does not negate
# ("despite the good talks" is not "not good").
not	rule.negator	-0.74
no	rule.negator	-0.74	# VADER: also a tone word (-0.3); as a determiner it negates what follows
never	rule.negator	-0.74
none	rule.negator	-0.74
nothing	rule.negator	-0.74
nobody	rule.negator	-0.74	# not in VADER's list; negates like nothing/none ("nobody trusts")
nowhere	rule.negator	-0.74
neither	rule.negator	-0.74
nor	rule.negator	-0.74
without	rule.negator	-0.74	# "without any significant breakthrough": the breakthrough is negated
cannot	rule.negator	-0.74
rarely	rule.negator	-0.74	# VADER: frequency negator
seldom	rule.negator	-0.74	# VADER: frequency negator
nope	rule.negator	-0.74	# VADER: informal no
