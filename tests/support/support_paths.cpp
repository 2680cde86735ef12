// SPDX-License-Identifier: Apache-2.0
// Where the tests find the source tree and the public corpus.
#include "support/support_paths.h"

#include <cstdlib>

namespace reachcheck::testing {

std::string SourceDir() { return REACHCHECK_SOURCE_DIR; }

std::string CorpusDir() {
  const char* env = std::getenv("REACHCHECK_CORPUS_DIR");
  return env != nullptr && *env != '\0' ? env : REACHCHECK_CORPUS_DIR;
}

}  // namespace reachcheck::testing
