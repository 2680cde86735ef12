// SPDX-License-Identifier: Apache-2.0
// Where the tests find the source tree and the public corpus.
#pragma once

#include <string>

namespace reachcheck::testing {

/// The repository root (fixtures/ and rules/ live there).
std::string SourceDir();
/// The public describe-* corpus: $REACHCHECK_CORPUS_DIR, else ../shared/corpus beside the repo.
std::string CorpusDir();

}  // namespace reachcheck::testing
