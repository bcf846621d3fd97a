/* fuzz_manifest_tsv.c - the TSV manifest reader (see fuzz_manifest.h). */
#include "fuzz_manifest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    return fuzz_manifest(data, size, "manifest.tsv");
}
