#!/usr/bin/env node
// The command is compiled to dist/ by `npm run build` (at the root or in receiver/).
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
