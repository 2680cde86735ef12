// SPDX-License-Identifier: Apache-2.0
// Diagnostic text format, SourceRef text, and the Diagnostics sink (counts, order, Sorted).
#include "reachcheck/base/diagnostic.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "reachcheck/base/source_ref.h"

namespace reachcheck::base {
namespace {

TEST_CASE("Diagnostic: gcc-style text with the JSON pointer on a second line", "[base]") {
  Diagnostic d{Severity::kError, "input-bad-cidr", "'10.0.0.256' is not an IPv4 address",
               SourceRef{"net/Vpcs.json", "/Vpcs/0/CidrBlock", 12, 7}};
  CHECK(d.ToString() ==
        "net/Vpcs.json:12:7: error: '10.0.0.256' is not an IPv4 address [input-bad-cidr]\n"
        "  at /Vpcs/0/CidrBlock");

  Diagnostic warning{Severity::kWarning, "input-assumed-default", "no ACL association",
                     SourceRef{"Subnets.json", "/Subnets/3", 0, 0}};
  CHECK(warning.ToString() ==
        "Subnets.json: warning: no ACL association [input-assumed-default]\n  at /Subnets/3");

  Diagnostic note{Severity::kNote, "input-ignored", "not analysed", SourceRef{"a.json", "", 1, 1}};
  CHECK(note.ToString() == "a.json:1:1: note: not analysed [input-ignored]\n  at (whole document)");

  Diagnostic no_file{Severity::kError, "query-unknown-endpoint", "no such instance", SourceRef{}};
  CHECK(no_file.ToString() == "reachcheck: error: no such instance [query-unknown-endpoint]");
}

TEST_CASE("Diagnostic: severity names and SourceRef text", "[base]") {
  CHECK(std::string(SeverityName(Severity::kError)) == "error");
  CHECK(std::string(SeverityName(Severity::kWarning)) == "warning");
  CHECK(std::string(SeverityName(Severity::kNote)) == "note");
  CHECK(SourceRef{"a.json", "/Vpcs/0", 3, 4}.ToString() == "a.json#/Vpcs/0");
  CHECK(SourceRef{"a.json", "", 0, 0}.ToString() == "a.json");
  CHECK(SourceRef{"a.json", "/x", 1, 2} == SourceRef{"a.json", "/x", 1, 2});
  CHECK_FALSE(SourceRef{"a.json", "/x", 1, 2} == SourceRef{"a.json", "/x", 1, 3});
}

TEST_CASE("Diagnostics: counts, insertion order and Append", "[base]") {
  Diagnostics sink;
  CHECK(sink.Empty());
  CHECK_FALSE(sink.HasErrors());
  sink.Warning("w-code", "first", SourceRef{"b.json", "/1"});
  sink.Note("n-code", "second", SourceRef{"a.json", "/2"});
  CHECK_FALSE(sink.HasErrors());
  sink.Error("e-code", "third", SourceRef{"a.json", "/3"});
  sink.Add(Severity::kWarning, "w-code", "fourth", SourceRef{});
  CHECK_FALSE(sink.Empty());
  CHECK(sink.HasErrors());
  CHECK(sink.Count(Severity::kError) == 1);
  CHECK(sink.Count(Severity::kWarning) == 2);
  CHECK(sink.Count(Severity::kNote) == 1);
  REQUIRE(sink.All().size() == 4);
  CHECK(sink.All()[0].message == "first");
  CHECK(sink.All()[0].severity == Severity::kWarning);
  CHECK(sink.All()[2].code == "e-code");
  CHECK(sink.All()[2].where.pointer == "/3");

  sink.Mutable()[0].where.line = 9;
  CHECK(sink.All()[0].where.line == 9);

  Diagnostics other;
  other.Error("e2", "fifth", SourceRef{"c.json", ""});
  sink.Append(other);
  CHECK(sink.All().size() == 5);
  CHECK(sink.All().back().message == "fifth");
  CHECK(sink.Count(Severity::kError) == 2);
  CHECK(other.All().size() == 1);
}

TEST_CASE("Diagnostics: Sorted orders by file, pointer, severity, code, message", "[base]") {
  Diagnostics sink;
  sink.Note("b", "m", SourceRef{"b.json", "/a"});
  sink.Warning("b", "m", SourceRef{"a.json", "/b"});
  sink.Error("z", "m", SourceRef{"a.json", "/b"});
  sink.Error("a", "y", SourceRef{"a.json", "/b"});
  sink.Error("a", "x", SourceRef{"a.json", "/b"});
  sink.Note("a", "m", SourceRef{"a.json", "/a"});
  sink.Error("a", "m", SourceRef{"", ""});
  // Equal keys keep their insertion order (line/column are not part of the key).
  sink.Error("a", "x", SourceRef{"a.json", "/b", 5, 1});

  std::vector<Diagnostic> sorted = sink.Sorted();
  std::vector<std::string> order;
  for (const Diagnostic& d : sorted) {
    order.push_back(d.where.file + "|" + d.where.pointer + "|" + SeverityName(d.severity) + "|" + d.code +
                    "|" + d.message + "|" + std::to_string(d.where.line));
  }
  CHECK(order == std::vector<std::string>{
                     "||error|a|m|0",
                     "a.json|/a|note|a|m|0",
                     "a.json|/b|error|a|x|0",
                     "a.json|/b|error|a|x|5",
                     "a.json|/b|error|a|y|0",
                     "a.json|/b|error|z|m|0",
                     "a.json|/b|warning|b|m|0",
                     "b.json|/a|note|b|m|0",
                 });
  // Sorting is a view: the sink keeps insertion order.
  CHECK(sink.All().front().where.file == "b.json");

  // The same diagnostics in another insertion order sort identically (up to line/column,
  // which the key leaves out: one file and pointer always have the same position).
  Diagnostics reversed;
  for (auto it = sink.All().rbegin(); it != sink.All().rend(); ++it) {
    reversed.Add(it->severity, it->code, it->message, it->where);
  }
  std::vector<Diagnostic> again = reversed.Sorted();
  REQUIRE(again.size() == sorted.size());
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    INFO(i);
    CHECK(again[i].where.file == sorted[i].where.file);
    CHECK(again[i].where.pointer == sorted[i].where.pointer);
    CHECK(again[i].severity == sorted[i].severity);
    CHECK(again[i].code == sorted[i].code);
    CHECK(again[i].message == sorted[i].message);
  }
}

}  // namespace
}  // namespace reachcheck::base

TEST_CASE("Diagnostics: array indexes in pointers sort by value", "[base]") {
  reachcheck::base::Diagnostics sink;
  sink.Error("input-bad-cidr", "ten", reachcheck::base::SourceRef{"a.json", "/Vpcs/10/CidrBlock", 0, 0});
  sink.Error("input-bad-cidr", "two", reachcheck::base::SourceRef{"a.json", "/Vpcs/2/CidrBlock", 0, 0});
  sink.Error("input-bad-cidr", "root", reachcheck::base::SourceRef{"a.json", "/Vpcs", 0, 0});
  std::vector<reachcheck::base::Diagnostic> sorted = sink.Sorted();
  REQUIRE(sorted.size() == 3);
  CHECK(sorted[0].message == "root");
  CHECK(sorted[1].message == "two");
  CHECK(sorted[2].message == "ten");
}

TEST_CASE("Diagnostic: an empty pointer names the whole document", "[base]") {
  reachcheck::base::Diagnostic d{reachcheck::base::Severity::kError, "input-bad-json", "broken",
                                 reachcheck::base::SourceRef{"a.json", "", 2, 5}};
  CHECK(d.ToString() == "a.json:2:5: error: broken [input-bad-json]\n  at (whole document)");
}
