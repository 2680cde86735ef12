// SPDX-License-Identifier: Apache-2.0
// bench/simdjson_floor: the JSON parse floor. Reads every *.json file below the given paths
// and walks it with simdjson's On-Demand API, touching every key and value (strings are
// unescaped, numbers parsed), on one thread; prints one JSON object with the timings.
// On-Demand uses the kernel chosen at compile time, so this program is built for the host CPU.
#include <simdjson.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace {

namespace ondemand = simdjson::ondemand;
using simdjson::error_code;

struct Counts {
  std::uint64_t values = 0;
  std::uint64_t string_bytes = 0;
  std::int64_t number_sum = 0;  ///< keeps the compiler from discarding number parsing
};

error_code WalkValue(ondemand::value& value, Counts& counts);

error_code WalkObject(ondemand::object& object, Counts& counts) {
  for (auto field_result : object) {
    ondemand::field field;
    if (error_code e = std::move(field_result).get(field)) return e;
    std::string_view key;
    if (error_code e = field.unescaped_key().get(key)) return e;
    counts.string_bytes += key.size();
    ondemand::value value = field.value();
    if (error_code e = WalkValue(value, counts)) return e;
  }
  return simdjson::SUCCESS;
}

error_code WalkValue(ondemand::value& value, Counts& counts) {
  ++counts.values;
  ondemand::json_type type;
  if (error_code e = value.type().get(type)) return e;
  switch (type) {
    case ondemand::json_type::object: {
      ondemand::object object;
      if (error_code e = value.get_object().get(object)) return e;
      return WalkObject(object, counts);
    }
    case ondemand::json_type::array: {
      ondemand::array array;
      if (error_code e = value.get_array().get(array)) return e;
      for (auto element_result : array) {
        ondemand::value element;
        if (error_code e = std::move(element_result).get(element)) return e;
        if (error_code e = WalkValue(element, counts)) return e;
      }
      return simdjson::SUCCESS;
    }
    case ondemand::json_type::string: {
      std::string_view text;
      if (error_code e = value.get_string().get(text)) return e;
      counts.string_bytes += text.size();
      return simdjson::SUCCESS;
    }
    case ondemand::json_type::number: {
      ondemand::number number;
      if (error_code e = value.get_number().get(number)) return e;
      counts.number_sum +=
          number.is_int64() ? number.get_int64() : static_cast<std::int64_t>(number.as_double());
      return simdjson::SUCCESS;
    }
    case ondemand::json_type::boolean: {
      bool flag = false;
      if (error_code e = value.get_bool().get(flag)) return e;
      counts.number_sum += flag ? 1 : 0;
      return simdjson::SUCCESS;
    }
    case ondemand::json_type::null: {
      bool is_null = false;
      return value.is_null().get(is_null);
    }
  }
  return simdjson::SUCCESS;
}

#define BENCH_STRINGIFY_INNER(x) #x
#define BENCH_STRINGIFY(x) BENCH_STRINGIFY_INNER(x)
/// The kernel On-Demand was compiled with (stage 1 is dispatched at run time instead).
constexpr const char* kOnDemandKernel = BENCH_STRINGIFY(SIMDJSON_BUILTIN_IMPLEMENTATION);

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  int repeat = 3;
  std::vector<std::string> roots;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--help" || arg == "-h") {
      std::puts("usage: simdjson_floor [--repeat N] PATH...");
      return 0;
    } else {
      roots.push_back(arg);
    }
  }
  if (roots.empty()) {
    std::fputs("usage: simdjson_floor [--repeat N] PATH...\n", stderr);
    return 2;
  }
  std::vector<fs::path> files;
  for (const std::string& root : roots) {
    std::error_code ec;
    if (fs::is_directory(root, ec)) {
      for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().extension() == ".json" && it->is_regular_file()) files.push_back(it->path());
      }
    } else {
      files.push_back(root);
    }
  }
  std::sort(files.begin(), files.end());

  ondemand::parser parser;
  std::vector<double> read_times, parse_times, total_times;
  std::uint64_t bytes = 0;
  Counts counts;
  for (int r = 0; r < repeat; ++r) {
    double read_s = 0, parse_s = 0;
    bytes = 0;
    counts = Counts{};
    for (const fs::path& file : files) {
      const auto t0 = std::chrono::steady_clock::now();
      simdjson::padded_string text;
      if (error_code e = simdjson::padded_string::load(file.string()).get(text)) {
        std::fprintf(stderr, "simdjson_floor: %s: %s\n", file.c_str(), simdjson::error_message(e));
        return 1;
      }
      const auto t1 = std::chrono::steady_clock::now();
      ondemand::document document;
      ondemand::object root;
      error_code e = parser.iterate(text).get(document);
      if (!e) e = document.get_object().get(root);
      if (!e) e = WalkObject(root, counts);
      if (e) {
        std::fprintf(stderr, "simdjson_floor: %s: %s\n", file.c_str(), simdjson::error_message(e));
        return 1;
      }
      const auto t2 = std::chrono::steady_clock::now();
      read_s += std::chrono::duration<double>(t1 - t0).count();
      parse_s += std::chrono::duration<double>(t2 - t1).count();
      bytes += text.size();
    }
    read_times.push_back(read_s);
    parse_times.push_back(parse_s);
    total_times.push_back(read_s + parse_s);
  }
  std::printf(
      "{\"files\": %zu, \"bytes\": %llu, \"values\": %llu, \"repeat\": %d, \"threads\": 1,"
      " \"read_s\": %.4f, \"parse_s\": %.4f, \"total_s\": %.4f, \"checksum\": %lld,"
      " \"stage1\": \"%s\", \"ondemand\": \"%s\"}\n",
      files.size(), static_cast<unsigned long long>(bytes), static_cast<unsigned long long>(counts.values),
      repeat, Median(read_times), Median(parse_times), Median(total_times),
      static_cast<long long>(counts.number_sum + static_cast<std::int64_t>(counts.string_bytes)),
      simdjson::get_active_implementation()->name().c_str(), kOnDemandKernel);
  return 0;
}
