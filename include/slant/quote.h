/*
 * quote.h - direct quotations and who said them.
 *
 * slant_quotes_find runs after slant_doc_analyze on the same doc. It fills
 * doc->quotes and doc->speakers, marks every token inside a quotation with
 * SLANT_TF_IN_QUOTE and token.quote = quote index + 1, and marks the opening
 * and closing QUOTE tokens. A quotation never extends past its paragraph
 * unless the next paragraph opens with a quotation mark (the newswire
 * convention for multi-paragraph quotes), or up to 3 paragraphs without
 * double marks lead to one whose first mark closes it (captures that lost
 * the repeated marks); an unbalanced mark is bounded by its paragraph and
 * flagged `unclosed`. Apostrophes (countries’, the 70s') become PUNCT tokens.
 * Rules and limits: src/quote.c and docs/text.md.
 *
 * Speakers come from the common news patterns ("...," X said / X said: "..."
 * / X told reporters "..." / said X, a ... / according to X); pronoun
 * speakers (he, she) take the last named speaker when that is unambiguous.
 */
#ifndef SLANT_QUOTE_H
#define SLANT_QUOTE_H

#include "slant/text.h"

void slant_quotes_find(slant_doc *d);
/* Frees the buffers slant_quotes_find keeps in a doc (called by
 * slant_doc_free; NULL is fine). */
void slant_quote_scratch_free(struct slant_quote_scratch *s);

/* Words of a sentence inside quotations; the sentence's voice is "quote"
 * when more than half its words are quoted. */
size_t slant_sentence_quoted_words(const slant_doc *d, const slant_sentence *s);
/* The speaker of the quotation covering most of the sentence's quoted
 * words (-1 when none or unknown). */
int32_t slant_sentence_speaker(const slant_doc *d, const slant_sentence *s);

#endif
