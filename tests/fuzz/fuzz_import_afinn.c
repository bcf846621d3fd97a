/* fuzz_import_afinn.c - the AFINN importer (see fuzz_import.h). */
#include "fuzz_import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    return fuzz_import(SLANT_IMPORT_AFINN, data, size);
}
