// SPDX-License-Identifier: Apache-2.0
// The lint stage (rules and checks) is empty until the lint issue lands.
namespace reachcheck::lint {
int LintStageVersion() { return 0; }
}  // namespace reachcheck::lint
