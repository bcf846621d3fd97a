# fixed.lex - the small fixed lexicon the fuzz targets score with (fuzz_lexicon
# layers the fuzzed lexicon on top of it; fuzz_partial's seeds were made with it:
# changing this file changes its hash and makes those seeds stale, see
# docs/robustness.md).
@lexicon fuzz-fixed
@version 1.0
@category target.valdoria Valdoria
good	tone	0.5
bad	tone	-0.5
crisis	tone	-0.6
peace	tone	0.4
:)	tone	0.5
regime	loaded	1
sham	loaded	1
reportedly	hedge	1
clearly	booster	1
said	attrib.neutral	1
claimed	attrib.loaded	1
insisted	attrib.loaded	1
sanctions	frame.economy	1
peace treaty	frame.diplomacy	1
negotiat*	frame.diplomacy	1
Valdoria	target.valdoria	1
the Valdorian government	target.valdoria	1
Kestria	target.kestria	1
Serin Islands	naming.islands	1	side=valdoria
Northern Shoals	naming.islands	1	side=kestria
attacked	act.hostile	-1
praised	act.supportive	1
not	rule.negator	1
never	rule.negator	1
very	rule.intensifier	0.293
slightly	rule.diminisher	-0.293
but	rule.contrast	1
least	rule.least	1
at least	rule.least	0
was	rule.passive_aux	1
by	rule.agent	1
;	rule.clause_break	1
if	rule.irrealis	1
would	rule.irrealis	1
US	target.us	1	case
