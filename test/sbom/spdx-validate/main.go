// spdx-validate FILE: reads an SPDX JSON document with the SPDX
// project's own Go library (tools-golang, from Debian's
// golang-github-spdx-tools-golang-dev), checks it with the library's
// validator (document and element ids, relationships, what the document
// describes), and writes it again as tag-value, whose writer refuses a
// document that lacks a mandatory field.  make test runs it on every
// build's images/sbom.spdx.json (test/sbom-test.sh).
package main

import (
	"bytes"
	"fmt"
	"os"

	spdxjson "github.com/spdx/tools-golang/json"
	"github.com/spdx/tools-golang/spdxlib"
	"github.com/spdx/tools-golang/tagvalue"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: spdx-validate FILE")
		os.Exit(2)
	}
	path := os.Args[1]
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "spdx-validate: %v\n", err)
		os.Exit(2)
	}
	defer f.Close()
	doc, err := spdxjson.Read(f)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: not an SPDX JSON document: %v\n", path, err)
		os.Exit(1)
	}
	if doc.SPDXVersion != "SPDX-2.3" {
		fmt.Fprintf(os.Stderr, "%s: spdxVersion is %q, not SPDX-2.3\n", path, doc.SPDXVersion)
		os.Exit(1)
	}
	if err := spdxlib.ValidateDocument(doc); err != nil {
		fmt.Fprintf(os.Stderr, "%s: invalid: %v\n", path, err)
		os.Exit(1)
	}
	described, err := spdxlib.GetDescribedPackageIDs(doc)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", path, err)
		os.Exit(1)
	}
	var tv bytes.Buffer
	if err := tagvalue.Write(doc, &tv); err != nil {
		fmt.Fprintf(os.Stderr, "%s: the tag-value writer refused it: %v\n", path, err)
		os.Exit(1)
	}
	fmt.Printf("%s: valid SPDX 2.3 (tools-golang): %d packages, %d relationships, %d described\n",
		path, len(doc.Packages), len(doc.Relationships), len(described))
}
