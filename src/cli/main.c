/*
 * main.c - `slant`: the dispatch table and global options. Everything a
 * command does lives in the library; src/cli/NAME.c only parses arguments
 * and prints.
 */
#include <stdarg.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const slant_command commands[] = {
    /* commands are registered here, one entry each, in help order */
    {"analyze", cmd_analyze, "score a corpus and write the comparison report (json, md, html, csv)",
     "usage: slant analyze [options] CORPUS -o DIR\n"
     "\n"
     "Ingest, clean, score, aggregate and compare the sources of CORPUS; write\n"
     "report.json, report.md, report.html and CSV tables into DIR.\n"
     "\n"
     "  CORPUS            a folder with manifest.tsv/manifest.json, a manifest, a\n"
     "                    JSON Lines file or '-' (stdin)\n"
     "  -o, --output DIR  report folder (refused if it holds other files)\n"
     "  --force           write into a folder that holds other files\n"
     "  --lexicon FILE    a lexicon layer (repeatable; replaces the default set)\n"
     "  --set FILE        a set file of layers (repeatable)\n"
     "  --no-corpus-lexicons  ignore CORPUS/lexicons.set\n"
     "  --rules FILE      cleaning rules (default: the shipped clean.rules)\n"
     "  -j, --threads N   worker threads (default: one per CPU)\n"
     "  --seed N          bootstrap seed (default 20261122)\n"
     "  --bootstrap B     bootstrap replicates (default 2000)\n"
     "  --max-texts N     articles whose text the HTML shows (default 200)\n"
     "  --name TITLE      a title for the report\n"
     "  --lenient         repair invalid UTF-8 instead of failing\n"
     "  --no-clean        skip boilerplate cleaning\n"
     "  -q, --quiet       no progress line\n"
     "\n"
     "The same input and options give byte-identical reports, on any number of\n"
     "threads. A corpus folder's own lexicons.set is added after the others.\n"},
    {"score", cmd_score, "per-sentence or per-article scores as JSON Lines, or a partial aggregate",
     "usage: slant score [options] CORPUS|FILE|-...\n"
     "\n"
     "Write one JSON object per sentence (schema in docs/score-schema.md).\n"
     "\n"
     "  --level article   one object per article instead\n"
     "  --lines           every input line is one text: one object per line, in order\n"
     "  --partial         write a mergeable partial aggregate (for slant merge/report)\n"
     "  -o FILE           output file (written atomically; default stdout)\n"
     "  -j N              worker threads (default: one per CPU); the output is the\n"
     "                    same on any number\n"
     "  --lexicon FILE, --set FILE, --no-corpus-lexicons, --rules FILE,\n"
     "  --lenient, --no-clean, -q   as for slant analyze\n"},
    {"merge", cmd_merge, "merge partial aggregates (the reduce step)",
     "usage: slant merge [--lexicon FILE]... [--set FILE]... PART... [-o OUT]\n"
     "\n"
     "Merge partials written by 'slant score --partial' ('-' reads stdin; parts\n"
     "may be concatenated or their lines reordered). Parts made with another\n"
     "format version or lexicon set are refused. Without lexicon options the set\n"
     "recorded in the first part is used.\n"},
    {"report", cmd_report, "write the report files from a (merged) partial",
     "usage: slant report [options] PART... -o DIR\n"
     "\n"
     "The report of the partial(s), identical to 'slant analyze' on the same\n"
     "articles. Options: -o DIR, --force, --seed N, --bootstrap B, --max-texts N,\n"
     "--name TITLE, --lexicon FILE, --set FILE, --rules FILE, --lenient, --no-clean,\n"
     "-j N (threads that write the files; default: one per CPU).\n"},
    {"lexicon", cmd_lexicon, "check, describe, import and tune lexicons",
     "usage: slant lexicon check [-q] FILE...\n"
     "       slant lexicon stats [--lexicon F]... [--set F]... [-q]\n"
     "       slant lexicon import --from vader|afinn|liwc FILE [-o OUT] [--name N]\n"
     "                            [--category C]\n"
     "       slant lexicon coverage CORPUS [--lexicon F]... [--set F]... [--top N]\n"
     "                            [--min-count N] [--stopwords F] [--format json|table]\n"
     "       slant lexicon suggest CORPUS --seed-positive F --seed-negative F\n"
     "                            [--category C] [--top N] [--vocab V] [--dims K]\n"
     "                            [--window W] [--min-count N] [--min-freq N] [--seed S]\n"
     "                            [--format text|json]\n"
     "       slant lexicon diff --base SET --new SET CORPUS [--top N] [--all]\n"
     "                            [--format json|table]\n"
     "\n"
     "  check   read each lexicon (or .set file) and print every error as\n"
     "          file:line:col: message, then warnings (duplicates, overrides,\n"
     "          conflicts between layers; -q hides them); exit 1 on any error\n"
     "  stats   layers, entries per category, multi-word, wildcard and\n"
     "          case-sensitive counts, overrides and overlaps between layers,\n"
     "          and the set's hash; without --lexicon/--set, the default set\n"
     "  import  convert to slant's format (stdout, or OUT written atomically):\n"
     "          vader  term<TAB>mean<TAB>sd<TAB>ratings: weight = mean/4\n"
     "          afinn  term<TAB>score (multi-word terms kept): weight = score/5\n"
     "          liwc   .dic with its % category header: each category becomes\n"
     "                 FAMILY.<name>, FAMILY from --category (default frame)\n"
     "          --category C sets the category for vader/afinn (default tone);\n"
     "          --name N the @lexicon name (default: the file name)\n"
     "  coverage share of words each family and category covers, per source, and\n"
     "          the most frequent and most distinctive (keyness G2, log ratio)\n"
     "          words no entry covers (stopwords from lexicons/stopwords.txt left out)\n"
     "  suggest candidate terms with a polarity by Latent Semantic Scaling: PPMI\n"
     "          word vectors (+-W words, top V words, randomized SVD with k dims),\n"
     "          score = similarity to positive minus negative seeds (seed files:\n"
     "          one word per line); printed as commented '#?term TAB C TAB weight'\n"
     "          lines to review and paste (--category C, default tone)\n"
     "  diff    score CORPUS with both sets and show how each per-source figure\n"
     "          changes (tone, rates per 1,000 words, stance, frames, naming) and\n"
     "          which entries cause it (hits x weight change); --all lists\n"
     "          unchanged figures too in the table\n"
     "\n"
     "The format is described in lexicons/README.md.\n"},
    {"sentences", cmd_sentences, "split articles into sentences with voice and speaker (JSON Lines)",
     "usage: slant sentences [--lenient] [--no-clean] [--count] CORPUS|FILE...\n\nClean, tokenize, split into sentences and find quotations; print one JSON\nobject per sentence: id, article, source, start, end (byte offsets in the\ncleaned text), text, voice (\"outlet\" or \"quote\"), speaker (or null),\nwords, quoted_words.\n\n  CORPUS      a folder with manifest.tsv/manifest.json, a manifest file, or\n              a JSON Lines file ('-' for stdin)\n  FILE        a plain text file: one article, source = file name\n  --lenient   replace invalid UTF-8 with U+FFFD (counted) instead of failing\n  --no-clean  skip boilerplate cleaning\n  --count     one line per article with its sentence, quote and word counts\n"},
    {"clean", cmd_clean, "print cleaned article text, or what cleaning removed (--show)",
     "usage: slant clean [--show] [--rules FILE] CORPUS|FILE...\n\nPrint each article's cleaned text. With --show, print instead every removed\nline with its line number and the rule that removed it, and a count.\n  --rules FILE  cleaning rules (default: the shipped lexicons/clean.rules)\n"},
    {"explain", cmd_explain, "show a text with every scored word and each sentence's score",
     "usage: slant explain FILE [--article ID] [--lexicon F]... [--set F]\n"
     "\n"
     "Print the text with hits coloured by category (tone +/-, loaded, hedge,\n"
     "booster, attribution, frame, target, naming, act) and, per sentence, the\n"
     "tone, each hit's weight and value, the rules that changed it and the stance\n"
     "toward each target with its cue. FILE is a text file, or a corpus (folder,\n"
     "manifest, JSON Lines) with --article ID. Plain text (hits as [word]{family})\n"
     "when stdout is not a terminal or NO_COLOR is set.\n"},
    {"eval", cmd_eval, "measure scores against labelled data (tone, stance, loaded)",
     "usage: slant eval --task tone|stance|loaded --gold FILE [--lexicon F]... [--set F]\n"
     "                  [--format json|table] [--seed N]\n"
     "\n"
     "  tone    gold lines id<TAB>mean rating (-4..4)<TAB>text: Pearson r with a\n"
     "          bootstrap 95% CI (1000 resamples, --seed, default 42), Spearman,\n"
     "          3-class F1 (neutral when |x| < 0.05, gold mean divided by 4)\n"
     "  stance  NewsMTSC JSON Lines (sentence_normalized, targets with from/to\n"
     "          character offsets and polarity 2/4/6): macro-F1, per-class P/R/F1,\n"
     "          confusion matrix\n"
     "  loaded  JSON Lines {\"text\", \"biased_words\": [...], \"label\"?}: word-level\n"
     "          precision/recall/F1, sentence-level F1 when labels are present\n"
     "\n"
     "--lexicon/--set replace the default lexicon set (repeat to layer), so two\n"
     "sets can be compared on the same gold data. See docs/measures.md.\n"},
};

