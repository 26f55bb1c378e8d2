'use strict'
// Every npm package that package-lock.json pins (dynalite and everything it brings) must be under an
// OSI-approved license, as every Maven dependency must (license-maven-plugin in the root pom.xml). Fails the
// build on a package whose license is missing or not on the list. Runs after src/build/npm-ci.js.
// Usage (from the build, in this module's directory): node src/build/check-licenses.js

const fs = require('node:fs')
const path = require('node:path')

// SPDX ids of OSI-approved licenses (https://opensource.org/licenses); add one only after checking it there.
const OSI_APPROVED = new Set([ 'MIT', 'MIT-0', 'ISC', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', '0BSD' ])

const moduleDir = path.resolve(__dirname, '..', '..')
const lock = JSON.parse(fs.readFileSync(path.join(moduleDir, 'package-lock.json'), 'utf8'))

function licenseOf (location, entry) {
  if (entry.license) return entry.license
  const manifest = path.join(moduleDir, location, 'package.json')
  return fs.existsSync(manifest) ? JSON.parse(fs.readFileSync(manifest, 'utf8')).license : undefined
}

// An SPDX expression such as "(MIT OR Apache-2.0)" passes when one side of an OR is approved; AND needs both.
function approved (expression) {
  if (typeof expression !== 'string' || expression.trim() === '') return false
  const text = expression.trim().replace(/^\((.*)\)$/, '$1')
  if (/ OR /.test(text)) return text.split(/ OR /).some(approved)
  if (/ AND /.test(text)) return text.split(/ AND /).every(approved)
  return OSI_APPROVED.has(text)
}

const counts = new Map()
const refused = []
for (const [ location, entry ] of Object.entries(lock.packages || {})) {
  if (location === '') continue // this module itself
  const license = licenseOf(location, entry)
  counts.set(String(license), (counts.get(String(license)) || 0) + 1)
  if (!approved(license)) refused.push(`${location.replace(/^node_modules\//, '')}@${entry.version}: ${license}`)
}

const summary = [ ...counts ].sort().map(([ license, n ]) => `${license} ${n}`).join(', ')
if (refused.length > 0) {
  console.error('npm packages without an OSI-approved license:\n  ' + refused.join('\n  '))
  process.exit(1)
}
console.log(`npm licenses OSI-approved: ${summary}`)
