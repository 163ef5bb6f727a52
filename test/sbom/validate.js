// usage: node validate.js FILE...   (CycloneDX or SPDX JSON, told apart
//                                     by their bomFormat / spdxVersion)
//
// Validates a build's SBOMs with established tools, not our own reading:
// the CycloneDX document against the official CycloneDX 1.6 JSON schema
// (strict), through CycloneDX's own library, which bundles it; every
// purl in both documents with packageurl-js (the purl spec's reference
// library for JavaScript); every licence expression in both with
// spdx-expression-parse (SPDX's grammar and licence list).  The SPDX
// document's structure is checked by tools-golang (spdx-validate/), its
// mandatory fields here.
// Prints one line per problem; exit status 1 if any.
'use strict'
const fs = require('fs')
const CDX = require('@cyclonedx/cyclonedx-library')
const { PackageURL } = require('packageurl-js')
const parseLicense = require('spdx-expression-parse')

const paths = process.argv.slice(2)
if (!paths.length) {
  console.error('usage: node validate.js FILE... (CycloneDX or SPDX JSON)')
  process.exit(2)
}
let problems = 0
const problem = (file, msg) => { problems++; console.log(`${file}: ${msg}`) }

function checkPurl (file, where, purl) {
  try {
    PackageURL.fromString(purl)
  } catch (e) {
    problem(file, `${where}: purl ${purl}: ${e.message}`)
  }
}
function checkLicense (file, where, expression) {
  if (expression === 'NOASSERTION' || expression === 'NONE') return
  try {
    parseLicense(expression)
  } catch (e) {
    problem(file, `${where}: licence expression "${expression}": ${e.message}`)
  }
}

async function checkCycloneDX (cdxPath, cdxText) {
  const validator = new CDX.Validation.JsonStrictValidator(CDX.Spec.Version.v1dot6)
  const errors = await validator.validate(cdxText)
  if (errors !== null) problem(cdxPath, 'not valid against the CycloneDX 1.6 strict schema: ' + JSON.stringify(errors, null, 1))
  const cdx = JSON.parse(cdxText)
  for (const c of cdx.components || []) {
    if (c.purl) checkPurl(cdxPath, c['bom-ref'], c.purl)
    for (const l of c.licenses || []) if (l.expression) checkLicense(cdxPath, c['bom-ref'], l.expression)
  }
  return `valid CycloneDX 1.6 (${(cdx.components || []).length} components)`
}

// SPDX 2.3's mandatory fields, which tools-golang does not check.
function checkSPDX (spdxPath, spdx) {
  if (spdx.spdxVersion !== 'SPDX-2.3') problem(spdxPath, `spdxVersion ${spdx.spdxVersion}, not SPDX-2.3`)
  if (spdx.dataLicense !== 'CC0-1.0') problem(spdxPath, 'dataLicense must be CC0-1.0')
  for (const k of ['SPDXID', 'name', 'documentNamespace']) if (!spdx[k]) problem(spdxPath, `no ${k}`)
  if (!spdx.creationInfo || !spdx.creationInfo.created || !(spdx.creationInfo.creators || []).length) problem(spdxPath, 'no creationInfo.created or creators')
  for (const p of spdx.packages || []) {
    for (const k of ['SPDXID', 'name', 'downloadLocation']) if (!p[k]) problem(spdxPath, `${p.SPDXID || p.name}: no ${k}`)
    if (p.filesAnalyzed !== false && !p.packageVerificationCode) problem(spdxPath, `${p.SPDXID}: files analysed but no packageVerificationCode`)
    for (const r of p.externalRefs || []) if (r.referenceType === 'purl') checkPurl(spdxPath, p.SPDXID, r.referenceLocator)
    checkLicense(spdxPath, p.SPDXID, p.licenseConcluded)
    checkLicense(spdxPath, p.SPDXID, p.licenseDeclared)
  }
  return `${(spdx.packages || []).length} packages: mandatory fields, purls and licence expressions valid`
}

async function main () {
  const verdicts = []
  for (const path of paths) {
    const text = fs.readFileSync(path, 'utf8')
    const doc = JSON.parse(text)
    if (doc.bomFormat === 'CycloneDX') verdicts.push(`${path}: ${await checkCycloneDX(path, text)}`)
    else if (doc.spdxVersion) verdicts.push(`${path}: ${checkSPDX(path, doc)}`)
    else problem(path, 'neither a CycloneDX nor an SPDX document')
  }
  if (problems === 0) for (const v of verdicts) console.log(v)
  process.exit(problems ? 1 : 0)
}
main().catch((e) => { console.error(e); process.exit(2) })