static const size_t ncommands = sizeof commands / sizeof commands[0];

const slant_command *cli_find_command(const char *name) {
    for (size_t i = 0; i < ncommands; i++)
        if (strcmp(commands[i].name, name) == 0) return &commands[i];
    return NULL;
}

void cli_usage(const char *name, FILE *f) {
    const slant_command *c = cli_find_command(name);
    if (c) fputs(c->usage, f);
}

int cli_usage_error(const char *name, const char *fmt, ...) {
    va_list ap;
    fprintf(stderr, "slant %s: ", name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'slant help %s'.\n", name);
    return SLANT_EXIT_USAGE;
}

int cli_fail(const slant_error *err) {
    slant_error_print(err, stderr);
    return SLANT_EXIT_BAD_INPUT;
}

int cli_is_help(const char *arg) { return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0; }

static void main_usage(FILE *f) {
    fprintf(f,
            "usage: slant [--version] [--help] COMMAND [ARGS]\n"
            "\n"
            "Compare how news outlets frame the same events.\n"
            "\n"
            "Commands:\n");
    for (size_t i = 0; i < ncommands; i++)
        fprintf(f, "  %-12s %s\n", commands[i].name, commands[i].summary);
    fprintf(f,
            "\n"
            "'slant help COMMAND' shows a command's options.\n"
            "\n"
            "Exit codes: 0 success; 1 bad input or a failed check (the message names\n"
            "the file, line and column); 2 usage error.\n");
}

int main(int argc, char **argv) {
    /* A file-size limit (ulimit -f) must fail a write with EFBIG, which every
     * writer reports and cleans up after, not kill slant with SIGXFSZ and
     * leave a half-written temporary file behind. */
    signal(SIGXFSZ, SIG_IGN);
    if (argc < 2) {
        main_usage(stderr);
        return SLANT_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (cli_is_help(cmd)) {
        main_usage(stdout);
        return SLANT_EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        printf("slant %s\n", SLANT_VERSION);
        return SLANT_EXIT_OK;
    }
    if (strcmp(cmd, "help") == 0) {
        if (argc < 3) {
            main_usage(stdout);
            return SLANT_EXIT_OK;
        }
        if (!cli_find_command(argv[2])) {
            fprintf(stderr, "slant: no command '%s'. See 'slant --help'.\n", argv[2]);
            return SLANT_EXIT_USAGE;
        }
        cli_usage(argv[2], stdout);
        return SLANT_EXIT_OK;
    }
    const slant_command *c = cli_find_command(cmd);
    if (!c) {
        fprintf(stderr, "slant: no command '%s'. See 'slant --help'.\n", cmd);
        return SLANT_EXIT_USAGE;
    }
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0) break;
        if (cli_is_help(argv[i])) {
            fputs(c->usage, stdout);
            return SLANT_EXIT_OK;
        }
    }
    return c->run(argc - 1, argv + 1);
}
