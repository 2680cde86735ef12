#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# `cmake --install` gives a reachcheck that needs nothing from the source tree: install into
# a scratch prefix, then run it from an empty folder on a copy of the demo network. The
# built-in rule pack must come from the binary itself.
# Usage: installed_binary.sh BUILD_DIR SOURCE_DIR SCRATCH_DIR
set -eu
build=$1 source=$2 scratch=$3
rm -rf "$scratch"
mkdir -p "$scratch/prefix" "$scratch/cwd"
cmake --install "$build" --prefix "$scratch/prefix" >/dev/null
cp -R "$source/fixtures/demo" "$scratch/demo"
bin="$scratch/prefix/bin/reachcheck"
[ -x "$bin" ] || { echo "FAIL: no $bin after cmake --install"; exit 1; }
cd "$scratch/cwd"
"$bin" --version
"$bin" rules list | grep -q "peering-cidr-overlap" || { echo "FAIL: built-in rules missing"; exit 1; }
"$bin" inventory --snapshot "$scratch/demo" >/dev/null
status=0
"$bin" lint --snapshot "$scratch/demo" --format json --output "$scratch/lint.json" || status=$?
# The demo network has error-level findings: exit 1 is the contract's "findings" code.
[ "$status" -eq 1 ] || { echo "FAIL: lint exited $status, expected 1"; exit 1; }
grep -q '"nat-in-private-subnet"' "$scratch/lint.json" || { echo "FAIL: lint output lacks a finding"; exit 1; }
status=0
"$bin" why i-0aeb1dc6c5b94b294 0.0.0.0/0 --proto tcp --port 443 --snapshot "$scratch/demo" >/dev/null || status=$?
case $status in 0|1|4) ;; *) echo "FAIL: why exited $status"; exit 1 ;; esac
echo "installed binary works from $scratch/cwd"
