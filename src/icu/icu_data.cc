#include "icu/icu_data.h"

#include <unicode/udata.h>
#include <unicode/utypes.h>

#include <mutex>
#include <string>

// Defined by the generated icu_data_blob.cc (tools/embed_data.py).
extern "C" const unsigned char basira_icu_data[];
extern "C" const size_t basira_icu_data_size;

namespace basira::icu_data {

Status Load() {
  static std::once_flag once;
  static UErrorCode result = U_ZERO_ERROR;
  std::call_once(once, [] { udata_setCommonData(basira_icu_data, &result); });
  if (U_FAILURE(result)) {
    return Status(ErrorCode::kInternal,
                  std::string("cannot load basira's ICU data: ") + u_errorName(result));
  }
  return Status::Ok();
}

size_t Size() { return basira_icu_data_size; }

}  // namespace basira::icu_data
