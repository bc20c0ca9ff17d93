#!/usr/bin/env node
require('../dist/ovh-pca.cjs');
