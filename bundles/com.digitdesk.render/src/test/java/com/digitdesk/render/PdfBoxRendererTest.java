package com.digitdesk.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.digitdesk.api.image.GrayImage;
import com.digitdesk.api.render.DocumentException;
import com.digitdesk.api.render.PdfDocument;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.render.RenderedPage.RenderMethod;
import com.digitdesk.render.TestPdfs.Compression;

class PdfBoxRendererTest {

	@TempDir
	Path dir;

	private final PdfBoxRenderer renderer = new PdfBoxRenderer(configuration(100));

	@AfterEach
	void deactivate() {
		renderer.deactivate();
	}

	static RendererConfiguration configuration(int megapixels) {
		return TestConfigurations.renderer(Map.of("maxMegapixels", megapixels));
	}

	@Test
	void g4ScanIsTakenAsItIsAtItsOwnResolution() throws Exception {
		BufferedImage scan = TestPdfs.scanImage(200, true);
		Path pdf = TestPdfs.scannedPdf(dir.resolve("g4.pdf"), scan, Compression.G4);
		try (PdfDocument document = renderer.open(pdf)) {
			assertThat(document.pageCount()).isEqualTo(1);
			RenderedPage page = document.scan(0, 300);
			assertThat(page.method()).isEqualTo(RenderMethod.EMBEDDED_IMAGE);
			assertThat(page.dpi()).isEqualTo(200);
			assertThat(page.widthPoints()).isEqualTo(612);
			assertThat(page.image()).isEqualTo(GrayRasters.toGray(scan));
		}
	}

	@Test
	void jbig2ScanDecodes() throws Exception {
		BufferedImage scan = TestPdfs.scanImage(200, true);
		Path pdf = Jbig2Pdf.write(dir.resolve("jbig2.pdf"), scan);
		try (PdfDocument document = renderer.open(pdf)) {
			RenderedPage page = document.scan(0, 300);
			assertThat(page.method()).isEqualTo(RenderMethod.EMBEDDED_IMAGE);
			assertThat(page.dpi()).isEqualTo(200);
			assertThat(page.image()).isEqualTo(GrayRasters.toGray(scan));
		}
	}

	@Test
	void flateAndJpegScansDecode() throws Exception {
		BufferedImage scan = TestPdfs.scanImage(150, false);
		Path flate = TestPdfs.scannedPdf(dir.resolve("flate.pdf"), scan, Compression.FLATE);
		Path jpeg = TestPdfs.scannedPdf(dir.resolve("jpeg.pdf"), scan, Compression.JPEG);
		try (PdfDocument document = renderer.open(flate)) {
			assertThat(document.scan(0, 300).image()).isEqualTo(GrayRasters.toGray(scan));
		}
		try (PdfDocument document = renderer.open(jpeg)) {
			RenderedPage page = document.scan(0, 300);
			assertThat(page.method()).isEqualTo(RenderMethod.EMBEDDED_IMAGE);
			// Lossy, but the black mark is still black and the paper white.
			assertThat(page.image().gray(75 + 10, 75 + 10)).isLessThan(40);
			assertThat(page.image().gray(600, 150)).isGreaterThan(215);
		}
	}

	@Test
	void renderingTheScanPageGivesTheSameMarks() throws Exception {
		BufferedImage scan = TestPdfs.scanImage(100, true);
		Path pdf = TestPdfs.scannedPdf(dir.resolve("g4.pdf"), scan, Compression.G4);
		try (PdfDocument document = renderer.open(pdf)) {
			RenderedPage page = document.render(0, 100);
			assertThat(page.method()).isEqualTo(RenderMethod.RENDERED);
			assertThat(page.image().width()).isBetween(849, 850); // PDFBox rounds 8.5 in x 100 dpi down
			assertThat(page.image().gray(60, 60)).isLessThan(60);
			assertThat(page.image().gray(400, 100)).isGreaterThan(200);
		}
	}

