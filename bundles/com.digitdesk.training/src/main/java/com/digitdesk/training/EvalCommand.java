package com.digitdesk.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import com.digitdesk.api.command.CommandContext;
import com.digitdesk.api.command.CommandOptions;
import com.digitdesk.api.command.ProcessFigures;
import com.digitdesk.api.command.Subcommand;
import com.digitdesk.api.recognition.DigitImage;
import com.digitdesk.api.recognition.DigitNormalizer;
import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.recognition.DigitRecognizer;
import com.digitdesk.api.store.ModelFollowing;
import com.digitdesk.api.store.ModelVersion;
import com.digitdesk.api.store.ResultStores;
import com.digitdesk.api.store.StoreException;
import com.digitdesk.api.training.DigitDataset;
import com.digitdesk.api.training.EvaluableRecognizer;
import com.digitdesk.api.training.MnistDatasets;
import com.digitdesk.api.training.RecognizerSetup;
import com.digitdesk.api.training.Scores;
import com.digitdesk.recognizer.model.ModelFiles;

/**
 * {@code digitdesk eval}: the installed model and the Tesseract baseline on
 * the same MNIST test digits, calibration, the error-versus-reject curve, and
 * speed, all measured in one run. Which services those are is configured
 * ({@link EvalConfiguration}).
 */
@Component(service = Subcommand.class, property = "digitdesk.command=eval", configurationPid = EvalConfiguration.PID)
@Designate(ocd = EvalConfiguration.class)
public class EvalCommand implements Subcommand {

	static final double[] REJECT_RATES = { 0, 0.005, 0.01, 0.02, 0.05 };
	static final int[] BATCH_SIZES = { 16, 32, 64, 128, 256 };

	private final MnistDatasets mnist;
	private final EvaluableRecognizer cnn;
	private final DigitRecognizer tesseract;
	private final DigitNormalizer normalizer;
	private final ResultStores stores;

	/** Puts the recognizer on the store's current model version before it is measured. */
	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
	volatile ModelFollowing models;

	/** The references' targets come from the configuration's {@code recognizer.target} and {@code baseline.target}. */
	@Activate
	public EvalCommand(EvalConfiguration configuration, @Reference MnistDatasets mnist,
			@Reference(name = "recognizer") EvaluableRecognizer cnn,
			@Reference(name = "baseline", cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY) DigitRecognizer tesseract,
			@Reference DigitNormalizer normalizer, @Reference ResultStores stores) {
		this.stores = stores;
		this.mnist = mnist;
		this.cnn = cnn;
		this.tesseract = tesseract;
		this.normalizer = normalizer;
	}

	@Override
	public String summary() {
		return "measure the installed model and the Tesseract baseline on MNIST: error, calibration, reject curve, speed";
	}

	@Override
	public String usage() {
		return """
				usage: digitdesk eval [--db JDBC-URL] [--json] [--tesseract-digits N] [--plot FILE]
				                      [--target-error E] [--digits PREFIX]

				Runs the CNN on all 10,000 MNIST test digits and Tesseract on the first N
				(default 1000), and measures in the same run: error, expected calibration
				error before and after temperature scaling, error at reject rates 0, 0.5,
				1, 2 and 5%%, the reject rate and confidence threshold that keep the error
				at or under E (default 0.001), synthetic non-digits accepted as confident
				digits, batched throughput (best batch size) and single-digit latency.
				Writes the error-versus-reject curve to FILE (default reports/reject-curve.png).
				--digits PREFIX: also the digits of another hand, in MNIST's IDX layout
				(PREFIX-images-idx3-ubyte, PREFIX-labels-idx1-ubyte, 28x28): their
				error is test_error (without --digits, test_error is the MNIST test
				error); mnist_test_error stays the error on MNIST.
				--db: the store whose current model version is measured (default: the
				default store; when it cannot be opened, or has no versions, the
				recognizer's own model is measured and model_version is null).
				--json prints one JSON object instead of the table.""";
	}

