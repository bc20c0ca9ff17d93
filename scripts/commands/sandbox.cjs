#!/usr/bin/env node
require('./build-then-run.cjs')('@ovh-pca/sandbox', 'packages/sandbox/bin/ovh-sandbox.cjs');
