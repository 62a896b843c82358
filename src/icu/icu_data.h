// icu: makes ICU use basira's own trimmed data package (data/icu/items.txt, linked into the
// binary by the build) in native and wasm builds alike, so that both see the same break rules
// and normalization data.
#ifndef BASIRA_SRC_ICU_ICU_DATA_H_
#define BASIRA_SRC_ICU_ICU_DATA_H_

#include <cstddef>

#include "basira/status.h"

namespace basira::icu_data {

// Hands the linked-in package to ICU (udata_setCommonData) once per process, before any other
// ICU call of basira's; later calls return the first call's outcome. Thread-safe.
Status Load();

// The size in bytes of the linked-in package.
size_t Size();

}  // namespace basira::icu_data

#endif  // BASIRA_SRC_ICU_ICU_DATA_H_
