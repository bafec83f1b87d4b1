package com.digitdesk.recognizer;

import java.util.List;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.digitdesk.api.recognition.ActivationMaps;
import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.recognition.DigitRecognizer;
import com.digitdesk.api.recognition.RecognitionException;
import com.digitdesk.api.recognition.RecognizerInfo;
import com.digitdesk.api.training.EvaluableRecognizer;
import com.digitdesk.api.training.RecognizerSetup;
import com.digitdesk.api.training.Scores;

/**
 * The CNN recognizer service. A model that does not load when the component
 * activates keeps the service from being registered. A changed configuration
 * (another model, e.g. a promoted version) is loaded and checked first and
 * then replaces the reading in place: the service stays registered, the
 * components using it are not restarted, a reading under way finishes with
 * the model it began with, and a model that does not load leaves the current
 * one reading (the failure is logged, naming the file).
 */
@Component(immediate = true, service = { DigitRecognizer.class,
		EvaluableRecognizer.class }, property = "recognizer=cnn", configurationPid = RecognizerConfiguration.PID)
@Designate(ocd = RecognizerConfiguration.class)
public final class CnnRecognizer implements EvaluableRecognizer {

	private static final Logger LOG = LoggerFactory.getLogger(CnnRecognizer.class);

	private final BundleContext context;
	private volatile CnnReading reading;

	@Activate
	public CnnRecognizer(BundleContext context, RecognizerConfiguration configuration) throws RecognitionException {
		this.context = context;
		this.reading = CnnReading.configured(context, configuration);
	}

	@Modified
	void modified(RecognizerConfiguration configuration) {
		CnnReading next;
		try {
			next = CnnReading.configured(context, configuration);
		} catch (RecognitionException e) {
			LOG.error("The new configuration's model does not load, the recognizer goes on with {}: {}",
					reading.info().description(), e.getMessage());
			return;
		}
		CnnReading before = reading;
		reading = next;
		before.retire();
		LOG.info("The recognizer reads with {}", next.info().description());
	}

	@Deactivate
	void deactivate() {
		reading.close();
	}

	@Override
	public List<DigitPrediction> recognize(List<DigitImage> glyphs) throws RecognitionException {
		return reading.recognize(glyphs);
	}

	@Override
	public List<DigitPrediction> recognizeCarefully(List<DigitImage> glyphs) throws RecognitionException {
		return reading.recognizeCarefully(glyphs);
	}

	@Override
	public Optional<ActivationMaps> firstLayer(DigitImage glyph) throws RecognitionException {
		return reading.firstLayer(glyph);
	}

	@Override
	public RecognizerInfo info() {
		return reading.info();
	}

	@Override
	public RecognizerSetup setup() {
		return reading.setup();
	}

	@Override
	public Scores scores(byte[] pixels, int count) throws RecognitionException {
		return reading.scores(pixels, count);
	}

	@Override
	public Trial trial(int batchSize, int threads, boolean firstModelOnly) {
		return reading.trial(batchSize, threads, firstModelOnly);
	}
}
