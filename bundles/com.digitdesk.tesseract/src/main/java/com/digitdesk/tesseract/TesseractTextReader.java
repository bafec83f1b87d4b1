package com.digitdesk.tesseract;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;
import java.util.Arrays;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import com.digitdesk.api.image.GrayImage;
import com.digitdesk.api.recognition.RecognitionException;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.template.TemplateBox;
import com.digitdesk.api.text.PrintedTextReader;

/**
 * Reads printed text (a form's labels) with Tesseract in single-block mode,
 * the same libtesseract and language data as the digit recognizer
 * (configuration {@value TesseractConfiguration#PID}, described with the
 * recognizer).
 */
@Component(service = PrintedTextReader.class, configurationPid = TesseractConfiguration.PID)
public class TesseractTextReader implements PrintedTextReader {

	/** White border around the area: Tesseract reads text touching the image's edge poorly. */
	private static final int MARGIN = 10;

	private final EnginePool engines;

	@Activate
	public TesseractTextReader(TesseractConfiguration configuration) throws RecognitionException {
		this(Path.of(configuration.dataPath()), configuration.language());
	}

	/** For use without a framework. */
	TesseractTextReader(Path dataPath, String language) throws RecognitionException {
		TesseractInstallation installation = TesseractInstallation.check(dataPath, language);
		Path folder = installation.models().get(0).getParent();
		String languages = language.strip();
		this.engines = new EnginePool(() -> TesseractEngine.openForText(installation.api(), folder, languages));
		engines.giveBack(engines.borrow());
	}

	@Deactivate
	void deactivate() {
		engines.close();
	}

	@Override
	public String read(RenderedPage page, TemplateBox area) throws RecognitionException {
		GrayImage image = page.image();
		double scale = page.pixelsPerPoint();
		int left = Math.max(0, (int) Math.floor(area.x() * scale));
		int top = Math.max(0, (int) Math.floor(area.y() * scale));
		int right = Math.min(image.width(), (int) Math.ceil(area.right() * scale));
		int bottom = Math.min(image.height(), (int) Math.ceil(area.bottom() * scale));
		if (right - left < 2 || bottom - top < 2) {
			return "";
		}
		BufferedImage crop = new BufferedImage(right - left + 2 * MARGIN, bottom - top + 2 * MARGIN,
				BufferedImage.TYPE_BYTE_GRAY);
		byte[] pixels = ((DataBufferByte) crop.getRaster().getDataBuffer()).getData();
		Arrays.fill(pixels, (byte) GrayImage.WHITE);
		for (int y = top; y < bottom; y++) {
			for (int x = left; x < right; x++) {
				pixels[(y - top + MARGIN) * crop.getWidth() + x - left + MARGIN] = (byte) image.gray(x, y);
			}
		}
		TesseractEngine engine = engines.borrow();
		try {
			return engine.readText(crop, page.dpi()).strip();
		} catch (RuntimeException | LinkageError e) {
			throw new RecognitionException("Tesseract failed to read the text of " + page.source() + ", page "
					+ (page.pageIndex() + 1) + " at " + area + ": " + e, e);
		} finally {
			engines.giveBack(engine);
		}
	}
}
