// Reads a GIFT file with gift-pegjs (a PEG grammar of Moodle's GIFT) and prints its questions as JSON.
// Exit 1 with the parser's message and position when the file does not parse.
"use strict";
const fs = require("fs");
const { parse } = require("gift-pegjs");

const text = fs.readFileSync(process.argv[2], "utf8");
try {
  process.stdout.write(JSON.stringify(parse(text)));
} catch (error) {
  const where = error.location ? `${error.location.start.line}:${error.location.start.column}` : "?";
  process.stderr.write(`gift-pegjs: ${where}: ${error.message}\n`);
  process.exit(1);
}
