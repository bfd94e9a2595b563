#!/bin/sh
# Installs the packed daraja-emulator (and the daraja-client it depends on) into an empty folder, with
# production dependencies only. The image's runtime stage runs exactly this, and so does the test that
# reproduces that stage without a container engine (test/packaging/container-runtime.test.ts).
#
#   sh docker/install-runtime.sh <folder with the two .tgz files> <app folder>
set -eu
packages=$1
app=$2
mkdir -p "$app"
cd "$app"
printf '{ "name": "daraja-emulator-image", "private": true }\n' > package.json
npm install --omit=dev --no-audit --no-fund --no-update-notifier \
  "$packages"/daraja-client-*.tgz "$packages"/daraja-emulator-*.tgz
# The command the image runs must be there.
test -f node_modules/daraja-emulator/bin/daraja-emulator.js
