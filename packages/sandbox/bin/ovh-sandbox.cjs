#!/usr/bin/env node
require('../dist/ovh-sandbox.cjs');
