#!/usr/bin/env node
require('./build-then-run.cjs')('@ovh-pca/cli', 'apps/cli/bin/ovh-pca.cjs');
