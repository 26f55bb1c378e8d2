'use strict'
// Installs what package-lock.json pins into node_modules with `npm ci`, unless the last successful run
// installed the same package.json and package-lock.json (a stamp in node_modules records their hash).
// Install scripts are not run: dynalite runs in memory and needs no native build.
// Usage (from the build, in this module's directory): node src/build/npm-ci.js

const { spawnSync } = require('node:child_process')
const crypto = require('node:crypto')
const fs = require('node:fs')
const path = require('node:path')

const moduleDir = path.resolve(__dirname, '..', '..')
const stamp = path.join(moduleDir, 'node_modules', '.secondchance-npm-ci.sha256')

const hash = crypto.createHash('sha256')
for (const file of [ 'package.json', 'package-lock.json' ]) {
  hash.update(fs.readFileSync(path.join(moduleDir, file)))
}
const wanted = hash.digest('hex')

const installed = fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8').trim() : ''
if (installed === wanted && fs.existsSync(path.join(moduleDir, 'node_modules', 'dynalite', 'package.json'))) {
  console.log('node_modules is up to date with package-lock.json')
  process.exit(0)
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const run = spawnSync(npm, [ 'ci', '--ignore-scripts', '--no-audit', '--no-fund' ],
  { cwd: moduleDir, stdio: 'inherit', shell: process.platform === 'win32' })
if (run.error) {
  console.error('cannot run npm (it comes with Node.js 20+): ' + run.error.message)
  process.exit(1)
}
if (run.status !== 0) process.exit(run.status == null ? 1 : run.status)
fs.writeFileSync(stamp, wanted + '\n')
