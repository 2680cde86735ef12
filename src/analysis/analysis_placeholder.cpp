// SPDX-License-Identifier: Apache-2.0
// Placeholder so the analysis library has a translation unit before the engine lands.
namespace reachcheck::analysis {
int AnalysisStageVersion() { return 0; }
}  // namespace reachcheck::analysis
