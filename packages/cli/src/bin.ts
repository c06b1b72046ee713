#!/usr/bin/env node
import { main } from './main.js';

// A failed write to stdout or stderr (node-io.ts) has set 1 already: a clean run does not clear it.
process.exitCode = (await main(process.argv)) || process.exitCode;