	@Override
	public int run(CommandContext context) throws Exception {
		CommandOptions options;
		try {
			options = CommandOptions.parse(context.arguments(), Set.of("--tesseract-digits", "--plot", "--target-error",
					"--digits", "--db"), Set.of("--json")).withoutPositional();
		} catch (IllegalArgumentException e) {
			context.err().println("eval: " + e.getMessage() + "\n" + usage());
			return 2;
		}
		double targetError = options.getDouble("--target-error", 0.001);
		Path plot = context.resolve(options.get("--plot", "reports/reject-curve.png"));
		int tesseractDigits = options.getInt("--tesseract-digits", 1000);

		Optional<ModelVersion> version;
		try {
			version = storeModel(options, context);
		} catch (StoreException e) {
			context.err().println("eval: " + e.getMessage());
			return 1;
		}
		DigitDataset test = mnist.test();
		LabelledSet set = LabelledSet.of(test);
		RecognizerSetup setup = cnn.setup();
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("model_version", version.map(ModelVersion::version).orElse(null));

		context.err().println("eval: CNN on " + set.size() + " MNIST test digits...");
		Scores scores = cnn.scores(set.images(), set.size());
		double[] probabilities = scores.calibrated();
		Evaluation.Scored calibrated = Evaluation.score(probabilities, set.labels());
		Evaluation.Scored raw = Evaluation.score(scores.raw(), set.labels());
		report.put("mnist_test_error", calibrated.error());
		report.put("test_digits", set.size());
		String digits = options.get("--digits", "");
		OtherHand otherHand = null;
		if (digits.isEmpty()) {
			report.put("test_error", calibrated.error());
		} else {
			otherHand = putOtherHand(report, context, context.resolve(digits));
		}

		context.err().println("eval: Tesseract baseline...");
		putTesseract(report, test, Math.min(tesseractDigits, test.size()), calibrated.error());

		report.put("ece_before", Calibration.expectedCalibrationError(raw.confidence(), raw.correct()));
		report.put("ece_after", Calibration.expectedCalibrationError(calibrated.confidence(), calibrated.correct()));
		report.put("temperature", setup.temperature());
		if (setup.secondModelSha256() != null) {
			report.put("second_model_sha256", setup.secondModelSha256());
			report.put("second_opinion_below", setup.secondOpinionBelow());
			report.put("second_opinion_share", (double) scores.secondOpinions() / set.size());
		}
		report.put("shifted_views_below", setup.shiftedViewsBelow());
		report.put("shifted_views_share", (double) scores.shiftedViews() / set.size());
		Evaluation.RejectPoint target = Evaluation.forTargetError(calibrated, targetError);
		report.put("target_error", targetError);
		report.put("reject_rate_at_0_1pct_error", target.rejectRate());
		report.put("confidence_threshold", target.threshold());
		// The same with the confidence that routing uses: a digit's probability among the digits.
		Evaluation.RejectPoint amongDigits = Evaluation.forTargetError(
				Evaluation.scoreAmongDigits(probabilities, set.labels()), targetError);
		report.put("reject_rate_at_0_1pct_error_among_digits", amongDigits.rejectRate());
		report.put("confidence_threshold_among_digits", amongDigits.threshold());
		Map<String, Double> errorAtReject = new LinkedHashMap<>();
		for (double rate : REJECT_RATES) {
			errorAtReject.put(String.format("%.1f%%", rate * 100), Evaluation.atRejectRate(calibrated, rate).error());
		}
		report.put("error_at_reject", errorAtReject);
		report.put("non_digit_confident_rate", nonDigitConfidentRate(target.threshold()));
		Map<String, List<Evaluation.RejectPoint>> curves = new LinkedHashMap<>();
		curves.put("MNIST test digits", Evaluation.curve(calibrated, 0.05, 100));
		if (otherHand != null) {
			curves.put(otherHand.name(), Evaluation.curve(otherHand.scored(), ShadowEvaluation.CURVE_REJECT, 120));
		}
		Charts.rejectCurves("Error vs reject, model " + version.map(ModelVersion::version).orElse("")
				+ " " + setup.modelSha256().substring(0, 12), curves, targetError, plot);
		report.put("reject_curve_png", plot.toString());

		context.err().println("eval: speed...");
		putSpeed(report, set);
		report.put("peak_rss_mb", ProcessFigures.peakRssMegabytes());
		report.put("model_sha256", setup.modelSha256());
		report.put("model", setup.architecture());

		if (options.has("--json")) {
			context.out().println(ModelFiles.toJson(report));
		} else {
			printTable(report, context);
		}
		return 0;
	}

