/* fuzz_import_liwc.c - the LIWC importer (see fuzz_import.h). */
#include "fuzz_import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    return fuzz_import(SLANT_IMPORT_LIWC, data, size);
}
