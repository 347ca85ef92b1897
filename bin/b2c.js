#!/usr/bin/env node
// Only loads the bundle: startup time is a feature (see bench/).
import '../dist/cli.js';
