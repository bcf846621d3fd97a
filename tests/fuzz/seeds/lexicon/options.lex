@lexicon t
@version 1
@category frame.x Label X
foo bar baz	frame.x	0.5	case	# a note
negotiat*	frame.x
\*\#x\@	tone	-1e6
Kuril Islands	naming.k	1	side=ru label=kurils
