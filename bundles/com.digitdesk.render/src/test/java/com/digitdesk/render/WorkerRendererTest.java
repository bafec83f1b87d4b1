package com.digitdesk.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.digitdesk.api.render.DocumentException;
import com.digitdesk.api.render.PdfDocument;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.render.TestPdfs.Compression;

/**
 * Files read in real worker processes (this JVM's class path): pages come
 * out as in this process, and a file that takes too long, too much memory or
 * too deep a stack ends as that file's error while the next file is read.
 */
class WorkerRendererTest {

	@TempDir
	Path dir;

	private WorkerRenderer renderer;

	@AfterEach
	void deactivate() {
		if (renderer != null) {
			renderer.deactivate();
		}
	}

	private WorkerRenderer renderer(Map<String, Object> settings) {
		renderer = new WorkerRenderer(TestConfigurations.renderer(settings), WorkerClasspath.ofThisJvm(),
				dir.resolve("scratch"));
		return renderer;
	}

	@Test
	void pagesReadInAWorkerAreThePagesReadHere() throws Exception {
		BufferedImage scan = TestPdfs.scanImage(200, true);
		Path pdf = TestPdfs.scannedPdf(dir.resolve("g4.pdf"), scan, Compression.G4);
		PdfBoxRenderer here = new PdfBoxRenderer(100, true);
		try (PdfDocument inWorker = renderer(Map.of()).open(pdf); PdfDocument inProcess = here.open(pdf)) {
			assertThat(inWorker.pageCount()).isEqualTo(1);
			RenderedPage fromWorker = inWorker.scan(0, 300);
			RenderedPage fromHere = inProcess.scan(0, 300);
			assertThat(fromWorker.source()).isEqualTo(pdf);
			assertThat(fromWorker.dpi()).isEqualTo(fromHere.dpi());
			assertThat(fromWorker.method()).isEqualTo(fromHere.method());
			assertThat(fromWorker.image()).isEqualTo(fromHere.image());
			assertThat(inWorker.render(0, 72).image()).isEqualTo(inProcess.render(0, 72).image());
		} finally {
			here.deactivate();
		}
	}

	@Test
	void jbig2ScansAreDecodedInTheWorker() throws Exception {
		BufferedImage scan = TestPdfs.scanImage(200, true);
		Path pdf = Jbig2Pdf.write(dir.resolve("jbig2.pdf"), scan);
		try (PdfDocument document = renderer(Map.of()).open(pdf)) {
			RenderedPage page = document.scan(0, 300);
			assertThat(page.dpi()).isEqualTo(200);
			assertThat(page.image()).isEqualTo(GrayRasters.toGray(scan));
		}
	}

	@Test
	void aFileThatIsNoPdfIsRefusedNamingItAndTheWorkerGoesOn() throws Exception {
		Path notPdf = Files.writeString(dir.resolve("letter.pdf"), "Dear taxpayer,");
		WorkerRenderer workers = renderer(Map.of());
		assertThatThrownBy(() -> workers.open(notPdf)).isInstanceOf(DocumentException.class)
				.hasMessage(notPdf + ": is not a PDF file (no %PDF- header in its first kilobyte)");
		assertThatThrownBy(() -> workers.open(dir.resolve("missing.pdf"))).hasMessageEndingWith("does not exist");
		assertReadable(workers);
	}

	@Test
	void aPageThatTakesTooLongIsStoppedAndTheNextFileIsRead() throws Exception {
		Path slow = slowPdf(dir.resolve("slow.pdf"));
		WorkerRenderer workers = renderer(Map.of("stepSeconds", 1));
		try (PdfDocument document = workers.open(slow)) {
			long start = System.nanoTime();
			assertThatThrownBy(() -> document.render(0, 300)).isInstanceOf(DocumentException.class)
					.hasMessage(slow + ", page 1: was stopped: reading it took longer than its time limit of 1 s");
			assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
		}
		assertReadable(workers);
		assertThat(scratchDirectories()).as("a stopped worker's scratch directory is removed").isEmpty();
	}

	@Test
	void aPageThatNeedsMoreThanTheWorkersHeapIsThatFilesError() throws Exception {
		Path pdf = TestPdfs.vectorPdf(dir.resolve("vector.pdf"), PDRectangle.LETTER);
		// 1200 dpi letter: 135 megapixels, allowed here, but more than a 64 MB heap holds
		WorkerRenderer workers = renderer(Map.of("workerHeapMegabytes", 64, "maxMegapixels", 1000));
		try (PdfDocument document = workers.open(pdf)) {
			assertThatThrownBy(() -> document.render(0, 1200)).isInstanceOf(DocumentException.class)
					.hasMessageStartingWith(pdf + ", page 1: cannot be read: it needs more memory than the reader's ");
		}
		assertReadable(workers);
	}

	/** A good file still reads after whatever happened before. */
	private void assertReadable(WorkerRenderer workers) throws Exception {
		Path good = TestPdfs.scannedPdf(dir.resolve("good-" + System.nanoTime() + ".pdf"),
				TestPdfs.scanImage(100, true), Compression.G4);
		try (PdfDocument document = workers.open(good)) {
			assertThat(document.scan(0, 300).dpi()).isEqualTo(100);
		}
	}

	private Stream<Path> scratchDirectories() throws IOException {
		return Files.list(dir.resolve("scratch")).toList().stream().filter(Files::isDirectory)
				.filter(path -> {
					try (Stream<Path> files = Files.list(path)) {
						return files.findAny().isPresent();
					} catch (IOException e) {
						return false;
					}
				});
	}

	/** A page of three million filled squares: seconds of drawing from a few kilobytes of file. */
	static Path slowPdf(Path file) throws IOException {
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage(PDRectangle.LETTER);
			document.addPage(page);
			PDStream content = new PDStream(document);
			try (OutputStream out = content.createOutputStream(COSName.FLATE_DECODE)) {
				byte[] square = "1 1 0.5 0.5 re f\n".getBytes(StandardCharsets.US_ASCII);
				for (int i = 0; i < 3_000_000; i++) {
					out.write(square);
				}
			}
			page.setContents(content);
			document.save(file.toFile());
		}
		return file;
	}
}
