good	tone	0.5
good	tone	0.7
bad	unknown.cat	1
nan	tone	nan
x	tone	1e308
