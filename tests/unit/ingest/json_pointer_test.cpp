// SPDX-License-Identifier: Apache-2.0
// JSON pointer tokens (RFC 6901): '~' is written "~0" and '/' "~1", everything else as is.
#include <catch2/catch.hpp>
#include <string>

#include "ingest/json_read.h"

namespace reachcheck::ingest {
namespace {

std::string Token(std::string_view key) {
  std::string pointer = "/Tags";
  AppendPointerToken(pointer, key);
  return pointer;
}

TEST_CASE("pointer tokens escape '~' and '/' and keep everything else") {
  CHECK(Token("") == "/Tags/");
  CHECK(Token("Key") == "/Tags/Key");
  CHECK(Token("a/b") == "/Tags/a~1b");
  CHECK(Token("~") == "/Tags/~0");
  CHECK(Token("/") == "/Tags/~1");
  CHECK(Token("~1") == "/Tags/~01");  // not an escape in the key: both characters kept
  CHECK(Token("a~/b~~c//") == "/Tags/a~0~1b~0~0c~1~1");
  CHECK(Token("kubernetes.io/cluster/x") == "/Tags/kubernetes.io~1cluster~1x");
  CHECK(Token("ünïcode") == "/Tags/ünïcode");
}

}  // namespace
}  // namespace reachcheck::ingest
