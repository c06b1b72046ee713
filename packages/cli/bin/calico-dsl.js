#!/usr/bin/env node
// Committed launcher. npm creates bin links at install time and skips targets that do not exist,
// and dist/ only appears with `npm run build` — so a fresh `npm ci` needs a bin file that is
// already in the repository. The program is dist/bin.js (built from src/bin.ts).
import '../dist/bin.js';
