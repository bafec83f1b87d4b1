package com.digitdesk.tesseract;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.recognition.DigitRecognizer;
import com.digitdesk.api.recognition.RecognitionException;
import com.digitdesk.api.recognition.RecognizerInfo;

/**
 * The Tesseract baseline: each glyph is read by Tesseract in single-character
 * mode with a digit whitelist. Libtesseract and the language data are
 * checked, and a first engine loaded, when the component activates, so a
 * machine without them gets no service and an error naming what is missing.
 * A batch runs on the caller's thread with an engine of its own.
 */
@Component(immediate = true, service = DigitRecognizer.class, property = "recognizer=tesseract", configurationPid = TesseractConfiguration.PID)
@Designate(ocd = TesseractConfiguration.class)
public class TesseractRecognizer implements DigitRecognizer {

	private static final DigitImage BLANK = DigitImage.blank();

	private final EnginePool engines;
	private final RecognizerInfo info;

	@Activate
	public TesseractRecognizer(TesseractConfiguration configuration) throws RecognitionException {
		this(Path.of(configuration.dataPath()), configuration.language());
	}

	/** For use without a framework. */
	TesseractRecognizer(Path dataPath, String language) throws RecognitionException {
		TesseractInstallation installation = TesseractInstallation.check(dataPath, language);
		Path folder = installation.models().get(0).getParent();
		String languages = language.strip();
		this.info = new RecognizerInfo("tesseract",
				"tesseract-" + installation.version() + ":" + languages + ":" + installation.modelSha256(),
				String.format("Tesseract %s (%s), LSTM, language %s from %s; digit whitelist, single-character"
						+ " mode (PSM 10); probability = Tesseract's confidence / 100, not calibrated",
						installation.version(), installation.library(), languages, folder));
		this.engines = new EnginePool(() -> TesseractEngine.open(installation.api(), folder, languages));
		// A first engine now: a model Tesseract cannot load fails activation, not the first page.
		engines.giveBack(engines.borrow());
	}

	@Deactivate
	void deactivate() {
		engines.close();
	}

	@Override
	public List<DigitPrediction> recognize(List<DigitImage> glyphs) throws RecognitionException {
		if (glyphs.isEmpty()) {
			return List.of();
		}
		List<DigitPrediction> predictions = new ArrayList<>(glyphs.size());
		TesseractEngine engine = engines.borrow();
		try {
			for (DigitImage glyph : glyphs) {
				predictions.add(glyph.equals(BLANK) ? Predictions.blank()
						: Predictions.of(engine.read(GlyphPage.of(glyph))));
			}
		} catch (RuntimeException | LinkageError e) {
			throw new RecognitionException("Tesseract failed on a glyph: " + e, e);
		} finally {
			engines.giveBack(engine);
		}
		return predictions;
	}

	@Override
	public RecognizerInfo info() {
		return info;
	}

	/** Engines waiting for a caller, for tests. */
	int idleEngines() {
		return engines.idleCount();
	}
}