	@Test
	void vectorPageIsRendered() throws Exception {
		Path pdf = TestPdfs.vectorPdf(dir.resolve("vector.pdf"), PDRectangle.LETTER);
		try (PdfDocument document = renderer.open(pdf)) {
			RenderedPage page = document.scan(0, 72);
			assertThat(page.method()).isEqualTo(RenderMethod.RENDERED);
			assertThat(page.dpi()).isEqualTo(72);
			GrayImage image = page.image();
			assertThat(image.width()).isEqualTo(612);
			// The filled rectangle: 72..216 x, 72..144 points from the bottom.
			assertThat(image.gray(100, 792 - 100)).isLessThan(50);
			assertThat(image.gray(300, 792 - 100)).isGreaterThan(200);
		}
	}

	@Test
	void notAPdfNamesTheFile() throws Exception {
		Path text = Files.writeString(dir.resolve("notes.pdf"), "hello, not a PDF");
		assertThatThrownBy(() -> renderer.open(text)).isInstanceOf(DocumentException.class)
				.hasMessageContaining("notes.pdf").hasMessageContaining("not a PDF");
	}

	@Test
	void missingAndEmptyFilesAreNamed() throws Exception {
		assertThatThrownBy(() -> renderer.open(dir.resolve("gone.pdf"))).hasMessageContaining("gone.pdf")
				.hasMessageContaining("does not exist");
		Path empty = Files.createFile(dir.resolve("empty.pdf"));
		assertThatThrownBy(() -> renderer.open(empty)).hasMessageContaining("empty.pdf").hasMessageContaining("empty");
	}

	@Test
	void truncatedPdfIsReportedOrItsPagesAre() throws Exception {
		Path whole = TestPdfs.scannedPdf(dir.resolve("whole.pdf"), TestPdfs.scanImage(100, false), Compression.FLATE);
		Path cut = TestPdfs.truncated(whole, dir.resolve("cut.pdf"));
		// PDFBox repairs what it can; whatever it cannot read must come back as an error naming the file.
		assertThatThrownBy(() -> {
			try (PdfDocument document = renderer.open(cut)) {
				document.scan(0, 100);
			}
		}).isInstanceOf(DocumentException.class).hasMessageContaining("cut.pdf");
	}

	@Test
	void encryptedPdfSaysItNeedsAPassword() throws Exception {
		Path pdf = TestPdfs.encryptedPdf(dir.resolve("locked.pdf"));
		assertThatThrownBy(() -> renderer.open(pdf)).isInstanceOf(DocumentException.class)
				.hasMessageContaining("locked.pdf").hasMessageContaining("encrypted");
	}

	@Test
	void pdfWithoutPagesIsRefused() throws Exception {
		Path pdf = TestPdfs.emptyPdf(dir.resolve("nopages.pdf"));
		assertThatThrownBy(() -> renderer.open(pdf)).hasMessageContaining("nopages.pdf")
				.hasMessageContaining("no pages");
	}

	@Test
	void giantPageIsRefusedBeforeAnythingIsDrawn() throws Exception {
		Path pdf = TestPdfs.vectorPdf(dir.resolve("giant.pdf"), new PDRectangle(14400, 14400));
		try (PdfDocument document = renderer.open(pdf)) {
			assertThatThrownBy(() -> document.render(0, 300)).isInstanceOf(DocumentException.class)
					.hasMessageContaining("giant.pdf, page 1").hasMessageContaining("megapixels");
		}
	}

	@Test
	void pageOutOfRangeAndSillyResolutionsAreRefused() throws Exception {
		Path pdf = TestPdfs.vectorPdf(dir.resolve("v.pdf"), PDRectangle.LETTER);
		try (PdfDocument document = renderer.open(pdf)) {
			assertThatThrownBy(() -> document.render(1, 100)).hasMessageContaining("has no page 2");
			assertThatThrownBy(() -> document.render(0, 5000)).hasMessageContaining("5000 dpi");
		}
	}
}
