#!/usr/bin/env bash
# Completes the exported feature folders (target/export/NAME/, written by
# bnd-export-maven-plugin): the sample configuration files of src/NAME/, an
# INSTALL text, and index.xml, an OSGi repository index (R5) of its bundles
# written by the bnd command line (BND_JAR).
# Usage: package-feature.sh BND_JAR NAME...
set -euo pipefail
features="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bnd="$1"
shift
for feature in "$@"; do
	folder="$features/target/export/$feature"
	[ -d "$folder" ] || continue
	main="com.digitdesk.cli"
	notes=""
	case "$feature" in
	digitdesk-core) summary="The product: reads scanned numeric forms into a results store (import, export, review queue) with the CNN recognizer on ND4J's CPU backend." ;;
	digitdesk-verify) summary="digitdesk-core with the clerks' verification window (SWT 3.132 and its GTK fragment; Linux x86_64, GTK 3)." ; main="com.digitdesk.verify.ui" ;;
	digitdesk-http) summary="digitdesk-core with the recognition service over HTTP and the server it runs on (Felix HTTP on Jetty 12)."
		main="com.digitdesk.http"
		notes="
com.digitdesk.http.cfg starts the API on 127.0.0.1:8765 (token in http.token in
the data directory); org.apache.felix.http.cfg keeps Felix HTTP's default
server off (remove it if the framework has a Felix HTTP configuration of its
own)." ;;
	digitdesk-gpu) summary="digitdesk-core with ND4J on its CUDA 11.6 backend instead of the CPU one (NVIDIA GPU, driver, CUDA 11.6 and cuDNN 8.3 installed)." ;;
	digitdesk-tools) summary="digitdesk-core with the operator's tools: corpus generation, training, evaluation, digit generators, template drafts." ; main="com.digitdesk.training" ;;
	digitdesk-host) summary="What DigitDesk needs of a framework, for one that lacks it: Felix SCR 2.1 (Declarative Services 1.4; OSGi R7 and later), Felix Configuration Admin, Felix Metatype, Pax Logging. Install it with the framework (Felix: its bundle/ folder), and only where the framework has none of these." ; main="org.apache.felix.scr" ;;
	*) summary="A DigitDesk feature." ;;
	esac
	summary="$(echo "$summary" | fold -s -w 78 | sed 's/ *$//')"
	if compgen -G "$features/src/$feature/*.cfg" >/dev/null; then
		cp "$features/src/$feature/"*.cfg "$folder/"
	fi
	awk -v feature="$feature" -v summary="$summary" -v main="$main" -v notes="$notes" '{
		gsub(/@FEATURE@/, feature); gsub(/@SUMMARY@/, summary); gsub(/@MAIN@/, main); gsub(/@NOTES@/, notes); print
	}' "$features/INSTALL.template" >"$folder/INSTALL"
	(cd "$folder" && rm -f index.xml && java -jar "$bnd" index -n "$feature" -- *.jar)
done
