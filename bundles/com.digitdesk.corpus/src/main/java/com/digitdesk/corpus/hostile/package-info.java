/**
 * A corpus of hostile files (PDF files that make PDFBox overflow its stack,
 * exhaust memory or render forever, and files that are no PDF at all), each
 * with the outcome an import that survives any file ends it with. Private to
 * the corpus bundle, as every provider's packages are: inside the framework
 * the corpus is had through the {@code hostile-corpus} command and its
 * {@code hostile-cases.json}.
 */
package com.digitdesk.corpus.hostile;