	/**
	 * The recognizer on the current model version of the store that
	 * {@code --db} names; of the default store when it can be opened.
	 */
	private Optional<ModelVersion> storeModel(CommandOptions options, CommandContext context) throws StoreException {
		ModelFollowing following = models;
		if (following == null) {
			return Optional.empty();
		}
		String named = options.get("--db", "");
		if (!named.isEmpty()) {
			return following.readWithCurrentModel(named);
		}
		try {
			return following.readWithCurrentModel(stores.defaultUrl());
		} catch (StoreException e) {
			context.err().println("eval: the recognizer's own model is measured: " + e.getMessage());
			return Optional.empty();
		}
	}

	/** A digit set of another hand, as scored. */
	private record OtherHand(String name, Evaluation.Scored scored) {
	}

	/** The error on a digit set of another hand: test_error, with its size and reject points. */
	private OtherHand putOtherHand(Map<String, Object> report, CommandContext context, Path prefix) throws Exception {
		String name = prefix.getFileName().toString();
		DigitDataset other = mnist.read(name, prefix.resolveSibling(name + "-images-idx3-ubyte"),
				prefix.resolveSibling(name + "-labels-idx1-ubyte"));
		LabelledSet set = LabelledSet.of(other);
		context.err().println("eval: CNN on " + set.size() + " digits of " + prefix + "...");
		Evaluation.Scored scored = Evaluation.score(cnn.scores(set.images(), set.size()).calibrated(), set.labels());
		report.put("test_error", scored.error());
		report.put("test_set", prefix.toString());
		report.put("test_set_digits", set.size());
		Map<String, Double> errorAtReject = new LinkedHashMap<>();
		for (double rate : REJECT_RATES) {
			errorAtReject.put(String.format("%.1f%%", rate * 100), Evaluation.atRejectRate(scored, rate).error());
		}
		report.put("test_set_error_at_reject", errorAtReject);
		return new OtherHand(name, scored);
	}

