package com.digitdesk.corpus.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.digitdesk.corpus.hostile.HostileCase.Outcome;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The hostile corpus: one file per way a file can break a PDF importer,
 * among a few good forms. {@link #cases()} says what each file is and how an
 * import should end it; {@link #write} makes the files, small and the same
 * bytes each time for the same forms. What each case says plain PDFBox 3.0.x
 * does with its file was observed with {@code Loader.loadPDF} and
 * {@code PDFRenderer.renderImageWithDPI(page, 300, ImageType.GRAY)} (and, for
 * a page that is one image, {@code PDImageXObject.createInputStream()} and
 * {@code getImage()}) in a JVM of -Xmx256m.
 */
public final class HostileCorpus {

	/** The file beside the cases that lists them, for people. */
	public static final String MANIFEST = "hostile-cases.json";

	static final int JBIG2_PAGE_SIDE = 65536;
	static final long BOMB_BYTES = 4L << 30;
	static final long FILLS = 5_000_000;
	static final int HUGE_PAGE_INCHES = 200;
	static final int HUGE_IMAGE_PIXELS = 30_000;
	/** The huge image's resolution on its page: the highest a scan may have, so that it is taken as the page's scan. */
	static final int HUGE_IMAGE_DPI = 1200;
	static final long SEED = 20261206L;

	/** Makes a file's bytes from the good forms. */
	private interface Maker {
		byte[] make(Forms forms) throws IOException;
	}

	/** The good forms the corpus is built around: their bytes, and the first one's scan. */
	private record Forms(List<byte[]> pdfs, FormScan scan) {
	}

	/** A case, how its file is made, and which form's ground truth it shares (or -1). */
	private record Entry(HostileCase info, Maker maker, int truthOf) {
	}

	private static final List<Entry> ENTRIES = List.of(
			quarantined("type3-pattern-recursion.pdf", "recursion", "stack",
					"A Type 3 font whose glyph fills with a tiling pattern whose cell shows that glyph again. "
							+ "PDFBox 3.0.8 renders the pattern cell inside the glyph inside the cell without end: "
							+ "StackOverflowError from renderImageWithDPI after about a second.",
					forms -> HostilePdfs.type3PatternRecursion()),
			quarantined("jbig2-huge-page.pdf", "jbig2-huge-page", "memory",
					"A letter page that is one JBIG2 image; the image dictionary says 2550 x 3300 (a 300 dpi scan, "
							+ "under any megapixel limit) but the JBIG2 page information segment says " + JBIG2_PAGE_SIDE
							+ " x " + JBIG2_PAGE_SIDE + ". The JBIG2 decoder (jbig2-imageio 3.0.5) allocates the "
							+ "declared page: OutOfMemoryError in createInputStream, getImage and renderImageWithDPI "
							+ "with heaps up to 1 GB (with 3 GB: IOException, dimensions too large). A page of "
							+ "2^31-1 x 2^31-1 overflows the decoder's size computation instead (OutOfMemoryError "
							+ "at 256 MB, IOException from 512 MB).",
					forms -> HostilePdfs.jbig2HugePage(JBIG2_PAGE_SIDE, JBIG2_PAGE_SIDE)),
			quarantined("flate-bomb-image.pdf", "decompression-bomb", "memory",
					"A letter page that is one 1-bit 2550 x 3300 scan whose Flate data (4 MB) inflates to 4 GiB. "
							+ "PDFBox decodes image streams whole into memory: OutOfMemoryError in createInputStream "
							+ "and in renderImageWithDPI after 3 s, with memory or temporary-file stream caches alike.",
					forms -> HostilePdfs.imageBomb(BOMB_BYTES)),
			quarantined("flate-bomb-content.pdf", "decompression-bomb", "memory",
					"A page whose content stream (4 MB of Flate) inflates to 4 GiB of digits: one number token. "
							+ "PDFBox streams content, but gathers a token whole: OutOfMemoryError in renderImageWithDPI "
							+ "after 3 s (a StringBuilder cannot hold it in any heap). The same bomb of zero bytes "
							+ "(white space) is only slow: rendered after 35 s.",
					forms -> HostilePdfs.contentBomb(BOMB_BYTES, (byte) '1')),
			quarantined("endless-render.pdf", "endless-render", "time",
					"A page whose content stream (200 KB of Flate) fills the whole page " + FILLS
							+ " times. PDFBox paints every fill (10,000 of them took 6 s at 300 dpi), so "
							+ "renderImageWithDPI would run for about 50 minutes; still running after 90 s. (A tiling "
							+ "pattern of 0.01 point cells over the page does not do it: PDFBox renders that in 1.4 s.)",
					forms -> HostilePdfs.manyFills(FILLS)),
			quarantined("zero-pages.pdf", "zero-pages", "no pages",
					"A valid PDF whose page tree is empty (/Kids [] /Count 0). PDFBox opens it: 0 pages; "
							+ "getPage(0) throws IndexOutOfBoundsException.",
					forms -> HostilePdfs.zeroPages()),
			quarantined("encrypted-user-password.pdf", "encrypted", "encrypted",
					"A good form encrypted (AES-128) with a user password. Loader.loadPDF without the password: "
							+ "InvalidPasswordException.",
					forms -> FormDerived.encrypted(forms.pdfs().get(0), "owner-secret", "user-secret", SEED)),
			processed("encrypted-owner-password.pdf", "encrypted",
					"A good form encrypted (AES-128) with only an owner password (permissions): anyone may open it. "
							+ "PDFBox opens and renders it.",
					forms -> FormDerived.encrypted(forms.pdfs().get(0), "owner-secret", "", SEED), 0),
			quarantined("page-200-inches.pdf", "huge-page", "megapixels",
					"A page of " + HUGE_PAGE_INCHES + " x " + HUGE_PAGE_INCHES + " inches (MediaBox 14400 x 14400 "
							+ "points, the largest the PDF format allows), 60000 x 60000 pixels at 300 dpi. PDFBox "
							+ "refuses to allocate it: IOException (maximum size of image exceeded) from "
							+ "renderImageWithDPI.",
					forms -> HostilePdfs.hugePage(HUGE_PAGE_INCHES)),
			quarantined("image-30000-pixels.pdf", "huge-image", "megapixels",
					"A page that is one white 1-bit image of " + HUGE_IMAGE_PIXELS + " x " + HUGE_IMAGE_PIXELS
							+ " pixels (110 KB of Flate, 112 MB decoded) at " + HUGE_IMAGE_DPI + " dpi (a 25 inch "
							+ "page). PDFBox: OutOfMemoryError in createInputStream and getImage (900 megapixels).",
					forms -> HostilePdfs.hugeImage(HUGE_IMAGE_PIXELS, HUGE_IMAGE_DPI)),
			quarantined("jpeg-named-pdf.pdf", "not-a-pdf", "not a PDF",
					"A JPEG image (JFIF) of a form, named .pdf. PDFBox: IOException from Loader.loadPDF.",
					forms -> HostilePdfs.jpeg()),
			quarantined("empty.pdf", "empty-file", "empty",
					"A file of 0 bytes. PDFBox: IOException from Loader.loadPDF.", forms -> new byte[0]),
			quarantined("random-bytes.pdf", "not-a-pdf", "not a PDF",
					"64 KB of random bytes. PDFBox: IOException from Loader.loadPDF (missing root object).",
					forms -> HostilePdfs.randomBytes(64 * 1024, SEED)),
			quarantined("truncated.pdf", "truncated", "damaged",
					"The first half of a good form PDF, as an interrupted copy leaves it. PDFBox: IOException from "
							+ "Loader.loadPDF (page tree root must be a dictionary).",
					forms -> FormDerived.truncated(forms.pdfs().get(0))),
			processed("broken-xref.pdf", "broken-xref",
					"A good form PDF whose startxref points elsewhere in the file (no cross-reference there). "
							+ "PDFBox's parser falls back to scanning the file for objects: it opens and renders it.",
					forms -> FormDerived.brokenXref(forms.pdfs().get(0)), 0),
			quarantined("page-tree-loop.pdf", "cycle", "damaged",
					"A page tree whose only kid is a node that lists the root again, before the one page "
							+ "(/Count 1). PDFBox opens it (1 page by /Count); getPage(0) throws "
							+ "IllegalStateException (possible recursion found when searching for page 1).",
					forms -> HostilePdfs.pageTreeLoop()),
			processed("form-draws-itself.pdf", "cycle",
					"A good form page that also draws a form XObject which draws itself. PDFBox stops nesting "
							+ "forms at 50 levels (logs 'recursion is too deep, skipping form XObject') and renders "
							+ "the page.",
					forms -> HostilePdfs.formDrawsItself(forms.scan()), 0),
			processed("own-parent.pdf", "cycle",
					"A good form page under a page tree node that is its own /Parent; the page inherits its media "
							+ "box and resources from it, and attributes nobody has (crop box, rotation) are looked "
							+ "up by climbing the parents. PDFBox does not loop: it opens and renders the page.",
					forms -> HostilePdfs.ownParent(forms.scan()), 0),
			processed("self-reference.pdf", "cycle",
					"A good form page whose /Rotate, /CropBox and /Annots are an object whose value is a "
							+ "reference to itself. PDFBox logs that the object is malformed, takes the defaults and "
							+ "renders the page.",
					forms -> HostilePdfs.selfReference(forms.scan()), 0),
			quarantined("ccitt-wrong-k.pdf", "ccitt", "decoded",
					"A letter page that is one CCITT Group 4 scan whose /DecodeParms say /K 0 (Group 3, "
							+ "one-dimensional). PDFBox: IOException (unknown code in Huffman RLE stream) from "
							+ "createInputStream and getImage; renderImageWithDPI logs it and renders a blank page.",
					forms -> HostilePdfs.ccittPage(HostilePdfs.g4Parms().replace("/K -1", "/K 0"),
							HostilePdfs.syntheticFormG4())),
			quarantined("ccitt-wrong-columns.pdf", "ccitt", "decoded",
					"A letter page that is one 2550-pixel-wide CCITT Group 4 scan whose /DecodeParms say "
							+ "/Columns 1700. PDFBox decodes rows of 1700 pixels without complaint: the decoded "
							+ "stream is a third short (702900 of 1052700 bytes), getImage and renderImageWithDPI "
							+ "give a garbled page. Not a PDFBox failure; a reader that checks the decoded length "
							+ "refuses it.",
					forms -> HostilePdfs.ccittPage(HostilePdfs.g4Parms().replace("/Columns " + HostilePdfs.SCAN_WIDTH,
							"/Columns 1700"), HostilePdfs.syntheticFormG4())),
			processed("ccitt-truncated.pdf", "ccitt",
					"A letter page that is one CCITT Group 4 scan of which only the first half of the data is "
							+ "there. PDFBox does not fail: createInputStream gives the full length and getImage "
							+ "and renderImageWithDPI a page whose lower part is blank.",
					forms -> HostilePdfs.ccittPage(HostilePdfs.g4Parms(), FormDerived.truncated(
							HostilePdfs.syntheticFormG4())), -1),
			processed("valid-form-1.pdf", "valid-form", "A good scanned form, as 'digitdesk corpus' writes it.",
					forms -> forms.pdfs().get(0), 0),
			processed("valid-form-2.pdf", "valid-form", "A good scanned form, as 'digitdesk corpus' writes it.",
					forms -> forms.pdfs().get(1), 1));

	private HostileCorpus() {
	}

	private static Entry quarantined(String file, String kind, String hint, String description, Maker maker) {
		return new Entry(new HostileCase(file, kind, Outcome.QUARANTINED, hint, description), maker, -1);
	}

	private static Entry processed(String file, String kind, String description, Maker maker, int truthOf) {
		return new Entry(new HostileCase(file, kind, Outcome.PROCESSED, "", description), maker, truthOf);
	}

	/** Every file {@link #write} makes, in order. */
	public static List<HostileCase> cases() {
		return ENTRIES.stream().map(Entry::info).toList();
	}

	/**
	 * Writes every case's file into {@code directory}, with {@link #MANIFEST}
	 * beside them.
	 *
	 * @param forms two good one-page form PDFs (as {@code digitdesk corpus}
	 *        writes them): the corpus's good files, and the first is what the
	 *        encrypted, damaged and cyclic files are made of. Their ground
	 *        truth ({@code NAME.json} beside them), if there, is copied beside
	 *        every file that shows the same form.
	 * @return the files written, in the order of {@link #cases()}
	 */
	public static List<Path> write(Path directory, List<Path> forms) throws IOException {
		if (forms.size() < 2) {
			throw new IllegalArgumentException("two good form PDFs are needed, not " + forms.size());
		}
		List<byte[]> pdfs = new ArrayList<>();
		for (Path form : forms.subList(0, 2)) {
			pdfs.add(Files.readAllBytes(form));
		}
		Forms made = new Forms(List.copyOf(pdfs), FormScan.of(pdfs.get(0)));
		Files.createDirectories(directory);
		List<Path> files = new ArrayList<>();
		for (Entry entry : ENTRIES) {
			Path file = directory.resolve(entry.info().fileName());
			try {
				Files.write(file, entry.maker().make(made));
			} catch (IOException | RuntimeException e) {
				throw new IOException("cannot make " + file + ": " + e.getMessage(), e);
			}
			if (entry.truthOf() >= 0) {
				Path truth = truthFile(forms.get(entry.truthOf()));
				if (Files.isRegularFile(truth)) {
					Files.copy(truth, truthFile(file), StandardCopyOption.REPLACE_EXISTING);
				}
			}
			files.add(file);
		}
		writeManifest(directory.resolve(MANIFEST));
		return files;
	}

	/**
	 * Starts writing a copy of {@code form} into {@code file} a few kilobytes
	 * at a time, spread over {@code duration}, from a daemon thread: a file
	 * that grows while an import looks at it.
	 */
	public static GrowingFile startGrowingFile(Path form, Path file, Duration duration) throws IOException {
		return new GrowingFile(file, Files.readAllBytes(form), duration).start();
	}

	private static Path truthFile(Path pdf) {
		String name = pdf.getFileName().toString();
		return pdf.resolveSibling(name.substring(0, name.length() - ".pdf".length()) + ".json");
	}

	private static void writeManifest(Path file) throws IOException {
		List<Map<String, String>> cases = new ArrayList<>();
		for (HostileCase hostile : cases()) {
			Map<String, String> entry = new LinkedHashMap<>();
			entry.put("file", hostile.fileName());
			entry.put("kind", hostile.kind());
			entry.put("expected", hostile.expected().name());
			entry.put("reason_hint", hostile.reasonHint());
			entry.put("description", hostile.description());
			cases.add(entry);
		}
		new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), Map.of("cases", cases));
	}
}