	private void putTesseract(Map<String, Object> report, DigitDataset test, int count, double cnnError)
			throws Exception {
		if (tesseract == null || count == 0) {
			report.put("tesseract_test_error", null);
			report.put("tesseract_note", "no Tesseract recognizer installed");
			return;
		}
		List<DigitImage> glyphs = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			glyphs.add(test.image(i));
		}
		long start = System.nanoTime();
		List<DigitPrediction> predictions = tesseract.recognize(glyphs);
		double seconds = (System.nanoTime() - start) / 1e9;
		int wrong = 0;
		for (int i = 0; i < count; i++) {
			wrong += predictions.get(i).top().digit() == test.label(i) ? 0 : 1;
		}
		double error = (double) wrong / count;
		report.put("tesseract_test_error", error);
		report.put("tesseract_digits", count);
		report.put("tesseract_digits_per_second", count / seconds);
		report.put("tesseract_to_cnn_error_ratio", cnnError > 0 ? error / cnnError : null);
	}

	/** Share of synthetic non-digits (kinds the network never trained on) taken for a confident digit. */
	private double nonDigitConfidentRate(double threshold) throws Exception {
		List<DigitImage> samples = UnseenNonDigits.samples(1000, 7, normalizer);
		List<DigitPrediction> predictions = cnn.recognize(samples);
		long confident = predictions.stream().filter(p -> p.isDigit() && p.confidence() >= threshold).count();
		return (double) confident / samples.size();
	}

	private void putSpeed(Map<String, Object> report, LabelledSet set) throws Exception {
		List<DigitImage> all = new ArrayList<>(set.size());
		for (int i = 0; i < set.size(); i++) {
			all.add(DigitImage.copyOf(set.images(), i * DigitImage.PIXELS));
		}
		Map<String, Double> byBatch = new LinkedHashMap<>();
		double best = 0;
		int bestBatch = 0;
		for (int batch : BATCH_SIZES) {
			try (EvaluableRecognizer.Trial recognizer = cnn.trial(batch, 0, false)) {
				recognizer.recognize(all.subList(0, 2000));
				double rate = 0;
				for (int round = 0; round < 2; round++) {
					long start = System.nanoTime();
					recognizer.recognize(all);
					rate = Math.max(rate, all.size() / ((System.nanoTime() - start) / 1e9));
				}
				byBatch.put(String.valueOf(batch), rate);
				if (rate > best) {
					best = rate;
					bestBatch = batch;
				}
			}
		}
		report.put("digits_per_second", best);
		report.put("best_batch_size", bestBatch);
		report.put("digits_per_second_by_batch", byBatch);

		try (EvaluableRecognizer.Trial single = cnn.trial(1, 1, true)) {
			double[] millis = new double[500];
			for (int i = 0; i < 50; i++) {
				single.recognize(List.of(all.get(i)));
			}
			for (int i = 0; i < millis.length; i++) {
				long start = System.nanoTime();
				single.recognize(List.of(all.get(i)));
				millis[i] = (System.nanoTime() - start) / 1e6;
			}
			Arrays.sort(millis);
			report.put("single_digit_latency_ms_p50", millis[millis.length / 2]);
			report.put("single_digit_latency_ms_p90", millis[millis.length * 9 / 10]);
		}
	}

	private static void printTable(Map<String, Object> report, CommandContext context) {
		var out = context.out();
		out.printf("MNIST test digits          %d%n", report.get("test_digits"));
		out.printf("CNN error                  %.4f%%%n", 100 * (double) report.get("mnist_test_error"));
		if (report.containsKey("test_set")) {
			out.printf("CNN error, other digits    %.4f%% of %d (%s)%n", 100 * (double) report.get("test_error"),
					report.get("test_set_digits"), report.get("test_set"));
		}
		Object tesseractError = report.get("tesseract_test_error");
		out.printf("Tesseract error            %s%n", tesseractError == null ? report.get("tesseract_note")
				: String.format("%.2f%% on %d digits (%.0fx the CNN's)", 100 * (double) tesseractError,
						report.get("tesseract_digits"), report.get("tesseract_to_cnn_error_ratio")));
		out.printf("ECE before / after         %.4f / %.4f (temperature %.3f)%n", report.get("ece_before"),
				report.get("ece_after"), report.get("temperature"));
		out.println("Error at reject rate:");
		@SuppressWarnings("unchecked")
		Map<String, Double> errors = (Map<String, Double>) report.get("error_at_reject");
		errors.forEach((rate, error) -> out.printf("  %-6s reject -> %.4f%% error%n", rate, 100 * error));
		out.printf("Reject for <= %.2f%% error  %.2f%% (accept confidence >= %.6f)%n",
				100 * (double) report.get("target_error"), 100 * (double) report.get("reject_rate_at_0_1pct_error"),
				report.get("confidence_threshold"));
		out.printf("  ...among the digits      %.2f%% (digit's probability among the ten >= %.6f, as routing uses)%n",
				100 * (double) report.get("reject_rate_at_0_1pct_error_among_digits"),
				report.get("confidence_threshold_among_digits"));
		out.printf("Non-digits taken as digits %.2f%% (at that threshold)%n",
				100 * (double) report.get("non_digit_confident_rate"));
		out.printf("Throughput                 %.0f digits/s (batch %d)%n", report.get("digits_per_second"),
				report.get("best_batch_size"));
		out.printf("Single-digit latency       %.2f ms p50, %.2f ms p90%n", report.get("single_digit_latency_ms_p50"),
				report.get("single_digit_latency_ms_p90"));
		out.printf("Peak RSS                   %.0f MB%n", report.get("peak_rss_mb"));
		out.printf("Model                      %s%n", report.get("model_sha256"));
		out.printf("Reject curve               %s%n", report.get("reject_curve_png"));
	}
}
